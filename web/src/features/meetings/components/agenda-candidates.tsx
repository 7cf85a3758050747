import { type ReactNode, useEffect, useState } from 'react'
import { AGE_BANDS, CASE_LEADS, labelOf, NEW_CASE_ROUTES, type NewCaseRoute } from '#shared/codes.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { controlClass, ErrorText } from '#web/components/ui/field.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useAddAgendaItem } from '../api/add-agenda-item.ts'
import { useMeetingCandidates } from '../api/get-candidates.ts'
import { meetingDateText } from '../meeting-format.ts'
import type { Candidate, CandidateElsewhere, MeetingDetail } from '../meeting-types.ts'

function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16N-170">
      {children}
    </th>
  )
}

function nameText(c: Candidate) {
  return c.name ?? <span className="text-solid-gray-700">氏名不明</span>
}

/**
 * 議題の候補: new cases ready for the meeting (会議付議可) and continuing cases whose review is
 * due by the meeting date. A new case goes on with its route (defaulting from the case).
 */
export function AgendaCandidates({ meeting }: { meeting: MeetingDetail }) {
  const candidates = useMeetingCandidates(meeting.id, true)
  const add = useAddAgendaItem(meeting.id)
  const [routes, setRoutes] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  const [routeErrors, setRouteErrors] = useState<Record<string, string>>({})
  const [moving, setMoving] = useState<CandidateElsewhere | null>(null)
  const routeOf = (c: Candidate) => routes[c.caseId] ?? c.wardRoute ?? ''
  // The confirmation takes the focus once it is on the page.
  useEffect(() => {
    if (moving) document.getElementById('agenda-move-confirm')?.focus()
  }, [moving])

  /** A case on another open agenda comes here only after the coordinator confirms the move. */
  const move = (c: CandidateElsewhere) => {
    if (add.isPending) return
    setError('')
    const kind = c.lead ? 'continuing' : 'new'
    // The server keeps the route the case had on the other agenda when none is given.
    const route = kind === 'new' ? ((c.wardRoute ?? null) as NewCaseRoute | null) : null
    add.mutate(
      { caseId: c.caseId, kind, route, move: true },
      {
        onSuccess: () => {
          setMoving(null)
          setMessage(
            `${c.caseNo}を${meetingDateText(c.onMeeting.heldOn)}の会議から移し、この会議の議題に追加しました。`,
          )
          requestAnimationFrame(() => document.getElementById('agenda-candidates-title')?.focus())
        },
        onError: (err) => {
          setMoving(null)
          setError(isApiError(err) ? (err.problem.detail ?? err.problem.title) : '移せませんでした。')
        },
      },
    )
  }

  const put = (c: Candidate, kind: 'new' | 'continuing') => {
    if (add.isPending) return
    setError('')
    if (kind === 'new' && !routeOf(c)) {
      setRouteErrors((r) => ({ ...r, [c.caseId]: '新規ケース経路を選択してください' }))
      document.getElementById(`route-${c.caseId}`)?.focus()
      return
    }
    // The row leaves the list: the keyboard moves on to the next candidate (or the heading).
    const list = candidates.data?.[kind === 'new' ? 'new' : 'continuing'] ?? []
    const index = list.findIndex((x) => x.caseId === c.caseId)
    const next = list[index + 1] ?? list[index - 1]
    const route = kind === 'new' ? ((routeOf(c) || null) as NewCaseRoute | null) : null
    add.mutate(
      { caseId: c.caseId, kind, route },
      {
        onSuccess: () => {
          setMessage(`${c.caseNo}を議題に追加しました（${meeting.agenda.length + 1}番目）。`)
          requestAnimationFrame(() =>
            (
              (next && document.getElementById(`agenda-add-${next.caseId}`)) ||
              document.getElementById('agenda-candidates-title')
            )?.focus(),
          )
        },
        onError: (err) => {
          const routeError = isApiError(err) ? err.fieldErrors.route : undefined
          if (routeError) {
            setRouteErrors((r) => ({ ...r, [c.caseId]: routeError }))
            document.getElementById(`route-${c.caseId}`)?.focus()
          } else
            setError(isApiError(err) ? (err.problem.detail ?? err.problem.title) : '追加に失敗しました。')
        },
      },
    )
  }

  return (
    <section aria-labelledby="agenda-candidates-title" className="flex flex-col gap-4">
      <h3 id="agenda-candidates-title" tabIndex={-1} className="text-std-20B-150">
        議題の候補
      </h3>
      <p role="status" className="text-std-16N-170">
        {message}
      </p>
      {error && (
        <Notice tone="error" title="議題に追加できませんでした" live="alert">
          {error}
        </Notice>
      )}
      {candidates.isPending && <Loading what="議題の候補" />}
      {candidates.error && <QueryError error={candidates.error} />}
      {candidates.data && (
        <>
          <Table caption={`新規（会議付議可・主担当未定）${candidates.data.new.length}件`}>
            <thead>
              <tr>
                <Th>ケース番号</Th>
                <Th>氏名</Th>
                <Th>年齢区分</Th>
                <Th>新規ケース経路</Th>
                <Th>追加</Th>
              </tr>
            </thead>
            <tbody>
              {candidates.data.new.length === 0 && (
                <EmptyRow colSpan={5}>
                  会議付議可の新規ケースはありません。引継ぎを受けたケースは、区の状況を「会議付議可」にすると候補に表示されます。
                </EmptyRow>
              )}
              {candidates.data.new.map((c) => (
                <tr key={c.caseId}>
                  <RowHeader>{c.caseNo}</RowHeader>
                  <Td>{nameText(c)}</Td>
                  <Td>{labelOf(AGE_BANDS, c.ageBand)}</Td>
                  <Td>
                    <label htmlFor={`route-${c.caseId}`} className="sr-only">
                      {c.caseNo}の新規ケース経路
                    </label>
                    <select
                      id={`route-${c.caseId}`}
                      value={routeOf(c)}
                      onChange={(e) => {
                        setRoutes((r) => ({ ...r, [c.caseId]: e.target.value }))
                        setRouteErrors(({ [c.caseId]: _, ...rest }) => rest)
                      }}
                      aria-invalid={routeErrors[c.caseId] ? true : undefined}
                      aria-describedby={routeErrors[c.caseId] ? `route-${c.caseId}-error` : undefined}
                      className={`${controlClass} min-h-10 py-1`}
                    >
                      <option value="">選択してください</option>
                      {NEW_CASE_ROUTES.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                    <ErrorText id={`route-${c.caseId}`} message={routeErrors[c.caseId]} />
                  </Td>
                  <Td>
                    <Button
                      id={`agenda-add-${c.caseId}`}
                      size="sm"
                      aria-disabled={add.isPending || undefined}
                      onClick={() => put(c, 'new')}
                    >
                      議題に追加<span className="sr-only">（{c.caseNo}）</span>
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Table caption={`継続（次回確認日が会議の日までに到来）${candidates.data.continuing.length}件`}>
            <thead>
              <tr>
                <Th>ケース番号</Th>
                <Th>氏名</Th>
                <Th>年齢区分</Th>
                <Th>主担当</Th>
                <Th>次回確認日</Th>
                <Th>追加</Th>
              </tr>
            </thead>
            <tbody>
              {candidates.data.continuing.length === 0 && (
                <EmptyRow colSpan={6}>この会議の日までに次回確認日を迎える継続ケースはありません。</EmptyRow>
              )}
              {candidates.data.continuing.map((c) => (
                <tr key={c.caseId}>
                  <RowHeader>{c.caseNo}</RowHeader>
                  <Td>{nameText(c)}</Td>
                  <Td>{labelOf(AGE_BANDS, c.ageBand)}</Td>
                  <Td>{labelOf(CASE_LEADS, c.lead)}</Td>
                  <Td>{c.nextReviewOn ? formatWareki(c.nextReviewOn) : ''}</Td>
                  <Td>
                    <Button
                      id={`agenda-add-${c.caseId}`}
                      size="sm"
                      aria-disabled={add.isPending || undefined}
                      onClick={() => put(c, 'continuing')}
                    >
                      議題に追加<span className="sr-only">（{c.caseNo}）</span>
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {moving && (
            <Notice tone="warning" title="他の会議の議題から移します" live="alert">
              <p>
                {moving.caseNo}は{meetingDateText(moving.onMeeting.heldOn)}の会議（
                {moving.onMeeting.meetingNo}
                ）の議題です。その会議の議題から外して、この会議へ移しますか？方針案も一緒に移ります。
              </p>
              <div className="mt-4 flex flex-wrap gap-4">
                <Button
                  id="agenda-move-confirm"
                  aria-disabled={add.isPending || undefined}
                  onClick={() => move(moving)}
                >
                  この会議へ移す
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    const id = moving.caseId
                    setMoving(null)
                    requestAnimationFrame(() => document.getElementById(`agenda-move-${id}`)?.focus())
                  }}
                >
                  やめる
                </Button>
              </div>
            </Notice>
          )}
          <Table caption={`他の会議（開催前）の議題にあるケース ${candidates.data.elsewhere.length}件`}>
            <thead>
              <tr>
                <Th>ケース番号</Th>
                <Th>氏名</Th>
                <Th>年齢区分</Th>
                <Th>議題になっている会議</Th>
                <Th>移す</Th>
              </tr>
            </thead>
            <tbody>
              {candidates.data.elsewhere.length === 0 && (
                <EmptyRow colSpan={5}>
                  候補のケースで、開催前の他の会議の議題になっているものはありません。ケースは開催前の一つの会議の議題にだけ載せられます。
                </EmptyRow>
              )}
              {candidates.data.elsewhere.map((c) => (
                <tr key={c.caseId}>
                  <RowHeader>{c.caseNo}</RowHeader>
                  <Td>{nameText(c)}</Td>
                  <Td>{labelOf(AGE_BANDS, c.ageBand)}</Td>
                  <Td>
                    {meetingDateText(c.onMeeting.heldOn)}（{c.onMeeting.meetingNo}）
                  </Td>
                  <Td>
                    <Button
                      id={`agenda-move-${c.caseId}`}
                      size="sm"
                      variant="secondary"
                      onClick={() => setMoving(c)}
                    >
                      この会議へ移す<span className="sr-only">（{c.caseNo}）</span>
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  )
}
