// A resident's answers to a survey, read from the form post (no JavaScript): a radio `q<n>` with
// the option's position, a checkbox `q<n>-<i>` per option, `q<n>-other` for 「その他」's text and
// `q<n>` for a free text. Refusals are message keys on the question's field; nothing is stored
// while any question has one.
import type { PublicSurvey } from '#server/modules/surveys/index.ts'
import { type AnswerInput, OTHER_LABEL } from '#shared/contracts/surveys.ts'
import { type FieldError, field, textProblem } from './form-input.ts'

export const SURVEY_TEXT_MAX = 4000

export function readSurveyForm(
  survey: PublicSurvey,
  body: unknown,
): { ok: true; answers: AnswerInput[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const answers: AnswerInput[] = []
  for (const q of survey.questions) {
    const name = `q${q.questionNo}`
    if (q.kind === 'text') {
      const text = field(body, name).trim()
      const problem = textProblem(text, SURVEY_TEXT_MAX, { multiline: true })
      if (problem) errors.push({ field: name, ...problem })
      else if (q.required && !text) errors.push({ field: name, key: 'error.answerRequired' })
      answers.push({ questionNo: q.questionNo, choices: [], text: text || null })
      continue
    }
    const picked =
      q.kind === 'multiple'
        ? q.options.filter((_, i) => field(body, `${name}-${i}`) !== '')
        : [q.options[Number.parseInt(field(body, name), 10)]].filter((o): o is string => o !== undefined)
    const chosenRaw = field(body, name)
    if (q.kind !== 'multiple' && chosenRaw !== '' && picked.length === 0) {
      errors.push({ field: name, key: 'error.choice' })
      continue
    }
    const other = q.allowOther && picked.includes(OTHER_LABEL) ? field(body, `${name}-other`).trim() : ''
    const problem = textProblem(other, SURVEY_TEXT_MAX)
    if (problem) errors.push({ field: `${name}-other`, ...problem })
    if (q.required && picked.length === 0) errors.push({ field: name, key: 'error.answerRequired' })
    answers.push({ questionNo: q.questionNo, choices: picked, text: other || null })
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers }
}
