// The public pages' HTML. Text comes from the catalogs (already HTML-safe); anything a resident
// or an administrator typed is escaped here.
import type { WindowInfo } from '#server/modules/org/index.ts'
import { LIMITS, PASSPHRASE_MIN } from '../form-input.ts'
import { escapeHtml, LANG_INFO, type Lang } from '../i18n/i18n.ts'
import { displayCode } from '../reference-code.ts'
import type { ThreadView } from '../resident.service.ts'
import { HONEYPOT } from '../write-form.ts'
import { csrfField, errorSummary, type FormState, radioField, textField } from './form.ts'
import { crisisBlock, layout, type PageContext, windowBlock } from './layout.ts'

export function aboutPage(ctx: PageContext, window: WindowInfo): string {
  const { t, base } = ctx
  const city = ctx.city.name
  const section = (id: string, heading: string, body: string) =>
    `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><p>${body}</p></section>`
  return layout(
    { ...ctx, current: 'about' },
    t('about.title'),
    `<p class="lead">${t('about.lead')}</p>
<p><a class="button" href="${base}/write">${t('about.start')}</a></p>
${section('anonymous', t('about.anonymous.heading'), t('about.anonymous.body'))}
${section('confidential', t('about.confidential.heading'), t('about.confidential.body', { city }))}
${section('after', t('about.after.heading'), t('about.after.body'))}
${windowBlock(ctx, window)}
${crisisBlock(t, window, t('crisis.lead'))}
<p><a href="${base}/return">${t('about.return')}</a></p>
<p><a href="${base}/seminars">${t('seminars.title')}</a></p>`,
  )
}

export function writePage(ctx: PageContext, state: FormState, o: { noticeOffered: boolean }): string {
  const { t } = ctx
  const labels: Record<string, string> = {
    who: t('write.who'),
    age: t('write.age'),
    body: t('write.body'),
    nickname: t('write.nickname'),
    notice: t('write.notice'),
    call: t('write.call'),
    phone: t('write.phone'),
    passphrase: t('write.passphrase'),
    passphrase2: t('write.passphrase2'),
    form: t('form.send'),
  }
  const notice = o.noticeOffered
    ? textField(t, state, {
        name: 'notice',
        label: labels.notice!,
        type: 'email',
        autocomplete: 'email',
        hint: t('write.notice.hint'),
      })
    : ''
  return layout(
    { ...ctx, current: 'write' },
    t('write.title'),
    `${errorSummary(t, state.errors, labels)}<p>${t('write.intro')}</p>
<form method="post" action="${ctx.base}/write" novalidate>${csrfField(state.csrf)}
${radioField(t, state, {
  name: 'who',
  legend: labels.who!,
  required: true,
  options: [
    ['self', 'write.who.self'],
    ['family', 'write.who.family'],
    ['other', 'write.who.other'],
  ],
})}
${radioField(t, state, {
  name: 'age',
  legend: labels.age!,
  options: [
    ['', 'write.age.none'],
    ['under40', 'write.age.under40'],
    ['40plus', 'write.age.40plus'],
  ],
})}
${textField(t, state, { name: 'body', label: labels.body!, required: true, multiline: true, hint: t('write.body.hint', { max: LIMITS.body }) })}
${textField(t, state, { name: 'nickname', label: labels.nickname!, autocomplete: 'off', hint: t('write.nickname.hint') })}
${notice}
${radioField(t, state, {
  name: 'call',
  legend: labels.call!,
  fallback: 'no',
  options: [
    ['no', 'write.call.no'],
    ['yes', 'write.call.yes'],
  ],
})}
${textField(t, state, { name: 'phone', label: labels.phone!, type: 'tel', autocomplete: 'tel', hint: t('write.phone.hint') })}
<section aria-labelledby="pass-heading"><h2 id="pass-heading">${t('write.passphrase.heading')}</h2>
${textField(t, state, { name: 'passphrase', label: labels.passphrase!, required: true, type: 'password', autocomplete: 'new-password', hint: t('write.passphrase.rule', { min: PASSPHRASE_MIN }) })}
${textField(t, state, { name: 'passphrase2', label: labels.passphrase2!, required: true, type: 'password', autocomplete: 'new-password' })}
</section>
<div class="hp"><label for="f-${HONEYPOT}">${t('write.honeypot')}</label><input type="text" id="f-${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">${t('form.send')}</button></p></form>`,
  )
}

