import { labelOf, SURVEY_AUDIENCES } from '#shared/codes.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { formatCount } from '../report-format.ts'
import { ShareTable } from './report-table-parts.tsx'

const KIND_LABEL = { single: '単一回答', multiple: '複数回答可' } as const

/** The first survey table's number: 表2 and 表3 come before the surveys, as in the printed report. */
const FIRST_TABLE_NO = 4

/** 表4–: one table per survey question, numbered in order across every survey. */
export function SurveyTables({ surveys }: { surveys: Report['surveys'] }) {
  if (surveys.length === 0) {
    return <p className="mb-8 text-std-16N-170">この期間に回答のあるアンケートはありません。</p>
  }
  let tableNo = FIRST_TABLE_NO
  return (
    <>
      {surveys.map((s) => (
        <section key={s.surveyId} aria-labelledby={`survey-${s.surveyId}`} className="mb-4">
          <h3 id={`survey-${s.surveyId}`} className="mb-2 text-std-18B-160">
            {s.title}
          </h3>
          <p className="mb-4 text-std-16N-170">
            対象：{labelOf(SURVEY_AUDIENCES, s.audience)}　回答者数：{formatCount(s.respondents)}人
          </p>
          {s.questions.map((q) => {
            const no = tableNo++
            return (
              <ShareTable
                key={q.no}
                caption={`表${no} 問${q.no} ${q.question}（${KIND_LABEL[q.kind]}）`}
                head="回答内容"
                countHead="回答数"
                rows={q.options.map((o, i) => ({
                  key: `${i}-${o.label}`,
                  label: o.label,
                  count: o.count,
                  percent: o.percent,
                }))}
              />
            )
          })}
        </section>
      ))}
    </>
  )
}
