// Coded values of the domain, with the Japanese labels users see. Codes and labels follow
// docs/ledger-format.md exactly: imports accept either, exports and the API use codes.

export type CodeList<C extends string> = readonly { code: C; label: string }[]

function codes<const C extends string>(list: readonly { code: C; label: string }[]) {
  return list
}

export const WARDS = codes([
  { code: 'kita', label: '北区' },
  { code: 'kamigyo', label: '上京区' },
  { code: 'sakyo', label: '左京区' },
  { code: 'nakagyo', label: '中京区' },
  { code: 'higashiyama', label: '東山区' },
  { code: 'yamashina', label: '山科区' },
  { code: 'shimogyo', label: '下京区' },
  { code: 'minami', label: '南区' },
  { code: 'ukyo', label: '右京区' },
  { code: 'nishikyo', label: '西京区' },
  { code: 'fushimi', label: '伏見区' },
  { code: 'fukakusa', label: '深草支所' },
  { code: 'daigo', label: '醍醐支所' },
  { code: 'rakusai', label: '洛西支所' },
])

/** The ward centres' sections (保健福祉センター各課・室), created for every ward. */
export const WARD_SECTIONS = codes([
  { code: 'kenko_choju', label: '健康長寿推進課' },
  { code: 'shogai', label: '障害保健福祉課' },
  { code: 'seikatsu', label: '生活福祉課' },
  { code: 'kodomo', label: '子どもはぐくみ室' },
])

export const AGE_BANDS = codes([
  { code: 'under40', label: '39歳以下' },
  { code: '40plus', label: '40歳以上' },
  { code: 'unknown', label: '不明' },
])

export const FIRST_CONSULTERS = codes([
  { code: 'self', label: '本人' },
  { code: 'family', label: '家族・親族' },
  { code: 'agency', label: '関係機関' },
  { code: 'other', label: 'その他' },
])

export const ROUTES = codes([
  { code: 'agency_referral', label: '関係機関の紹介' },
  { code: 'publicity', label: '広報・チラシ' },
  { code: 'web', label: 'ウェブサイト' },
  { code: 'acquaintance', label: '知人・家族' },
  { code: 'other_window', label: '他窓口からの案内' },
  { code: 'other', label: 'その他' },
  { code: 'unknown', label: '不明' },
])

export const CONCERNS = codes([
  { code: 'poverty', label: '経済的困窮' },
  { code: 'medical', label: '医療受診' },
  { code: 'abuse', label: '虐待' },
  { code: 'disability', label: '障害' },
  { code: 'work', label: '就労' },
  { code: 'school', label: '就学' },
  { code: 'family_relations', label: '家族関係' },
  { code: 'other', label: 'その他' },
])

export const URGENCIES = codes([
  { code: 'normal', label: '通常' },
  { code: 'early', label: '要早期対応' },
  { code: 'urgent', label: '緊急' },
])

export const CASE_STATUSES = codes([
  { code: 'open', label: '継続対応中' },
  { code: 'handed_over', label: '引継ぎ済' },
  { code: 'closed', label: '終結' },
])

export const CLOSURE_REASONS = codes([
  { code: 'introduced', label: '相談先・支援団体の紹介' },
  { code: 'advice', label: '家族への接し方の助言' },
  { code: 'other_issue', label: 'ひきこもり以外の課題への対応' },
  { code: 'wish', label: '本人・家族の意向' },
  { code: 'lost_contact', label: '連絡途絶' },
  { code: 'other', label: 'その他' },
])

export const GENDERS = codes([
  { code: 'male', label: '男性' },
  { code: 'female', label: '女性' },
  { code: 'other', label: 'その他' },
  { code: 'unknown', label: '不明' },
])

export const CONTACT_METHODS = codes([
  { code: 'phone', label: '電話' },
  { code: 'in_person', label: '面談' },
  { code: 'mail', label: 'メール' },
  { code: 'visit', label: '訪問' },
  { code: 'other', label: 'その他' },
])

export const COUNTERPARTS = codes([
  { code: 'self', label: '本人' },
  { code: 'family', label: '家族・親族' },
  { code: 'other', label: 'その他' },
])

/** 続柄: how someone around the case relates to the person (docs/ledger-format.md, `people` sheet). */
export const RELATIONSHIPS = codes([
  { code: 'self', label: '本人' },
  { code: 'mother', label: '母' },
  { code: 'father', label: '父' },
  { code: 'sibling', label: 'きょうだい' },
  { code: 'spouse', label: '配偶者' },
  { code: 'grandparent', label: '祖父母' },
  { code: 'child', label: '子' },
  { code: 'other_relative', label: 'その他親族' },
  { code: 'agency_staff', label: '関係機関職員' },
  { code: 'other', label: 'その他' },
])

