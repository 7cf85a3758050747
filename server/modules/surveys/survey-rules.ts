// The builder's and the answer's rules, kept apart from the database so the staff pages, paper
// answers and the public form all check the same way.
import { FieldErrors } from '#server/platform/field-errors.ts'
import {
  type AnswerInput,
  OTHER_LABEL,
  type QuestionInput,
  type SurveyQuestion,
} from '#shared/contracts/surveys.ts'

/** The five steps of a scale question when the builder gives none. */
export const DEFAULT_SCALE = ['満足', 'やや満足', '普通', 'やや不満', '不満']

export interface StoredQuestion {
  questionNo: number
  question: string
  kind: string
  options: string[]
  required: boolean
  allowOther: boolean
}

const isChoice = (kind: string) => kind === 'single' || kind === 'multiple'

/** Questions as stored: numbered from 1, 「その他」 as the last option when allowed; or field errors. */
export function questionsToStore(input: QuestionInput[]): StoredQuestion[] {
  const errors = new FieldErrors()
  const stored = input.map((q, i) => {
    const at = `questions.${i}`
    let options = q.options
    if (q.kind === 'text') {
      if (options.length > 0) errors.add(`${at}.options`, '自由記述の設問に選択肢は置けません')
      if (q.allowOther) errors.add(`${at}.allowOther`, '自由記述の設問に「その他」は置けません')
      options = []
    } else if (q.kind === 'scale') {
      if (options.length === 0) options = DEFAULT_SCALE
      if (options.length !== 5) errors.add(`${at}.options`, '5段階評価の選択肢はちょうど5つ入力してください')
      if (q.allowOther) errors.add(`${at}.allowOther`, '5段階評価に「その他」は置けません')
    } else if (options.length < 2) {
      errors.add(`${at}.options`, '選択肢を2つ以上入力してください')
    }
    if (new Set(options).size !== options.length) errors.add(`${at}.options`, '同じ選択肢が重なっています')
    if (q.allowOther && options.includes(OTHER_LABEL))
      errors.add(`${at}.options`, '「その他」は「その他（自由記述）」を置くと自動で最後に付きます')
    return {
      questionNo: i + 1,
      question: q.question,
      kind: q.kind,
      options: q.allowOther && isChoice(q.kind) ? [...options, OTHER_LABEL] : [...options],
      required: q.required,
      allowOther: q.allowOther && isChoice(q.kind),
    }
  })
  errors.throwIfAny()
  return stored
}

/** A stored question as the API shows it: 「その他」 is the allowOther flag, not an option. */
export function toQuestion(q: StoredQuestion): SurveyQuestion {
  return {
    no: q.questionNo,
    kind: q.kind as SurveyQuestion['kind'],
    question: q.question,
    options: q.allowOther ? q.options.slice(0, -1) : q.options,
    required: q.required,
    allowOther: q.allowOther,
  }
}

/** Same questions, same order, same wording: a locked survey may be saved with these. */
export function sameQuestions(a: StoredQuestion[], b: StoredQuestion[]): boolean {
  const key = (qs: StoredQuestion[]) =>
    JSON.stringify(qs.map((q) => [q.question, q.kind, q.options, q.required, q.allowOther]))
  return key(a) === key(b)
}

export interface AnswerToStore {
  questionNo: number
  answer: string[]
  otherText: string | null
}

/**
 * One respondent's answers checked against the questions: choices from the list, one for a single
 * or scale question, a text only for a free-text question or with 「その他」, every required
 * question answered. `field` names the form's field for question n.
 */
export function answersToStore(
  questions: StoredQuestion[],
  input: AnswerInput[],
  field: (questionNo: number) => string = (n) => `answers.${n}`,
): AnswerToStore[] {
  const errors = new FieldErrors()
  const byNo = new Map<number, AnswerInput>()
  for (const a of input) {
    if (!questions.some((q) => q.questionNo === a.questionNo))
      errors.add(field(a.questionNo), 'この設問はありません')
    else if (byNo.has(a.questionNo)) errors.add(field(a.questionNo), '同じ設問への回答が重なっています')
    else byNo.set(a.questionNo, a)
  }
  const out: AnswerToStore[] = []
  for (const q of questions) {
    const a = byNo.get(q.questionNo)
    const at = field(q.questionNo)
    const choices = [...new Set(a?.choices ?? [])]
    const text = a?.text ?? null
    if (q.kind === 'text') {
      if (choices.length > 0) errors.add(at, '自由記述の設問です。文章で入力してください')
      if (q.required && !text) errors.add(at, 'この設問は回答が必要です')
      if (text) out.push({ questionNo: q.questionNo, answer: [text], otherText: null })
      continue
    }
    if (choices.some((c) => !q.options.includes(c))) {
      errors.add(at, '選択肢の中から選んでください')
      continue
    }
    if (q.kind !== 'multiple' && choices.length > 1) errors.add(at, '選べるのは1つです')
    if (q.required && choices.length === 0) errors.add(at, 'この設問は回答が必要です')
    const withOther = q.allowOther && choices.includes(OTHER_LABEL)
    if (text && !withOther) errors.add(at, '文章は「その他」を選んだときに入力できます')
    // Choices in the survey's order, as the report and the ledger list them.
    const ordered = q.options.filter((o) => choices.includes(o))
    if (ordered.length > 0)
      out.push({ questionNo: q.questionNo, answer: ordered, otherText: withOther ? text : null })
  }
  errors.throwIfAny()
  return out
}
