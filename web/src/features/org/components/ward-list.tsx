import { useState } from 'react'
import { createWard, deleteWard, type OrgWard, updateWard } from '#shared/contracts/org-settings.ts'
import { TextField } from '#web/components/ui/text-field.tsx'
import { useOrgChange } from '../api/org-settings.ts'
import { AddForm } from './add-form.tsx'
import { OrgItem } from './org-item.tsx'

const LABELS = { code: '区コード', name: '区・支所の名称', sortOrder: '表示順' }
const idOf = (f: string) => `new-ward-${f}`

/** The city's wards and 支所: changed in place, added below. */
export function WardList({ wards }: { wards: OrgWard[] }) {
  const add = useOrgChange(createWard)
  const change = useOrgChange(updateWard)
  const remove = useOrgChange(deleteWard)
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const nextOrder = wards.reduce((m, w) => Math.max(m, w.sortOrder + 1), 0)
  const [sortOrder, setSortOrder] = useState('')

  return (
    <section aria-labelledby="wards-heading" className="flex flex-col gap-2">
      <h2 id="wards-heading" className="text-std-24B-150">
        区・支所
      </h2>
      {wards.length === 0 ? (
        <p className="text-std-16N-170">区・支所はまだありません。下のフォームから追加してください。</p>
      ) : (
        <ul className="divide-y divide-solid-gray-300">
          {wards.map((w) => (
            <OrgItem
              key={`${w.code}-${w.version}`}
              idBase={`ward-${w.code}`}
              item={w}
              what="区・支所"
              onSave={(body) => change.mutateAsync({ params: { code: w.code }, body })}
              onDelete={() => remove.mutateAsync({ params: { code: w.code } })}
            />
          ))}
        </ul>
      )}
      <AddForm
        title="区・支所を追加"
        idOf={idOf}
        labels={LABELS}
        submitLabel="区・支所を追加する"
        onSubmit={() =>
          add.mutateAsync({
            body: { code, name, sortOrder: sortOrder === '' ? nextOrder : Number(sortOrder) },
          })
        }
        onAdded={() => {
          setCode('')
          setName('')
          setSortOrder('')
        }}
      >
        {(errors) => (
          <>
            <TextField
              id={idOf('code')}
              label={LABELS.code}
              required
              support="半角英小文字で始まる英数字とハイフン（例：minami）。台帳の区の列でも使えます。後から変えられません。"
              widthClass="w-60"
              spellCheck={false}
              autoCapitalize="off"
              value={code}
              onValueChange={setCode}
              error={errors.fields.code}
            />
            <TextField
              id={idOf('name')}
              label={LABELS.name}
              required
              support="例：南区、北部支所"
              value={name}
              onValueChange={setName}
              error={errors.fields.name}
            />
            <TextField
              id={idOf('sortOrder')}
              label={LABELS.sortOrder}
              support={`空欄なら最後（${nextOrder}）`}
              inputMode="numeric"
              widthClass="w-28"
              value={sortOrder}
              onValueChange={setSortOrder}
              error={errors.fields.sortOrder}
            />
          </>
        )}
      </AddForm>
    </section>
  )
}
