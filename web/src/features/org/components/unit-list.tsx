import { useState } from 'react'
import { UNIT_KINDS } from '#shared/codes.ts'
import {
  createUnit,
  deleteUnit,
  type EDITABLE_UNIT_KINDS,
  type OrgUnit,
  updateUnit,
} from '#shared/contracts/org-settings.ts'
import { TextField } from '#web/components/ui/text-field.tsx'
import { useOrgChange } from '../api/org-settings.ts'
import { AddForm } from './add-form.tsx'
import { OrgTable } from './org-table.tsx'

type Kind = (typeof EDITABLE_UNIT_KINDS)[number]

export interface UnitListProps {
  /** Unique on the page (ids and headings are made from it). */
  idBase: string
  title: string
  kind: Kind
  /** The ward whose centre's sections these are. */
  wardCode?: string
  units: OrgUnit[]
  /** What one item is called: 課・室, 相談窓口 … */
  what: string
  example: string
}

const kindLabel = (kind: string) => UNIT_KINDS.find((k) => k.code === kind)?.label ?? kind

/** Units of one kind (and ward): the city's own names, changed in place, added below. */
export function UnitList({ idBase, title, kind, wardCode, units, what, example }: UnitListProps) {
  const add = useOrgChange(createUnit)
  const change = useOrgChange(updateUnit)
  const remove = useOrgChange(deleteUnit)
  const [name, setName] = useState('')
  const idOf = (f: string) => `${idBase}-new-${f}`
  const labels = { name: `${what}の名称` }
  const nextOrder = units.reduce((m, u) => Math.max(m, u.sortOrder + 1), 0)
  const headingId = `${idBase}-heading`

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-std-20B-150">
        {title}
      </h3>
      {units.length === 0 ? (
        <p className="text-std-16N-170">{kindLabel(kind)}はまだありません。</p>
      ) : (
        <OrgTable
          caption={`${title}の一覧`}
          items={units}
          what={what}
          idBaseOf={(u) => `unit-${u.id}`}
          keyOf={(u) => `${u.id}-${u.version}`}
          onSave={(u) => (body) => change.mutateAsync({ params: { id: u.id }, body })}
          onDelete={(u) => () => remove.mutateAsync({ params: { id: u.id } })}
        />
      )}
      <AddForm
        title={`${what}を追加`}
        idOf={idOf}
        labels={labels}
        submitLabel={`${what}を追加する`}
        onSubmit={() =>
          add.mutateAsync({ body: { kind, name, sortOrder: nextOrder, ...(wardCode ? { wardCode } : {}) } })
        }
        onAdded={() => setName('')}
      >
        {(errors) => (
          <TextField
            id={idOf('name')}
            label={labels.name}
            required
            support={`例：${example}`}
            value={name}
            onValueChange={setName}
            error={errors.fields.name}
          />
        )}
      </AddForm>
    </section>
  )
}
