import type { OrgUnit, OrgWard } from '#shared/contracts/org-settings.ts'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { UnitList } from './unit-list.tsx'

export interface WardSectionsProps {
  wards: OrgWard[]
  units: OrgUnit[]
  /** The chosen ward's code; one that is gone (deleted) falls back to the first ward. */
  wardCode: string | undefined
  onWardChange: (code: string) => void
}

/**
 * 保健福祉センターの課・室, one ward at a time: a city has a dozen or more wards, and a list plus
 * an add form for each made the page thousands of pixels long.
 */
export function WardSections({ wards, units, wardCode, onWardChange }: WardSectionsProps) {
  const ward = wards.find((w) => w.code === wardCode) ?? wards[0]
  return (
    <section aria-labelledby="sections-heading" className="flex flex-col gap-6">
      <h2 id="sections-heading" className="text-std-24B-150">
        保健福祉センターの課・室
      </h2>
      {ward === undefined ? (
        <p className="text-std-16N-170">区・支所を追加すると、その保健福祉センターの課・室を設定できます。</p>
      ) : (
        <>
          <SelectField
            id="sections-ward"
            label="区・支所"
            plain
            support="選んだ区・支所の課・室を表示し、追加できます。"
            value={ward.code}
            onValueChange={onWardChange}
            options={wards.map((w) => ({ value: w.code, label: w.active ? w.name : `${w.name}（無効）` }))}
          />
          <UnitList
            key={ward.code}
            idBase={`sections-${ward.code}`}
            title={`${ward.name}の課・室`}
            kind="ward_section"
            wardCode={ward.code}
            units={units.filter((u) => u.kind === 'ward_section' && u.wardCode === ward.code)}
            what="課・室"
            example={`${ward.name} 障害保健福祉課`}
          />
        </>
      )}
    </section>
  )
}
