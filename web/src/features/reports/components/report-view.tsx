import type { ReactNode } from 'react'
import type { Report } from '#shared/contracts/reports.ts'
import { indicatorSections, verificationSection } from '#shared/report-indicator-tables.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { useCan } from '#web/lib/session.ts'
import { formatCount } from '../report-format.ts'
import { periodLabel } from '../report-search.ts'
import {
  AgeBandTable,
  CaseCountTables,
  ContactsTable,
  ShareTables,
  WardIntakeTable,
} from './consultation-tables.tsx'
import { IndicatorTable } from './indicator-tables.tsx'
import { MeetingTables, SubsidyTable } from './meeting-tables.tsx'
import { BreakdownFigures, MonthlyFigures } from './report-figures.tsx'
import { ReportFindings } from './report-findings.tsx'
import { ReportPrintFrame } from './report-print-frame.tsx'
import { SurveyTables } from './survey-tables.tsx'
import { VerificationEditor } from './verification-editor.tsx'
import '../report-print.css'

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6">
      <h2 id={id} className="mb-4 border-b-2 border-key-900 pb-1 text-std-24B-150">
        {title}
      </h2>
      {children}
    </section>
  )
}

/** The report's name, on the page and in the printed header. */
export const REPORT_TITLE = '評価レポート（取組検証 統計）'

/** Every table and figure of the evaluation report, in the printed report's order. */
export function ReportView({ report, wardName }: { report: Report; wardName: (code: string) => string }) {
  const { period, consultations } = report
  const periodText = periodLabel(period.from, period.to)
  const scopeText = period.ward ? wardName(period.ward) : '全市'
  const can = useCan()
  const verification = verificationSection(report)
  return (
    <div className="report-print-root">
      <p className="mb-6 text-std-18B-160">
        集計期間：{periodText}　対象：{scopeText}
      </p>
      <ReportPrintFrame title={REPORT_TITLE} report={report} periodText={periodText} scopeText={scopeText} />
      {consultations.total === 0 && (
        <div className="mb-8">
          <Notice tone="info" title="この期間の相談窓口の新規相談は0件です">
            期間や区の指定を確かめてください。台帳をまだ取り込んでいない場合は「台帳の取込」から取り込むと集計に反映されます。
          </Notice>
        </div>
      )}
      <ReportFindings report={report} />
      <Section id={verification.id} title={verification.title}>
        {verification.tables.map((t) => (
          <IndicatorTable key={t.sheet} table={t} />
        ))}
        {can.editReportFindings && <VerificationEditor period={{ from: period.from, to: period.to }} />}
      </Section>
      <Section id="report-consultations" title="相談窓口の相談件数">
        <p className="mb-4 text-std-16N-170">新規相談件数：{formatCount(consultations.total)}件</p>
        <AgeBandTable data={consultations.byAgeBand} periodText={periodText} />
        <MonthlyFigures data={consultations} />
      </Section>
      <Section id="report-handling" title="相談窓口の対応状況">
        <CaseCountTables data={consultations} to={period.to} />
        <ContactsTable data={consultations.contacts} />
        <BreakdownFigures data={consultations} />
        <ShareTables data={consultations} />
      </Section>
      <Section id="report-wards" title="区役所・支所での受付">
        <WardIntakeTable rows={report.wardIntake} wardName={wardName} />
      </Section>
      <Section id="report-meetings" title="支援調整会議実績">
        <MeetingTables data={report.meetings} />
      </Section>
      <Section id="report-surveys" title="アンケート結果">
        <SurveyTables surveys={report.surveys} />
      </Section>
      <Section id="report-resources" title="社会資源">
        <SubsidyTable rows={report.resources.subsidisedProjects} />
      </Section>
      {indicatorSections(report, wardName).map((section) => (
        <Section key={section.id} id={section.id} title={section.title}>
          {section.tables.map((t) => (
            <IndicatorTable key={t.sheet} table={t} />
          ))}
        </Section>
      ))}
    </div>
  )
}
