// Form pieces shared by the public pages: every field has a visible label, its hint and its
// error tied to it (aria-describedby), and a form that comes back lists its errors first, each
// linked to its field — the page works the same without JavaScript.
import type { FieldError } from '../form-input.ts'
import { escapeHtml, type MessageKey, type Translate } from '../i18n/i18n.ts'

export interface FormState {
  values: Record<string, string>
  errors: FieldError[]
  csrf: string
}

export function errorSummary(t: Translate, errors: FieldError[], labels: Record<string, string>): string {
  if (!errors.length) return ''
  const items = errors
    .map((e) =>
      // 'form': about the whole post (expired page, too many posts), no field to go to.
      e.field === 'form'
        ? `<li>${t(e.key, e.params)}</li>`
        : `<li><a href="#f-${e.field}">${labels[e.field] ?? ''}：${t(e.key, e.params)}</a></li>`,
    )
    .join('')
  return `<div class="errors" role="alert" aria-labelledby="errors-heading"><h2 id="errors-heading">${t('form.errors')}</h2><ul>${items}</ul></div>`
}

function errorOf(state: FormState, name: string) {
  return state.errors.find((e) => e.field === name)
}

/** aria attributes and the hint/error paragraphs of one field. */
function described(t: Translate, state: FormState, name: string, hint?: string) {
  const error = errorOf(state, name)
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ')
  return {
    attrs: `${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}`,
    notes: `${hint ? `<p class="hint" id="f-${name}-hint">${hint}</p>` : ''}${error ? `<p class="error" id="f-${name}-error">${t(error.key, error.params)}</p>` : ''}`,
  }
}

function badge(t: Translate, required: boolean) {
  return `<span class="badge">${t(required ? 'field.required' : 'field.optional')}</span>`
}

export function textField(
  t: Translate,
  state: FormState,
  o: {
    name: string
    label: string
    required?: boolean
    hint?: string
    type?: 'text' | 'email' | 'tel' | 'password'
    autocomplete?: string
    multiline?: boolean
    extra?: string
  },
): string {
  const d = described(t, state, o.name, o.hint)
  const value = escapeHtml(o.type === 'password' ? '' : (state.values[o.name] ?? ''))
  const common = `id="f-${o.name}" name="${o.name}"${o.required ? ' required' : ''}${d.attrs}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.extra ?? ''}`
  const control = o.multiline
    ? `<textarea ${common} rows="10">${value}</textarea>`
    : `<input type="${o.type ?? 'text'}" ${common} value="${value}">`
  return `<div class="field"><label for="f-${o.name}">${o.label}${badge(t, !!o.required)}</label>${d.notes}${control}</div>`
}

export function radioField(
  t: Translate,
  state: FormState,
  o: { name: string; legend: string; required?: boolean; options: [string, MessageKey][]; fallback?: string },
): string {
  const d = described(t, state, o.name)
  const chosen = state.values[o.name] ?? o.fallback ?? ''
  const radios = o.options
    .map(([value, label], i) => {
      const id = i === 0 ? `f-${o.name}` : `f-${o.name}-${value || 'none'}`
      const checked = chosen === value ? ' checked' : ''
      return `<div class="choice"><input type="radio" id="${id}" name="${o.name}" value="${value}"${checked}${o.required ? ' required' : ''}><label for="${id}">${t(label)}</label></div>`
    })
    .join('')
  // aria-invalid belongs on the radios' group only in newer ARIA; the linked error says it.
  return `<fieldset class="field"${d.attrs.replace(' aria-invalid="true"', '')}><legend>${o.legend}${badge(t, !!o.required)}</legend>${d.notes}${radios}</fieldset>`
}

export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(token)}">`
}