/** The label a phone number may carry. */
export const PHONE_LABELS = codes([
  { code: 'home', label: '自宅' },
  { code: 'mobile', label: '携帯' },
  { code: 'work', label: '勤務先' },
])

/** 介護・支援機関: care needs or services around a household member (one half of the 8050 flag). */
export const CARE_KINDS = codes([
  { code: 'care_needs', label: '要介護' },
  { code: 'chiiki_houkatsu', label: '地域包括支援センター' },
  { code: 'care_manager', label: 'ケアマネジャー' },
  { code: 'public_assistance', label: '生活保護' },
  { code: 'other', label: 'その他' },
])

/** The ward's state of a handed-over case (issue 4 moves it on). */
export const WARD_STATES = codes([
  { code: 'assessing', label: '追加アセスメント中' },
  { code: 'ready', label: '会議付議可' },
])

export const ROLES = codes([
  { code: 'window_counsellor', label: '相談窓口 相談員' },
  { code: 'ward_coordinator', label: '寄り添い支援係長' },
  { code: 'ward_staff', label: '保健福祉センター職員' },
  { code: 'accompaniment_worker', label: 'よりそい支援員' },
  { code: 'agency_member', label: '関係機関' },
  { code: 'headquarters', label: '本市担当課' },
  { code: 'admin', label: 'システム管理者' },
])

export const UNIT_KINDS = codes([
  { code: 'window', label: '相談窓口' },
  { code: 'ward_centre', label: '区役所・支所 保健福祉センター' },
  { code: 'ward_section', label: '保健福祉センター各課・室' },
  { code: 'accompaniment_team', label: 'よりそい支援員' },
  { code: 'agency', label: '関係機関' },
  { code: 'headquarters', label: '本市担当課' },
])

/** 検討ケースの区分 (reviews.kind). */
export const REVIEW_KINDS = codes([
  { code: 'new', label: '新規' },
  { code: 'continuing', label: '継続' },
])

/** 新規ケース経路: how a new case reached the meeting (reviews.route). */
export const NEW_CASE_ROUTES = codes([
  { code: 'window', label: '相談窓口' },
  { code: 'ward_section', label: '保健福祉センター各課・室' },
  { code: 'agency', label: 'その他（関係機関等）' },
])

/** 主担当 decided for a case at a meeting (reviews.lead). */
export const CASE_LEADS = codes([
  { code: 'ward_section', label: '保健福祉センター各課・室' },
  { code: 'accompaniment', label: 'よりそい支援員' },
  { code: 'specialist', label: '専門機関・NPO等' },
  { code: 'rediscuss', label: '再協議等' },
])

/** 支援調整会議の状態 (meetings.status): scheduled until the coordinator records it as held. */
export const MEETING_STATUSES = codes([
  { code: 'scheduled', label: '開催予定' },
  { code: 'held', label: '開催済' },
])

/** 目標 of a support plan (docs/domain.md, "What is recorded"). */
export const SUPPORT_GOALS = codes([
  { code: 'employment', label: '就労' },
  { code: 'school', label: '就学' },
  { code: 'communication', label: 'コミュニケーション能力の向上等' },
  { code: 'ibasho', label: '居場所への参加' },
  { code: 'rhythm', label: '生活リズム' },
  { code: 'other', label: 'その他' },
])

/** 支援内容: the kinds of a lead worker's activity (docs/domain.md, "What is recorded"). */
export const SUPPORT_ACTIVITIES = codes([
  { code: 'home_listening', label: '自宅等での定期的な傾聴' },
  { code: 'remote_listening', label: '手紙・メール・電話での傾聴' },
  { code: 'work_school', label: '就学・就労に向けた支援' },
  { code: 'challenge_work', label: 'チャレンジ就労体験' },
  { code: 'approach', label: '本人へのアプローチ' },
  { code: 'accompany', label: '支援団体への同行' },
  { code: 'procedures', label: '行政手続きの支援' },
  { code: 'other', label: 'その他' },
])

/** つなぎの結果 (referrals.outcome). */
export const REFERRAL_OUTCOMES = codes([
  { code: 'arranging', label: '調整中' },
  { code: 'connected', label: 'つながった' },
  { code: 'not_used', label: '利用に至らず' },
])

/** City-wide meetings headquarters schedules (network_meetings.kind). */
export const NETWORK_MEETING_KINDS = codes([
  { code: 'coordinators', label: '担当者会議' },
  { code: 'case_study', label: '支援ミーティング' },
])

export const SURVEY_AUDIENCES = codes([
  { code: 'consulters', label: '相談者' },
  { code: 'agencies', label: '関係機関' },
  { code: 'supported', label: '支援対象者' },
  { code: 'other', label: 'その他' },
])

