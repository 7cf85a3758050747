import { type FormEvent, type ReactNode, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'

export interface OrgItemValues {
  name: string
  sortOrder: number
  active: boolean
  version: number
  hasRecords: boolean
}

export interface OrgItemProps {
  /** Unique on the page: the controls' ids are made from it. */
  idBase: string
  item: OrgItemValues
  /** What the item is called in messages (区・支所, 課・室 …). */
  what: string
  onSave: (body: { version: number; name: string; sortOrder: number; active: boolean }) => Promise<unknown>
  onDelete: () => Promise<unknown>
  /** Only wards have a code: shown in its own first column. */
  code?: string | undefined
  /** The table's column count: the edit form and the confirmation span the whole row. */
  columns: number
}

// Middle-aligned (unlike the house Td): each row has a button, taller than its text.
const cell = 'border-b border-solid-gray-300 px-3 py-1 align-middle'

const LABELS = { name: '名称', sortOrder: '表示順', active: '状態' }

/**
 * One ward or unit as a row of OrgTable: its name and state, changed in place (the version it was read at goes with
 * the change, so a colleague's change in between is not overwritten), deleted after a
 * confirmation, and only while no record names it.
 */
export function OrgItem({ idBase, item, what, onSave, onDelete, code, columns }: OrgItemProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const [name, setName] = useState(item.name)
  const [sortOrder, setSortOrder] = useState(String(item.sortOrder))
  const [active, setActive] = useState(item.active)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  const id = (f: string) => `${idBase}-${f}`

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setErrors(noErrors)
    try {
      await action()
      setMode('view')
    } catch (error) {
      setErrors(formErrorsFrom(error, Object.keys(LABELS)))
    } finally {
      setBusy(false)
    }
  }

  const save = (e: FormEvent) => {
    e.preventDefault()
    void run(() => onSave({ version: item.version, name, sortOrder: Number(sortOrder), active }))
  }

  if (mode === 'delete') {
    return (
      <FullRow columns={columns}>
        <ErrorSummary message={errors.general} errors={[]} />
        <ConfirmPanel
          title={`${what}「${item.name}」を削除しますか`}
          confirmLabel="削除する"
          danger
          busy={busy}
          onConfirm={() => void run(onDelete)}
          onCancel={() => setMode('view')}
        >
          削除すると元に戻せません。変更の履歴には残ります。
        </ConfirmPanel>
      </FullRow>
    )
  }

  if (mode === 'edit') {
    return (
      <FullRow columns={columns}>
        <form
          noValidate
          onSubmit={save}
          className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
        >
          <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, id)} />
          <TextField
            id={id('name')}
            label={`${what}の名称`}
            required
            value={name}
            onValueChange={setName}
            error={errors.fields.name}
          />
          <TextField
            id={id('sortOrder')}
            label="表示順"
            inputMode="numeric"
            widthClass="w-28"
            support="小さい順に表示します"
            value={sortOrder}
            onValueChange={setSortOrder}
            error={errors.fields.sortOrder}
          />
          <CheckboxGroup
            id={id('active')}
            legend="状態"
            support="無効にすると、新しい記録では選べなくなります。これまでの記録はそのまま残ります。"
            choices={[{ value: 'active', label: '有効（新しい記録で選べる）' }]}
            values={active ? ['active'] : []}
            onValuesChange={(v) => setActive(v.includes('active'))}
            error={errors.fields.active}
          />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" disabled={busy}>
              {busy ? '保存しています…' : '保存する'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode('view')} disabled={busy}>
              やめる
            </Button>
          </div>
        </form>
      </FullRow>
    )
  }

  // Rows without records get a delete button; the others get none, and OrgTable says why once
  // above the table instead of on every row.
  return (
    <tr>
      {code !== undefined && <td className={`${cell} font-mono`}>{code}</td>}
      <td className={`${cell} text-std-16B-170`}>{item.name}</td>
      <td className={`${cell} text-right`}>{item.sortOrder}</td>
      <td className={cell}>
        {item.active ? '有効' : <span className="rounded-4 bg-solid-gray-100 px-2">無効</span>}
      </td>
      <td className={cell}>
        <span className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setMode('edit')}
            aria-label={`${item.name}を変更`}
          >
            変更
          </Button>
          {!item.hasRecords && (
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => setMode('delete')}
              aria-label={`${item.name}を削除`}
            >
              削除
            </Button>
          )}
        </span>
      </td>
    </tr>
  )
}

function FullRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="border-b border-solid-gray-300 py-3">
        {children}
      </td>
    </tr>
  )
}
