import type { SurveyResults } from '#shared/contracts/surveys.ts'
import { OTHER_LABEL } from '#shared/contracts/surveys.ts'
import { percentHalfUp, percentsLargestRemainder } from '#shared/percent.ts'
import type { StoredQuestion } from './survey-rules.ts'

interface AnswerRow {
  respondentNo: string
  questionNo: number
  answer: string[]
  otherText: string | null
  redactedAt: Date | null
}

/**
 * Percent of respondents per option with the report's rules (docs/report-rules.md): multiple choice
 * half up each; single choice and scales by the largest remainder when everyone answered (so they
 * add to 100.0), half up when some did not.
 */
function percentsOf(kind: string, counts: number[], respondents: number, answered: number) {
  if (kind !== 'multiple' && answered === respondents) return percentsLargestRemainder(counts, respondents)
  return counts.map((n) => percentHalfUp(n, respondents))
}

export function summarise(
  surveyId: string,
  targetCount: number | null,
  respondents: number,
  questions: StoredQuestion[],
  answers: AnswerRow[],
  links: { invited: number; answered: number } = { invited: 0, answered: 0 },
): SurveyResults {
  return {
    surveyId,
    respondents,
    targetCount,
    responseRate: targetCount ? percentHalfUp(respondents, targetCount) : null,
    targetList: links.invited ? { ...links, rate: percentHalfUp(links.answered, links.invited) } : null,
    questions: questions.map((q) => {
      const mine = answers.filter((a) => a.questionNo === q.questionNo)
      const given = mine.filter((a) => a.answer.length > 0)
      const counts = q.options.map((o) => given.filter((a) => a.answer.includes(o)).length)
      const percents = percentsOf(q.kind, counts, respondents, given.length)
      const texts =
        q.kind === 'text'
          ? mine
              .filter((a) => a.answer.length > 0 || a.redactedAt)
              .map((a) => ({
                respondentNo: a.respondentNo,
                label: null,
                text: a.redactedAt ? null : (a.answer[0] ?? null),
                redacted: a.redactedAt !== null,
              }))
          : mine
              .filter((a) => a.otherText || (a.redactedAt && a.answer.includes(OTHER_LABEL)))
              .map((a) => ({
                respondentNo: a.respondentNo,
                label: OTHER_LABEL,
                text: a.redactedAt ? null : a.otherText,
                redacted: a.redactedAt !== null,
              }))
      return {
        no: q.questionNo,
        question: q.question,
        kind: q.kind as SurveyResults['questions'][number]['kind'],
        answered: given.length,
        options: q.options.map((label, i) => ({ label, count: counts[i]!, percent: percents[i]! })),
        texts,
      }
    }),
  }
}
