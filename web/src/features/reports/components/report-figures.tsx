import { CONTACT_METHODS, FIRST_CONSULTERS } from '#shared/codes.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { monthLabel, shortMonthLabel } from '../report-format.ts'
import { ReportFigure } from './report-figure.tsx'

type Monthly = Report['consultations']['monthlyNewCases']

function monthRows(months: Monthly) {
  return months.map((m, i) => ({
    key: m.month,
    label: monthLabel(m.month),
    axisLabel: shortMonthLabel(m.month, i),
    count: m.count,
  }))
}

/** 図2 and 図3: new cases and in-person contacts per month. */
export function MonthlyFigures({ data }: { data: Report['consultations'] }) {
  return (
    <>
      <ReportFigure
        no={2}
        title="新規相談件数の推移（月別）"
        head="月"
        countHead="新規相談件数"
        rows={monthRows(data.monthlyNewCases)}
      />
      <ReportFigure
        no={3}
        title="面談件数の推移（月別）"
        head="月"
        countHead="面談件数"
        rows={monthRows(data.monthlyInPerson)}
      />
    </>
  )
}

/** 図4: contacts by method; 図5: cases by first consulter. */
export function BreakdownFigures({ data }: { data: Report['consultations'] }) {
  return (
    <>
      <ReportFigure
        no={4}
        title="対応手法別件数"
        head="手法"
        countHead="延べ対応回数"
        rows={CONTACT_METHODS.map((m) => ({
          key: m.code,
          label: m.label,
          count: data.contacts.byMethod[m.code].total,
        }))}
      />
      <ReportFigure
        no={5}
        title="相談者別件数"
        head="相談者"
        countHead="相談件数"
        rows={FIRST_CONSULTERS.map((c) => ({
          key: c.code,
          label: c.label,
          count: data.byFirstConsulter[c.code].count,
        }))}
      />
    </>
  )
}
