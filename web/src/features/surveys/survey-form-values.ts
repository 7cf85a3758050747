import type { BodyOf } from '#shared/contracts/define.ts'
import type { createSurvey, Survey } from '#shared/contracts/surveys.ts'

export interface QuestionValues {
  /** The form's own key for a question, so that moving one keeps React's rows apart. */
  uid: number
  kind: string
  question: string
  /** One option a line, as typed. */
  options: string
  required: boolean
  allowOther: boolean
}

export interface SurveyValues {
  title: string
  audience: string
  periodFrom: string
  periodTo: string
  introduction: string
  targetCount: string
  linkToCase: boolean
  questions: QuestionValues[]
}

let nextUid = 0
const uid = () => {
  nextUid += 1
  return nextUid
}

export const emptyQuestion = (): QuestionValues => ({
  uid: uid(),
  kind: 'single',
  question: '',
  options: '',
  required: false,
  allowOther: false,
})

export function surveyValuesOf(s?: Survey): SurveyValues {
  return {
    title: s?.title ?? '',
    audience: s?.audience ?? 'consulters',
    periodFrom: s?.periodFrom ?? '',
    periodTo: s?.periodTo ?? '',
    introduction: s?.introduction ?? '',
    targetCount: s?.targetCount == null ? '' : String(s.targetCount),
    linkToCase: s?.linkToCase ?? false,
    questions: s
      ? s.questions.map((q) => ({ ...q, uid: uid(), options: q.options.join('\n') }))
      : [emptyQuestion()],
  }
}

/** Lines of the options box, trimmed, blank lines dropped. */
export function optionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** The API body; numbers stay text so the server names a bad one. */
export function surveyBody(v: SurveyValues): BodyOf<typeof createSurvey> {
  return {
    title: v.title.trim(),
    audience: v.audience as Survey['audience'],
    periodFrom: v.periodFrom.trim() || null,
    periodTo: v.periodTo.trim() || null,
    introduction: v.introduction.trim() || null,
    targetCount: (v.targetCount.trim() || null) as unknown as number | null,
    linkToCase: v.linkToCase,
    questions: v.questions.map((q) => ({
      kind: q.kind as Survey['questions'][number]['kind'],
      question: q.question.trim(),
      options: q.kind === 'text' ? [] : optionLines(q.options),
      required: q.required,
      allowOther: q.kind === 'single' || q.kind === 'multiple' ? q.allowOther : false,
    })),
  }
}
