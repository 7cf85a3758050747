// A survey on the residents' pages: the city's own question texts (escaped), the page's chrome
// from the catalogs. Radios and checkboxes are plain inputs: the form works without JavaScript.
import type { PublicSurvey } from '#server/modules/surveys/index.ts'
import { OTHER_LABEL } from '#shared/contracts/surveys.ts'
import { escapeHtml } from '../i18n/i18n.ts'
import { csrfField, errorSummary, type FormState } from './form.ts'
import { layout, type PageContext } from './layout.ts'

function fieldNotes(ctx: PageContext, state: FormState, name: string, hint?: string) {
  const error = state.errors.find((e) => e.field === name)
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ')
  return {
    describedBy: ids ? ` aria-describedby="${ids}"` : '',
    notes: `${hint ? `<p class="hint" id="f-${name}-hint">${hint}</p>` : ''}${error ? `<p class="error" id="f-${name}-error">${ctx.t(error.key, error.params)}</p>` : ''}`,
  }
}

function badge(ctx: PageContext, required: boolean) {
  return `<span class="badge">${ctx.t(required ? 'field.required' : 'field.optional')}</span>`
}

function question(ctx: PageContext, state: FormState, q: PublicSurvey['questions'][number]): string {
  const name = `q${q.questionNo}`
  const label = `${q.questionNo}. ${escapeHtml(q.question)}`
  const v = state.values
  if (q.kind === 'text') {
    const n = fieldNotes(ctx, state, name)
    return `<div class="field"><label for="f-${name}">${label}${badge(ctx, q.required)}</label>${n.notes}<textarea id="f-${name}" name="${name}" rows="5"${n.describedBy}${n.notes.includes('error') ? ' aria-invalid="true"' : ''}>${escapeHtml(v[name] ?? '')}</textarea></div>`
  }
  const multiple = q.kind === 'multiple'
  const n = fieldNotes(ctx, state, name, multiple ? ctx.t('survey.multiple') : undefined)
  const inputs = q.options
    .map((option, i) => {
      const id = i === 0 ? `f-${name}` : `f-${name}-${i}`
      const input = multiple
        ? `<input type="checkbox" id="${id}" name="${name}-${i}" value="1"${v[`${name}-${i}`] ? ' checked' : ''}>`
        : `<input type="radio" id="${id}" name="${name}" value="${i}"${v[name] === String(i) ? ' checked' : ''}>`
      return `<div class="choice">${input}<label for="${id}">${escapeHtml(option)}</label></div>`
    })
    .join('')
  const other = q.allowOther
    ? (() => {
        const o = fieldNotes(ctx, state, `${name}-other`)
        return `<div class="field"><label for="f-${name}-other">${ctx.t('survey.other')}（${escapeHtml(OTHER_LABEL)}）</label>${o.notes}<input type="text" id="f-${name}-other" name="${name}-other" value="${escapeHtml(v[`${name}-other`] ?? '')}"${o.describedBy}></div>`
      })()
    : ''
  return `<fieldset class="field"${n.describedBy}><legend>${label}${badge(ctx, q.required)}</legend>${n.notes}${inputs}</fieldset>${other}`
}

/** Where the form posts: the survey's public address, or a one-time link's (its token in the body). */
export type SurveyTarget = { link: null } | { link: string }

function agreement(ctx: PageContext, state: FormState): string {
  const checked = state.values.agree ? ' checked' : ''
  return `<div class="choice"><input type="checkbox" id="f-agree" name="agree" value="1"${checked}><label for="f-agree">${ctx.t('survey.agree')}</label></div>`
}

export function surveyPage(
  ctx: PageContext,
  survey: PublicSurvey,
  state: FormState,
  target: SurveyTarget = { link: null },
): string {
  const labels = Object.fromEntries(
    survey.questions.flatMap((q) => [
      [`q${q.questionNo}`, `${q.questionNo}. ${escapeHtml(q.question)}`],
      [`q${q.questionNo}-other`, `${q.questionNo}. ${ctx.t('survey.other')}`],
    ]),
  )
  const intro = survey.introduction
    ? `<p>${escapeHtml(survey.introduction).replaceAll('\n', '<br>')}</p>`
    : ''
  return layout(
    ctx,
    escapeHtml(survey.title),
    `${errorSummary(ctx.t, state.errors, labels)}${intro}<p>${ctx.t('survey.anonymous')}</p>
<form method="post" action="${ctx.base}/surveys/${target.link ? 'a' : survey.id}" novalidate>${csrfField(state.csrf)}${target.link ? `<input type="hidden" name="link" value="${escapeHtml(target.link)}">` : ''}
${survey.questions.map((q) => question(ctx, state, q)).join('\n')}
${target.link && survey.linkToCase ? agreement(ctx, state) : ''}<p><button type="submit">${ctx.t('survey.send')}</button></p></form>`,
  )
}

export function surveyDonePage(ctx: PageContext): string {
  return layout(ctx, ctx.t('survey.done.title'), `<p>${ctx.t('survey.done.body')}</p>`)
}

export function surveyClosedPage(ctx: PageContext): string {
  return layout(ctx, ctx.t('survey.closed.title'), `<p>${ctx.t('survey.closed.body')}</p>`)
}

export function surveyLinkUsedPage(ctx: PageContext): string {
  return layout(ctx, ctx.t('survey.used.title'), `<p>${ctx.t('survey.used.body')}</p>`)
}
