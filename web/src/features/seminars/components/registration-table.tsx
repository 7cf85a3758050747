import { useState } from 'react'
import { labelOf } from '#shared/codes.ts'
import {
  SEMINAR_REGISTRATION_STATUSES,
  type SeminarDetail,
  type SeminarRegistration,
} from '#shared/contracts/seminars.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useCancelRegistration, useRecordAttendance } from '../api/change-seminars.ts'
import { LinkCaseForm } from './link-case-form.tsx'

const COLUMNS = ['受付順', 'お名前', '人数', '連絡先', '配慮', '状態', '出欠', '操作']

function needsOf(r: SeminarRegistration): string {
  return [r.needsChildcare ? '託児' : '', r.needsSignLanguage ? '手話' : '', r.needsNote ?? '']
    .filter(Boolean)
    .join('、')
}

function statusOf(r: SeminarRegistration): string {
  if (r.status === 'waitlisted') return `キャンセル待ち（${r.waitlistPosition}番目）`
  const label = labelOf(SEMINAR_REGISTRATION_STATUSES, r.status)
  return r.promotedAt && r.status === 'confirmed' ? `${label}（繰り上げ）` : label
}

/**
 * The families' registrations, in order of arrival (the waitlist's order), for the organiser:
 * attendance, cancelling on a family's behalf (they called), linking to a case.
 */
export function RegistrationTable({
  seminar: s,
  onMessage,
}: {
  seminar: SeminarDetail
  onMessage: (message: string) => void
}) {
  const attendance = useRecordAttendance(s.id)
  const cancel = useCancelRegistration(s.id)
  const [cancelling, setCancelling] = useState<SeminarRegistration | null>(null)
  const [linking, setLinking] = useState<SeminarRegistration | null>(null)
  const error = attendance.error ?? cancel.error
  const nameOf = (r: SeminarRegistration) => (r.personalDataRemoved ? '（保存期間経過により削除）' : r.name)

  if (cancelling) {
    return (
      <ConfirmPanel
        title={`${nameOf(cancelling)}さんの申込みを取り消しますか`}
        confirmLabel="申込みを取り消す"
        danger
        busy={cancel.isPending}
        onConfirm={() =>
          cancel.mutate(cancelling.id, {
            onSuccess: () => {
              onMessage(
                `${nameOf(cancelling)}さんの申込みを取り消しました。キャンセル待ちの家族がいれば、受付順に繰り上がります。`,
              )
              setCancelling(null)
              focusSoon('registrations-title')
            },
          })
        }
        onCancel={() => {
          setCancelling(null)
          focusSoon(`cancel-${cancelling.id}`)
        }}
      >
        ご家族から取消しの連絡を受けたときに使います。空いた席には、キャンセル待ちの家族が受付順に繰り上がり、メールアドレスのある家族には通知が届きます。
      </ConfirmPanel>
    )
  }
  if (linking) {
    return (
      <LinkCaseForm
        seminar={s}
        registration={linking}
        onDone={(message) => {
          setLinking(null)
          onMessage(message)
          focusSoon('registrations-title')
        }}
        onCancel={() => {
          setLinking(null)
          focusSoon(`link-${linking.id}`)
        }}
      />
    )
  }

  const active = s.registrations.filter((r) => r.status !== 'cancelled')
  const cancelled = s.registrations.filter((r) => r.status === 'cancelled')
  const toCall = active.filter((r) => r.callToRemind)

  return (
    <>
      {toCall.length > 0 && (
        <section aria-label="電話で連絡する家族" className="mb-8">
          <Notice tone="warning" title="電話で前日の連絡をする家族">
            <p className="mb-2">
              メールアドレスがないか、メールの送信が設定されていないため、前日のお知らせが届きません。電話で連絡してください。
            </p>
            <ul className="list-disc pl-6">
              {toCall.map((r) => (
                <li key={r.id}>
                  {nameOf(r)}（{r.attendees}人）：{r.phone ? `電話 ${r.phone}` : '電話番号なし'}
                </li>
              ))}
            </ul>
          </Notice>
        </section>
      )}
      {error && (
        <div className="mb-4">
          <Notice tone="error" live="alert">
            {isApiError(error) ? error.message : '保存できませんでした。もう一度お試しください。'}
          </Notice>
        </div>
      )}
      <Table caption="申込み（受付順）" captionHidden>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <Th key={c}>{c}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {active.length === 0 && <EmptyRow colSpan={COLUMNS.length}>まだ申込みはありません。</EmptyRow>}
          {active.map((r, i) => (
            <tr key={r.id}>
              <Td>{i + 1}</Td>
              <Td>{nameOf(r)}</Td>
              <Td>{r.attendees}人</Td>
              <Td>
                {[r.email, r.phone].filter(Boolean).join('／') || 'なし'}
                {r.remindedAt ? '（前日のお知らせ送信済み）' : ''}
              </Td>
              <Td>{needsOf(r) || 'なし'}</Td>
              <Td>{statusOf(r)}</Td>
              <Td>
                {r.status === 'confirmed' ? (
                  <fieldset>
                    <legend className="sr-only">{nameOf(r)}さんの出欠</legend>
                    <div className="flex flex-wrap gap-2">
                      {(
                        [
                          [true, '出席'],
                          [false, '欠席'],
                        ] as const
                      ).map(([value, label]) => (
                        <label key={label} className="inline-flex items-center gap-1">
                          <input
                            type="radio"
                            name={`attended-${r.id}`}
                            checked={r.attended === value}
                            disabled={attendance.isPending}
                            onChange={() =>
                              attendance.mutate(
                                { registrationId: r.id, attended: value },
                                { onSuccess: () => onMessage(`${nameOf(r)}さんを「${label}」にしました。`) },
                              )
                            }
                            className="size-5 accent-key-900"
                          />
                          {label}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ) : (
                  '—'
                )}
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button
                    id={`cancel-${r.id}`}
                    size="sm"
                    variant="tertiary"
                    onClick={() => setCancelling(r)}
                    aria-label={`${nameOf(r)}さんの申込みを取り消す`}
                  >
                    取消し
                  </Button>
                  {r.attended === true && !r.caseId && !r.personalDataRemoved && (
                    <Button
                      id={`link-${r.id}`}
                      size="sm"
                      variant="secondary"
                      onClick={() => {
                        setLinking(r)
                        focusSoon('link-case-q')
                      }}
                      aria-label={`${nameOf(r)}さんをケースに結び付ける`}
                    >
                      ケースに結び付ける
                    </Button>
                  )}
                  {r.caseId && <span className="self-center">ケースに記録済み</span>}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {cancelled.length > 0 && (
        <details className="mt-6">
          <summary className="cursor-pointer text-std-16B-170">
            取り消された申込み（{cancelled.length}件）
          </summary>
          <ul className="mt-2 list-disc pl-6">
            {cancelled.map((r) => (
              <li key={r.id}>
                {nameOf(r)}（{r.attendees}人）
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
