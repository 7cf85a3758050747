import { useState } from 'react'
import { createWard, deleteWard, type OrgWard, updateWard } from '#shared/contracts/org-settings.ts'
import { TextField } from '#web/components/ui/text-field.tsx'
import { useOrgChange } from '../api/org-settings.ts'
import { AddForm } from './add-form.tsx'
import { OrgTable } from './org-table.tsx'

const LABELS = { code: '区コード', name: '区・支所の名称', sortOrder: '表示順' }
const idOf = (f: string) => `new-ward-${f}`

/** The city's wards and 支所: changed in place, added below (onAdded gets the new ward's code). */
export function WardList({ wards, onAdded }: { wards: OrgWard[]; onAdded?: (code: string) => void }) {
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
        <OrgTable
          caption="区・支所の一覧"
          items={wards}
          what="区・支所"
          codeOf={(w) => w.code}
          idBaseOf={(w) => `ward-${w.code}`}
          keyOf={(w) => `${w.code}-${w.version}`}
          onSave={(w) => (body) => change.mutateAsync({ params: { code: w.code }, body })}
          onDelete={(w) => () => remove.mutateAsync({ params: { code: w.code } })}
        />
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
          onAdded?.(code)
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
