import type { OrgSettings } from '#shared/contracts/org-settings.ts'
import { fiscalYearOf } from '#shared/dates.ts'
import { ConfidentialityForm } from './confidentiality-form.tsx'
import { OrgHistory } from './org-history.tsx'
import { OrgSheetSection } from './org-sheet-section.tsx'
import { PopulationForm } from './population-form.tsx'
import { UnitList } from './unit-list.tsx'
import { WardList } from './ward-list.tsx'
import { WindowInfoForm } from './window-info-form.tsx'

/** 組織設定: everything of the city's organisation on one page, section by section. */
export function OrgSettingsView({ org, today }: { org: OrgSettings; today: string }) {
  const unitsOf = (kind: string, ward?: string) =>
    org.units.filter((u) => u.kind === kind && (ward === undefined || u.wardCode === ward))
  return (
    <div className="flex flex-col gap-12">
      <WardList wards={org.wards} />

      <section aria-labelledby="sections-heading" className="flex flex-col gap-6">
        <h2 id="sections-heading" className="text-std-24B-150">
          保健福祉センターの課・室
        </h2>
        {org.wards.length === 0 ? (
          <p className="text-std-16N-170">
            区・支所を追加すると、その保健福祉センターの課・室を設定できます。
          </p>
        ) : (
          org.wards.map((w) => (
            <UnitList
              key={w.code}
              idBase={`sections-${w.code}`}
              title={w.name}
              kind="ward_section"
              wardCode={w.code}
              units={unitsOf('ward_section', w.code)}
              what="課・室"
              example={`${w.name} 障害保健福祉課`}
            />
          ))
        )}
      </section>

      <section aria-labelledby="window-units-heading" className="flex flex-col gap-6">
        <h2 id="window-units-heading" className="text-std-24B-150">
          相談窓口とよりそい支援員
        </h2>
        <UnitList
          idBase="windows"
          title="相談窓口"
          kind="window"
          units={unitsOf('window')}
          what="相談窓口"
          example="ひきこもり相談窓口"
        />
        <UnitList
          idBase="teams"
          title="よりそい支援員（伴走支援）"
          kind="accompaniment_team"
          units={unitsOf('accompaniment_team')}
          what="支援チーム"
          example="よりそい支援員"
        />
      </section>

      <section aria-labelledby="window-info-heading" className="flex flex-col gap-4">
        <h2 id="window-info-heading" className="text-std-24B-150">
          窓口の受付時間・電話番号と緊急時の相談先
        </h2>
        <WindowInfoForm key={org.window.version} info={org.window} />
      </section>

      <section aria-labelledby="population-heading" className="flex flex-col gap-4">
        <h2 id="population-heading" className="text-std-24B-150">
          区ごとの人口（年度別）
        </h2>
        <PopulationForm key={org.wards.length} org={org} fiscalYear={fiscalYearOf(today)} />
      </section>

      <section aria-labelledby="confidentiality-heading" className="flex flex-col gap-4">
        <h2 id="confidentiality-heading" className="text-std-24B-150">
          関係機関が確認する守秘義務の文面
        </h2>
        <ConfidentialityForm key={org.confidentiality?.version ?? 0} current={org.confidentiality} />
      </section>

      <OrgSheetSection />

      <OrgHistory wards={org.wards} units={org.units} />
    </div>
  )
}
