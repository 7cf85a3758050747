import { useState } from 'react'
import { labelOf, UNIT_KINDS, type UnitKind } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { type FormErrors, formErrorsFrom, noErrors } from '#web/lib/form-errors.ts'
import { useSetAttendees } from '../api/set-attendees.ts'
import type { Invitable, MeetingDetail } from '../meeting-types.ts'
import { AddAgencyForm } from './add-agency-form.tsx'

interface Row {
  unitId: string
  name: string
  kind: UnitKind
  attended: boolean
}

const KIND_ORDER: UnitKind[] = ['ward_section', 'accompaniment_team', 'agency']

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
}

function listKey(rows: Row[]): string {
  return rows
    .map((r) => `${r.unitId}:${r.attended}`)
    .sort()
    .join(',')
}

/** 出席者 (coordinator): who is invited and, on the day, who was present; saved as one list. */
export function AttendeesPanel({
  meeting,
  invitable,
}: {
  meeting: MeetingDetail
  invitable: Invitable | undefined
}) {
  const initial = sortRows(
    meeting.attendees.map(({ unitId, name, kind, attended }) => ({ unitId, name, kind, attended })),
  )
  const [rows, setRows] = useState<Row[]>(initial)
  const [adding, setAdding] = useState('')
  const [pickError, setPickError] = useState<string | undefined>()
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [message, setMessage] = useState('')
  const save = useSetAttendees(meeting.id)
  // Compared as sets: the draft keeps the order people added in, the server its own.
  const dirty = listKey(rows) !== listKey(initial)

  const invited = new Set(rows.map((r) => r.unitId))
  const candidates: Row[] = [
    ...(invitable?.sections ?? []).map((s) => ({
      unitId: s.unitId,
      name: s.name,
      kind: 'ward_section' as const,
      attended: false,
    })),
    ...(invitable?.accompanimentTeam
      ? [{ ...invitable.accompanimentTeam, kind: 'accompaniment_team' as const, attended: false }]
      : []),
    ...(invitable?.agencies ?? []).map((a) => ({
      unitId: a.unitId,
      name: a.name,
      kind: 'agency' as const,
      attended: false,
    })),
  ].filter((c) => !invited.has(c.unitId))
  const sectionsLeft = candidates.filter((c) => c.kind === 'ward_section')

  const add = (list: Row[]) => {
    setRows((r) => sortRows([...r, ...list.filter((x) => !r.some((y) => y.unitId === x.unitId))]))
    setMessage('')
  }

  const submit = () => {
    if (save.isPending) return
    setErrors(noErrors)
    save.mutate(
      rows.map((r) => ({ unitId: r.unitId, attended: r.attended })),
      {
        onSuccess: () => setMessage('出席者を保存しました。'),
        onError: (error) => setErrors(formErrorsFrom(error, [])),
      },
    )
  }

  const group = (kind: UnitKind, label: string) => ({
    label,
    options: candidates.filter((c) => c.kind === kind).map((c) => ({ value: c.unitId, label: c.name })),
  })

  return (
    <div className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={[]} title="出席者を保存できませんでした" />
      <Table caption={`招待している組織（${rows.length}件）`}>
        <thead>
          <tr>
            <Th>組織</Th>
            <Th>種別</Th>
            <Th>出席</Th>
            <Th>操作</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <EmptyRow colSpan={4}>
              まだ誰も招待していません。下の「招待する組織」から、区の各課・室や関係機関を加えてください。
            </EmptyRow>
          )}
          {rows.map((r) => (
            <tr key={r.unitId}>
              <th
                scope="row"
                className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16N-170"
              >
                {r.name}
              </th>
              <Td>{labelOf(UNIT_KINDS, r.kind)}</Td>
              <Td>
                <label className="inline-flex min-h-11 cursor-pointer items-center gap-2">
                  <input
                    type="checkbox"
                    checked={r.attended}
                    onChange={(e) =>
                      setRows((all) =>
                        all.map((x) => (x.unitId === r.unitId ? { ...x, attended: e.target.checked } : x)),
                      )
                    }
                    className="size-6 accent-key-900"
                  />
                  <span>
                    出席<span className="sr-only">（{r.name}）</span>
                  </span>
                </label>
              </Td>
              <Td>
                <Button
                  variant="tertiary"
                  size="sm"
                  onClick={() => {
                    setRows((all) => all.filter((x) => x.unitId !== r.unitId))
                    document.getElementById('invite-unit')?.focus()
                  }}
                >
                  招待を取り消す<span className="sr-only">（{r.name}）</span>
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          id="invite-unit"
          label="招待する組織"
          emptyLabel="選択してください"
          groups={[
            group('ward_section', '保健福祉センター各課・室'),
            group('accompaniment_team', 'よりそい支援員'),
            group('agency', '関係機関'),
          ].filter((g) => g.options.length > 0)}
          value={adding}
          onValueChange={(v) => {
            setAdding(v)
            setPickError(undefined)
          }}
          error={pickError}
        />
        <Button
          variant="secondary"
          onClick={() => {
            const found = candidates.find((c) => c.unitId === adding)
            if (!found) {
              setPickError('招待する組織を選択してください')
              document.getElementById('invite-unit')?.focus()
              return
            }
            add([found])
            setAdding('')
          }}
        >
          招待に加える
        </Button>
        {sectionsLeft.length > 0 && (
          <Button variant="tertiary" onClick={() => add(sectionsLeft)}>
            区の各課・室をすべて招待に加える
          </Button>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={submit} aria-disabled={save.isPending || undefined}>
          {save.isPending ? '保存しています…' : '出席者を保存する'}
        </Button>
        <p role="status" className="text-std-16B-170">
          {dirty ? (
            <span className="text-solid-gray-900">
              未保存の変更があります。「出席者を保存する」を押すと確定します。
            </span>
          ) : (
            <span className="text-success-2">{message}</span>
          )}
        </p>
      </div>

      <div className="rounded-8 border border-solid-gray-300 p-4">
        <AddAgencyForm
          onAdded={(agency) => {
            add([{ unitId: agency.unitId, name: agency.name, kind: 'agency', attended: false }])
            setMessage('')
          }}
        />
      </div>
    </div>
  )
}