export const QUESTION_KINDS = codes([
  { code: 'single', label: '単一回答' },
  { code: 'multiple', label: '複数回答' },
  { code: 'text', label: '自由記述' },
  { code: 'scale', label: '5段階評価' },
])

export const SURVEY_STATUSES = codes([
  { code: 'draft', label: '作成中' },
  { code: 'published', label: '公開中' },
  { code: 'closed', label: '終了' },
])

export const SURVEY_SOURCES = codes([
  { code: 'import', label: '台帳から取込' },
  { code: 'paper', label: '紙' },
  { code: 'web', label: 'ウェブ' },
])

/** Who a survey's one-time links go to, drawn from the records (issue 12: 対象リスト). */
export const SURVEY_TARGET_KINDS = codes([
  { code: 'closed_consulters', label: '期間内に終結したケースの相談者' },
  { code: 'meeting_agencies', label: '期間内の支援調整会議に出席した関係機関' },
  { code: 'accompaniment_supported', label: '期間内によりそい支援員が支援した方' },
])

export const RESOURCE_CATEGORIES = codes([
  { code: 'ibasho', label: '居場所' },
  { code: 'employment', label: '就労支援' },
  { code: 'education', label: '就学・学習支援' },
  { code: 'family', label: '家族会・家族支援' },
  { code: 'medical', label: '医療・保健' },
  { code: 'consultation', label: '相談' },
  { code: 'other', label: 'その他' },
])

/** Whom a community resource serves (resources.serves). */
export const RESOURCE_SERVES = codes([
  { code: 'self', label: '本人' },
  { code: 'family', label: '家族' },
])

/** Baseline metrics (baselines.metric); their codes are their labels in the ledger. */
export const BASELINE_METRICS = codes([
  { code: 'cases.under40', label: 'cases.under40' },
  { code: 'cases.40plus', label: 'cases.40plus' },
  { code: 'cases.unknown', label: 'cases.unknown' },
  { code: 'cases.total', label: 'cases.total' },
])

export type WardCode = (typeof WARDS)[number]['code']
export type AgeBand = (typeof AGE_BANDS)[number]['code']
export type FirstConsulter = (typeof FIRST_CONSULTERS)[number]['code']
export type Route = (typeof ROUTES)[number]['code']
export type Concern = (typeof CONCERNS)[number]['code']
export type Urgency = (typeof URGENCIES)[number]['code']
export type CaseStatus = (typeof CASE_STATUSES)[number]['code']
export type ClosureReason = (typeof CLOSURE_REASONS)[number]['code']
export type Gender = (typeof GENDERS)[number]['code']
export type ContactMethod = (typeof CONTACT_METHODS)[number]['code']
export type Counterpart = (typeof COUNTERPARTS)[number]['code']
export type Relationship = (typeof RELATIONSHIPS)[number]['code']
export type PhoneLabel = (typeof PHONE_LABELS)[number]['code']
export type CareKind = (typeof CARE_KINDS)[number]['code']
export type WardState = (typeof WARD_STATES)[number]['code']
export type Role = (typeof ROLES)[number]['code']
export type UnitKind = (typeof UNIT_KINDS)[number]['code']
export type NewCaseRoute = (typeof NEW_CASE_ROUTES)[number]['code']
export type CaseLead = (typeof CASE_LEADS)[number]['code']
export type SurveyTargetKind = (typeof SURVEY_TARGET_KINDS)[number]['code']
export type MeetingStatus = (typeof MEETING_STATUSES)[number]['code']
export type SupportGoal = (typeof SUPPORT_GOALS)[number]['code']
export type SupportActivity = (typeof SUPPORT_ACTIVITIES)[number]['code']
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number]['code']
export type NetworkMeetingKind = (typeof NETWORK_MEETING_KINDS)[number]['code']

/** The codes of a list, as a tuple zod's enum accepts. */
export function codesOf<C extends string>(list: CodeList<C>): [C, ...C[]] {
  return list.map((c) => c.code) as [C, ...C[]]
}

/** The Japanese label of a code, or the code itself when the list does not know it. */
export function labelOf<C extends string>(list: CodeList<C>, code: C | null | undefined): string {
  if (code == null) return ''
  return list.find((c) => c.code === code)?.label ?? code
}

/**
 * A ward from its code or its name, with or without 区 / 支所 / 区役所 (docs/domain.md:
 * "its code or its name ... is accepted").
 */
export function findWard(input: string): WardCode | undefined {
  const text = input.trim()
  if (!text) return undefined
  const byCode = WARDS.find((w) => w.code === text.toLowerCase())
  if (byCode) return byCode.code
  const stem = (s: string) => s.replace(/(区役所|支所|区)$/u, '')
  return WARDS.find((w) => stem(w.label) === stem(text))?.code
}