export function donePage(
  ctx: PageContext,
  window: WindowInfo,
  o: { code: string; urgent: boolean; notice: boolean },
): string {
  const { t } = ctx
  const crisis = o.urgent ? crisisBlock(t, window, t('crisis.afterSend')) : ''
  return layout(
    ctx,
    t('done.title'),
    `${crisis}<div class="code-box"><p>${t('done.code')}</p><p class="code">${escapeHtml(displayCode(o.code))}</p></div>
<p>${t('done.keep')}</p><p>${t('done.next')}</p>${o.notice ? `<p>${t('done.notice')}</p>` : ''}
<p><a class="button" href="${ctx.base}/thread">${t('done.open')}</a></p>
${o.urgent ? '' : crisisBlock(t, window, t('crisis.lead'))}`,
  )
}

export function returnPage(
  ctx: PageContext,
  state: FormState,
  o: { failed?: boolean; note?: string } = {},
): string {
  const { t } = ctx
  const labels = { code: t('return.code'), passphrase: t('return.passphrase') }
  const failed = o.failed ? `<div class="errors" role="alert"><p>${t('return.failed')}</p></div>` : ''
  const note = o.note ? `<p class="note" role="status">${o.note}</p>` : ''
  return layout(
    { ...ctx, current: 'return' },
    t('return.title'),
    `${note}${failed}${errorSummary(t, state.errors, labels)}
<form method="post" action="${ctx.base}/return" novalidate>${csrfField(state.csrf)}
${textField(t, state, { name: 'code', label: labels.code, required: true, autocomplete: 'off', hint: t('return.code.hint'), extra: ' autocapitalize="characters" spellcheck="false"' })}
${textField(t, state, { name: 'passphrase', label: labels.passphrase, required: true, type: 'password', autocomplete: 'current-password' })}
<p><button type="submit">${t('return.submit')}</button></p></form>
<p>${t('return.forgot')}</p>`,
  )
}

function when(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(LANG_INFO[lang].locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(at)
}

export function threadPage(
  ctx: PageContext,
  window: WindowInfo,
  thread: ThreadView,
  state: FormState,
  o: { sent: boolean },
): string {
  const { t } = ctx
  const messages = thread.messages
    .map((m) => {
      const who = m.author === 'staff' ? t('thread.staff') : t('thread.you')
      const text =
        m.body === null
          ? `<p class="removed">${t('thread.removed')}</p>`
          : `<p class="text">${escapeHtml(m.body)}</p>`
      return `<li class="msg ${m.author}"><p class="meta"><strong>${who}</strong> <time datetime="${m.at.toISOString()}">${when(ctx.lang, m.at)}</time></p>${text}</li>`
    })
    .join('')
  const replied = thread.messages.some((m) => m.author === 'staff')
  const form =
    thread.status === 'open'
      ? `${errorSummary(t, state.errors, { body: t('thread.write') })}<form method="post" action="${ctx.base}/thread" novalidate>${csrfField(state.csrf)}
${textField(t, state, { name: 'body', label: t('thread.write'), required: true, multiline: true, hint: t('write.body.hint', { max: LIMITS.body }) })}
<p><button type="submit">${t('form.send')}</button></p></form>`
      : `<p>${t('thread.closed')}</p>`
  return layout(
    ctx,
    t('thread.title'),
    `${o.sent ? `<p class="note" role="status">${t('thread.sent')}</p>` : ''}${thread.urgent ? crisisBlock(t, window, t('crisis.afterSend')) : ''}
<p class="code-line">${t('thread.code', { code: displayCode(thread.code) })}</p>
<ol class="thread">${messages}</ol>${replied ? '' : `<p>${t('thread.none')}</p>`}
${form}
<form method="post" action="${ctx.base}/leave">${csrfField(state.csrf)}<p>${t('thread.shared')}</p><p><button type="submit" class="secondary">${t('thread.leave')}</button></p></form>`,
  )
}

export function notFoundPage(ctx: PageContext): string {
  return layout(ctx, ctx.t('notFound.title'), `<p>${ctx.t('notFound.body')}</p>`)
}
