import { useState } from 'react'
import type { OrgSettings } from '#shared/contracts/org-settings.ts'
import { fiscalYearOf } from '#shared/dates.ts'
import { ConfidentialityForm } from './confidentiality-form.tsx'
import { OrgContents } from './org-contents.tsx'
import { OrgHistory } from './org-history.tsx'
import { OrgSheetSection } from './org-sheet-section.tsx'
import { PopulationForm } from './population-form.tsx'
import { UnitList } from './unit-list.tsx'
import { WardList } from './ward-list.tsx'
import { WardSections } from './ward-sections.tsx'
import { WindowInfoForm } from './window-info-form.tsx'

/** 組織設定: everything of the city's organisation on one page, section by section, with contents at the top. */
export function OrgSettingsView({ org, today }: { org: OrgSettings; today: string }) {
  const unitsOf = (kind: string) => org.units.filter((u) => u.kind === kind)
  // The ward whose sections are shown: the first by default, a newly added one at once (its
  // sections are what the administrator sets next).
  const [wardCode, setWardCode] = useState<string | undefined>(undefined)
  return (
    <div className="flex flex-col gap-12">
      <OrgContents />

      <WardList wards={org.wards} onAdded={setWardCode} />

      <WardSections wards={org.wards} units={org.units} wardCode={wardCode} onWardChange={setWardCode} />

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
