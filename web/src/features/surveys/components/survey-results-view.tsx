import { useState } from 'react'
import { labelOf, QUESTION_KINDS } from '#shared/codes.ts'
import type { SurveyResults } from '#shared/contracts/surveys.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import { useRedactSurveyText } from '../api/change-surveys.ts'

const percentText = (p: number) => `${p.toFixed(1)}%`

/**
 * 集計結果: counts and percentages as the report rounds them, the free texts with a 削除 action
 * (for a text that names someone, before the results leave the office), the response rate.
 */
export function SurveyResultsView({ results }: { results: SurveyResults }) {
  const redact = useRedactSurveyText(results.surveyId)
  const [asking, setAsking] = useState<{ respondentNo: string; questionNo: number } | null>(null)
  const [flash, setFlash] = useState('')
  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-16N-170">
        回答数 {results.respondents}件
        {results.targetCount !== null && results.responseRate !== null
          ? `（配布数 ${results.targetCount}件、回答率 ${percentText(results.responseRate)}）`
          : '（配布数が未入力のため回答率は出せません）'}
      </p>
      {results.targetList && (
        <p className="text-std-16N-170">
          対象リストへの回答用リンク {results.targetList.invited}件のうち回答 {results.targetList.answered}
          件（回答率 {percentText(results.targetList.rate)}）
        </p>
      )}
      <div role="status" className="empty:hidden">
        {flash && <Notice tone="success">{flash}</Notice>}
      </div>
      {results.questions.map((q) => (
        <section key={q.no} aria-labelledby={`result-q${q.no}`} className="flex flex-col gap-3">
          <h3 id={`result-q${q.no}`} className="text-std-18B-160">
            設問{q.no}　{q.question}（{labelOf(QUESTION_KINDS, q.kind)}）
          </h3>
          {q.options.length > 0 && (
            <Table caption={`設問${q.no}の集計（回答 ${q.answered}件）`}>
              <thead>
                <tr>
                  <Th>回答内容</Th>
                  <Th className="text-right">回答数</Th>
                  <Th className="text-right">割合</Th>
                </tr>
              </thead>
              <tbody>
                {q.options.map((o) => (
                  <tr key={o.label}>
                    <Td>{o.label}</Td>
                    <Td className="text-right">{o.count}</Td>
                    <Td className="text-right">{percentText(o.percent)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {q.texts.length > 0 && (
            <ul className="flex flex-col gap-2" aria-label={`設問${q.no}の自由記述`}>
              {q.texts.map((t) => (
                <li key={t.respondentNo} className="rounded-8 border border-solid-gray-300 p-3">
                  <p className="text-std-16N-170">
                    <span className="text-solid-gray-700">{t.respondentNo}</span>
                    {t.label && `（${t.label}）`}：{t.redacted ? '（削除済み）' : t.text}
                  </p>
                  {!t.redacted &&
                    (asking?.respondentNo === t.respondentNo && asking.questionNo === q.no ? (
                      <ConfirmPanel
                        title="この自由記述を削除しますか"
                        confirmLabel="削除する"
                        danger
                        busy={redact.isPending}
                        onCancel={() => setAsking(null)}
                        onConfirm={() =>
                          redact.mutate(asking, {
                            onSuccess: () => {
                              setAsking(null)
                              setFlash(`${t.respondentNo} の設問${q.no}の自由記述を削除しました。`)
                            },
                          })
                        }
                      >
                        <p>選んだ選択肢は集計に残ります。削除した文章は元に戻せません。</p>
                      </ConfirmPanel>
                    ) : (
                      <Button
                        type="button"
                        variant="tertiary"
                        size="sm"
                        onClick={() => setAsking({ respondentNo: t.respondentNo, questionNo: q.no })}
                      >
                        {t.respondentNo} の自由記述を削除
                      </Button>
                    ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
