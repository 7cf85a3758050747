// The families' seminar pages: the city's coming seminars, the registration form, and the page
// the registration's link opens (its state, and a button to cancel). Plain HTML, no script.
import type { FamilyRegistrationView } from '#server/modules/seminars/index.ts'
import type { FieldError } from '../form-input.ts'
import { escapeHtml } from '../i18n/i18n.ts'
import { csrfField, errorSummary, type FormState, textField } from './form.ts'
import { layout, type PageContext } from './layout.ts'

export interface SeminarFacts {
  id: string
  title: string
  theme: string | null
  heldOn: string
  startTime: string
  endTime: string | null
  place: string | null
  online: boolean
  capacity: number
  audience: string | null
  confirmedPeople: number
  waitlistedPeople: number
}

const whenOf = (s: SeminarFacts) =>
  `${s.heldOn.replaceAll('-', '/')} ${s.startTime}${s.endTime ? `〜${s.endTime}` : ''}`

function facts(ctx: PageContext, s: SeminarFacts): string {
  const { t } = ctx
  const left = Math.max(0, s.capacity - s.confirmedPeople)
  const rows = [
    s.theme ? `<p>${escapeHtml(s.theme)}</p>` : '',
    `<ul><li>${t('seminars.when', { when: whenOf(s) })}</li>`,
    s.place ? `<li>${t('seminars.place', { place: s.place })}</li>` : '',
    s.online ? `<li>${t('seminars.online')}</li>` : '',
    s.audience ? `<li>${t('seminars.audience', { audience: s.audience })}</li>` : '',
    `<li>${t('seminars.seats', { capacity: s.capacity, left })}</li></ul>`,
    left === 0 || s.waitlistedPeople > 0 ? `<p class="note">${t('seminars.full')}</p>` : '',
  ]
  return rows.join('')
}

export function seminarListPage(ctx: PageContext, seminars: SeminarFacts[]): string {
  const { t } = ctx
  const items = seminars
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2>${facts(ctx, s)}<p><a class="button" href="${ctx.base}/seminars/${s.id}">${t('seminars.apply')}</a></p></section>`,
    )
    .join('')
  return layout(
    ctx,
    t('seminars.title'),
    `<p>${t('seminars.lead')}</p>${items || `<p>${t('seminars.none')}</p>`}`,
  )
}

function checkbox(name: string, label: string, state: FormState): string {
  const checked = state.values[name] === 'yes' ? ' checked' : ''
  return `<div class="choice"><input type="checkbox" id="f-${name}" name="${name}" value="yes"${checked}><label for="f-${name}">${label}</label></div>`
}

export function seminarFormPage(ctx: PageContext, s: SeminarFacts, state: FormState): string {
  const { t } = ctx
  const labels = {
    name: t('seminars.form.name'),
    attendees: t('seminars.form.attendees'),
    email: t('seminars.form.email'),
    phone: t('seminars.form.phone'),
    note: t('seminars.form.note'),
  }
  const values = { ...state.values, attendees: state.values.attendees ?? '1' }
  const filled = { ...state, values }
  return layout(
    ctx,
    t('seminars.form.title', { title: s.title }),
    `${facts(ctx, s)}<p>${t('seminars.form.intro')}</p>${errorSummary(t, state.errors, labels)}
<form method="post" action="${ctx.base}/seminars/${s.id}" novalidate>${csrfField(state.csrf)}
${textField(t, filled, { name: 'name', label: labels.name, required: true, autocomplete: 'nickname' })}
${textField(t, filled, { name: 'attendees', label: labels.attendees, required: true, extra: ' inputmode="numeric"' })}
${textField(t, filled, { name: 'email', label: labels.email, type: 'email', autocomplete: 'email', hint: t('seminars.form.contact') })}
${textField(t, filled, { name: 'phone', label: labels.phone, type: 'tel', autocomplete: 'tel' })}
<fieldset class="field"><legend>${t('seminars.form.needs')}</legend>${checkbox('childcare', t('seminars.form.childcare'), state)}${checkbox('sign', t('seminars.form.sign'), state)}</fieldset>
${textField(t, filled, { name: 'note', label: labels.note, multiline: true })}
<p><button type="submit">${t('seminars.apply')}</button></p></form>`,
  )
}

export function registrationPage(
  ctx: PageContext,
  r: FamilyRegistrationView,
  csrf: string,
  errors: FieldError[] = [],
): string {
  const { t } = ctx
  const status =
    r.status === 'confirmed'
      ? t('seminars.mine.confirmed')
      : r.status === 'waitlisted'
        ? t('seminars.mine.waitlisted', { position: r.waitlistPosition ?? 0 })
        : t('seminars.mine.cancelled')
  const cancel =
    r.status === 'cancelled'
      ? ''
      : `<p>${t('seminars.mine.keep')}</p><form method="post" action="${escapeHtml(ctx.path)}">${csrfField(csrf)}<p><button type="submit">${t('seminars.mine.cancel')}</button></p></form>`
  return layout(
    ctx,
    t('seminars.mine.title'),
    `${errorSummary(t, errors, {})}<p class="note" role="status">${status}</p><h2>${escapeHtml(r.seminar.title)}</h2>${facts(ctx, r.seminar)}${cancel}`,
  )
}
