import { AGE_BANDS, CONTACT_METHODS, COUNTERPARTS, FIRST_CONSULTERS, ROUTES } from '#shared/codes.ts'
import { OUTCOMES, type Report } from '#shared/contracts/reports.ts'
import { formatWareki } from '#shared/dates.ts'
import { Table, Th } from '#web/components/ui/table.tsx'
import {
  Change,
  Count,
  CountTable,
  NotCounted,
  NumTd,
  ReportBlock,
  RowTh,
  ShareTable,
} from './report-table-parts.tsx'

type Consultations = Report['consultations']
const AGE_ROWS = [...AGE_BANDS, { code: 'total', label: '合計' } as const]

/** 表2: cases by age band, beside the baseline's entered figures and the change. */
export function AgeBandTable({ data, periodText }: { data: Consultations['byAgeBand']; periodText: string }) {
  const { current, baseline, change } = data
  return (
    <ReportBlock>
      <Table caption="表2 年齢区分別相談件数">
        <thead>
          <tr>
            <Th>本人の年齢</Th>
            <Th className="text-right">比較基準{baseline ? `（${baseline.label}）` : ''}</Th>
            <Th className="text-right">今期（{periodText}）</Th>
            <Th className="text-right">増減</Th>
          </tr>
        </thead>
        <tbody>
          {AGE_ROWS.map((band) => {
            const before = baseline ? baseline[band.code] : null
            return (
              <tr key={band.code}>
                <RowTh>{band.label}</RowTh>
                <NumTd>{before === null ? <NotCounted /> : <Count n={before} />}</NumTd>
                <NumTd>
                  <Count n={current[band.code]} />
                </NumTd>
                <NumTd>{change ? <Change n={change[band.code]} /> : <NotCounted />}</NumTd>
              </tr>
            )
          })}
        </tbody>
      </Table>
      {!baseline && (
        <p className="mt-2 text-std-16N-170 text-solid-gray-800">
          比べる比較基準がないため、比較基準と増減は「—」で示しています。
        </p>
      )}
    </ReportBlock>
  )
}

/** 表3: cases by number of contacts, and their outcome at the period's end. */
export function CaseCountTables({ data, to }: { data: Consultations; to: string }) {
  return (
    <>
      <CountTable
        caption="表3 相談回数（対応回数ごとのケース数）"
        head="区分"
        countHead="ケース数"
        rows={[
          { key: 'single', label: '単発（初回相談のみ）', count: data.byContactCount.single },
          { key: 'continuing', label: '継続（2回以上の関わり）', count: data.byContactCount.continuing },
        ]}
      />
      <CountTable
        caption={`対応結果（期間末時点：${formatWareki(to)}）`}
        head="対応結果"
        countHead="ケース数"
        rows={OUTCOMES.map((o) => ({ key: o.code, label: o.label, count: data.outcomesAtEnd[o.code] }))}
      />
    </>
  )
}

/** 延べ対応回数: contacts by method (rows) and counterpart (columns), with totals. */
export function ContactsTable({ data }: { data: Consultations['contacts'] }) {
  const rows = [
    ...CONTACT_METHODS.map((m) => ({ key: m.code, label: m.label, counts: data.byMethod[m.code] })),
    { key: 'total', label: '合計', counts: data.total },
  ]
  return (
    <ReportBlock>
      <Table caption="延べ対応回数（手法 × 対象）">
        <thead>
          <tr>
            <Th>手法＼対象</Th>
            {COUNTERPARTS.map((c) => (
              <Th key={c.code} className="text-right">
                {c.label}
              </Th>
            ))}
            <Th className="text-right">合計</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <RowTh>{r.label}</RowTh>
              {COUNTERPARTS.map((c) => (
                <NumTd key={c.code}>
                  <Count n={r.counts[c.code]} />
                </NumTd>
              ))}
              <NumTd>
                <Count n={r.counts.total} />
              </NumTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </ReportBlock>
  )
}

/** 相談者別 and 経路別, each with its share. */
export function ShareTables({ data }: { data: Consultations }) {
  return (
    <>
      <ShareTable
        caption="相談者別相談件数"
        head="相談者"
        rows={FIRST_CONSULTERS.map((c) => ({
          key: c.code,
          label: c.label,
          ...data.byFirstConsulter[c.code],
        }))}
      />
      <ShareTable
        caption="経路別相談件数"
        head="経路"
        rows={ROUTES.map((r) => ({ key: r.code, label: r.label, ...data.byRoute[r.code] }))}
      />
    </>
  )
}

/** 区役所・支所での受付: cases opened at ward centres, per ward. */
export function WardIntakeTable({
  rows,
  wardName,
}: {
  rows: Report['wardIntake']
  wardName: (code: string) => string
}) {
  return (
    <CountTable
      caption="区役所・支所での受付"
      head="区役所・支所"
      countHead="受付件数"
      rows={[
        ...rows.map((r) => ({ key: r.ward, label: wardName(r.ward), count: r.count })),
        { key: 'total', label: '合計', count: rows.reduce((sum, r) => sum + r.count, 0) },
      ]}
    />
  )
}
