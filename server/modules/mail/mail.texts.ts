// The fixed texts of the notices. A notice says only that something waits and where to read it:
// never the consultation's words, a name, the reference code or the passphrase. A mailbox may be
// shared with the very family member a resident writes about, and mail crosses other servers.
import type { MailKind } from '#server/platform/mail-outbox.ts'

export const NOTICE_LANGS = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const
export type NoticeLang = (typeof NOTICE_LANGS)[number]

interface Text {
  subject: string
  /** Paragraphs before the link. */
  lead: string
  /** After the link. */
  foot: string
}

/** inquiry_reply_waiting, in the language of the page the resident wrote on. */
const REPLY_WAITING: Record<NoticeLang, Text> = {
  ja: {
    subject: 'ご相談に返事があります',
    lead: 'ウェブ相談に窓口から返事がありました。次のページを開き、受付番号と合言葉を入力してお読みください。',
    foot: 'このメールには返事の内容は書かれていません。このメールは送信専用のため、このメールに返信はできません。',
  },
  'ja-easy': {
    subject: 'そうだんの へんじが あります',
    lead: 'ウェブそうだんに へんじが きました。つぎの ページを ひらいて、うけつけばんごうと あいことばを いれて、よんで ください。',
    foot: 'この メールには へんじの なかみは かいて いません。この メールに へんじは できません。',
  },
  en: {
    subject: 'A reply to your consultation is waiting',
    lead: 'There is a reply to your web consultation. To read it, open the page below and enter your reference number and passphrase.',
    foot: 'This mail does not contain the reply. It is sent automatically; please do not reply to it.',
  },
  zh: {
    subject: '您的咨询有新的回复',
    lead: '您的网上咨询有新的回复。请打开以下网页，输入受理编号和口令后阅读。',
    foot: '本邮件不包含回复的内容。本邮件为系统自动发送，请勿回复。',
  },
  ko: {
    subject: '상담에 대한 답변이 도착했습니다',
    lead: '웹 상담에 답변이 도착했습니다. 아래 페이지를 열고 접수 번호와 암호를 입력하여 읽어 주십시오.',
    foot: '이 메일에는 답변 내용이 포함되어 있지 않습니다. 발신 전용 메일이므로 회신할 수 없습니다.',
  },
  vi: {
    subject: 'Đã có trả lời cho nội dung tư vấn của bạn',
    lead: 'Đã có trả lời cho nội dung tư vấn trên web của bạn. Để đọc, hãy mở trang dưới đây và nhập mã số tiếp nhận và mật khẩu.',
    foot: 'Thư này không chứa nội dung trả lời. Đây là thư tự động, vui lòng không trả lời thư này.',
  },
  pt: {
    subject: 'Há uma resposta à sua consulta',
    lead: 'Há uma resposta à sua consulta pela internet. Para lê-la, abra a página abaixo e digite o número de atendimento e a senha.',
    foot: 'Este e-mail não contém a resposta. É um envio automático; não responda a este e-mail.',
  },
}

/** Staff notices, in Japanese: where to look, never what was written or by whom. */
const STAFF: Record<'staff_new_inquiry' | 'staff_overdue', Text> = {
  staff_new_inquiry: {
    subject: '【よりそい】ウェブ相談に新しいメッセージがあります',
    lead: 'ウェブ相談に新しいメッセージが届きました。内容は相談窓口の受信箱で確認してください。',
    foot: 'このメールには相談の内容や相談者の情報は含まれていません。通知の設定は、よりそいの「メール通知」で変更できます。',
  },
  staff_overdue: {
    subject: '【よりそい】返信待ちのウェブ相談があります',
    lead: '返信の目安の時間を過ぎたウェブ相談があります。相談窓口の受信箱で確認してください。',
    foot: 'このメールには相談の内容や相談者の情報は含まれていません。通知の設定は、よりそいの「メール通知」で変更できます。',
  },
}

/**
 * To a family registered for a seminar (家族向け研修会・家族教室): that a seat is theirs, or that it
 * is tomorrow. Neither names the seminar nor the family: the page of the city's seminars says the rest.
 */
const SEMINAR: Record<'seminar_moved_up' | 'seminar_reminder', Text> = {
  seminar_moved_up: {
    subject: '研修会・家族教室のキャンセル待ちから参加が決まりました',
    lead: 'キャンセル待ちでお申し込みの研修会・家族教室に空きができ、参加が決まりました。日時と会場は次のページでご確認ください。参加できなくなったときは、お申し込みのときにお知らせした取消しのページから取り消してください。',
    foot: 'このメールは送信専用のため、このメールに返信はできません。',
  },
  seminar_reminder: {
    subject: '明日は研修会・家族教室の日です',
    lead: 'お申し込みの研修会・家族教室は明日です。日時と会場は次のページでご確認ください。参加できなくなったときは、取消しのページから取り消してください。',
    foot: 'このメールは送信専用のため、このメールに返信はできません。',
  },
}

/**
 * A survey's one-time link (issue 12). It names neither the survey's subject nor the person: the
 * mailbox may be shared, and the page the link opens says the rest.
 */
const SURVEY_INVITATION: Text = {
  subject: 'アンケートへのご協力のお願い',
  lead: '市からアンケートへのご協力のお願いです。次のページから回答できます。このページはあなたのためのもので、回答は1回だけできます。回答は誰が答えたか分からない形で扱います。',
  foot: 'このメールは送信専用のため、このメールに返信はできません。',
}

/** The city's seminars on the residents' pages. */
export function seminarsUrl(publicUrl: string, tenantId: string): string {
  return `${publicUrl}/soudan/${encodeURIComponent(tenantId)}/seminars`
}

export function noticeLang(lang: string | null | undefined): NoticeLang {
  return (NOTICE_LANGS as readonly string[]).includes(lang ?? '') ? (lang as NoticeLang) : 'ja'
}

/** The public page of a city's window where a resident types the code and passphrase, in their language. */
export function residentWindowUrl(publicUrl: string, tenantId: string, lang: NoticeLang): string {
  return `${publicUrl}/soudan/${encodeURIComponent(tenantId)}/return?lang=${lang}`
}

/** The window's inbox in the staff app. */
export function staffInboxUrl(publicUrl: string): string {
  return `${publicUrl}/inquiries`
}

export interface NoticeContext {
  kind: MailKind
  tenantId: string
  /** The thread's language (inquiry_reply_waiting only). */
  lang: string | null
  publicUrl: string
  /** survey_invitation: the link with its token, written by the worker (never stored). */
  link?: string
}

export function composeNotice(notice: NoticeContext): { subject: string; text: string } {
  if (notice.kind === 'inquiry_reply_waiting') {
    const lang = noticeLang(notice.lang)
    const t = REPLY_WAITING[lang]
    return { subject: t.subject, text: body(t, residentWindowUrl(notice.publicUrl, notice.tenantId, lang)) }
  }
  if (notice.kind === 'seminar_moved_up' || notice.kind === 'seminar_reminder') {
    const t = SEMINAR[notice.kind]
    return { subject: t.subject, text: body(t, seminarsUrl(notice.publicUrl, notice.tenantId)) }
  }
  if (notice.kind === 'survey_invitation') {
    if (!notice.link) throw new Error('survey invitation without its link')
    return { subject: SURVEY_INVITATION.subject, text: body(SURVEY_INVITATION, notice.link) }
  }
  const t = STAFF[notice.kind]
  return { subject: t.subject, text: body(t, staffInboxUrl(notice.publicUrl)) }
}

function body(t: Text, url: string): string {
  return `${t.lead}\n\n${url}\n\n${t.foot}\n`
}
