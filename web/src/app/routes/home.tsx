import { Link } from '@tanstack/react-router'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { CaseloadFlags } from '#web/features/accompaniment/components/caseload-flags.tsx'
import { LeadWorkerHome } from '#web/features/accompaniment/components/lead-worker-home.tsx'
import { DueSteps } from '#web/features/cases/components/due-steps.tsx'
import { Worklist } from '#web/features/cases/components/worklist.tsx'
import { InboxSummary } from '#web/features/handovers/components/inbox-summary.tsx'
import { InquirySummary } from '#web/features/inquiries/components/inquiry-summary.tsx'
import { UpcomingMeetings } from '#web/features/meetings/components/upcoming-meetings.tsx'
import { MonthlySummary } from '#web/features/reports/components/monthly-summary.tsx'
import { useMe } from '#web/lib/session.ts'
import { homeRoute } from './home.route.ts'

export function HomePage() {
  const me = useMe()
  const { whose } = homeRoute.useSearch()

  const { can } = me
  if (can.recordIntake) {
    return (
      <>
        <PageHeading title="作業一覧">
          <Link to="/cases/new" className={buttonClass('primary')}>
            新規受付
          </Link>
        </PageHeading>
        {can.inquiries && <InquirySummary linked />}
        {can.viewCaseloads && (
          <>
            <InboxSummary />
            <CaseloadFlags />
          </>
        )}
        <DueSteps whose={whose ?? 'mine'} />
        {can.readMeetings && <UpcomingMeetings />}
        <Worklist />
      </>
    )
  }

  // Lead workers: their day from their own cases; agencies also the meetings they are invited to.
  if (can.readCases) {
    return (
      <>
        <PageHeading title="ホーム" />
        {can.readMeetings && <UpcomingMeetings />}
        {can.readMyCases && <LeadWorkerHome showMeetings={!can.readMeetings} />}
        {can.meetAsAgency && (
          <p className="text-std-16N-170">
            <Link to="/meetings">支援調整会議</Link>：招かれた会議の議題（守秘義務の確認の後に表示）
          </p>
        )}
      </>
    )
  }

  if (can.manageAccounts) {
    return (
      <>
        <PageHeading title="ホーム" />
        <ul className="flex flex-col gap-4 text-std-18N-160">
          <li>
            <Link to="/admin/accounts">アカウント管理</Link>
            ：職員のアカウントの作成・変更、パスワード再設定リンクの発行
          </li>
          <li>
            <Link to="/admin/audit">監査ログ</Link>：いつ・誰が・何を閲覧または変更したかの記録
          </li>
          <li>
            <Link to="/admin/settings">設定</Link>：作業一覧で「対応なし」とする日数など
          </li>
        </ul>
      </>
    )
  }

  // Headquarters: the month's figures, then the city-wide work. (Every role is handled above or here.)
  return (
    <>
      <PageHeading title="ホーム" />
      {can.viewReport && <MonthlySummary />}
      {can.inquiryCounts && <InquirySummary linked={false} />}
      <ul className="flex flex-col gap-4 text-std-18N-160">
        <li>
          <Link to="/report">評価レポート</Link>
          ：期間・区を選んで取組検証の統計表と図を作成（Excel・JSON・印刷）
        </li>
        <li>
          <Link to="/import">台帳の取込</Link>：これまでの Excel 台帳を確認してから取り込む
        </li>
        <li>
          <Link to="/baselines">比較基準</Link>：システム導入前の件数を入力し、レポートで比較する
        </li>
        <li>
          <Link to="/caseloads">担当状況</Link>：区別・担当者別の担当件数と、上限を超えた担当者
        </li>
        <li>
          <Link to="/resources">社会資源</Link>
          ：居場所・就労支援・家族会などの一覧の登録・更新と、つなぎの件数
        </li>
        <li>
          <Link to="/network">全市の会議</Link>：担当者会議・支援ミーティングの予定と、共有された事例
        </li>
        <li>
          <Link to="/surveys">アンケート</Link>
          ：相談者・関係機関へのアンケートの作成、配布（リンク・QR コード・紙）と集計
        </li>
        <li>
          <Link to="/seminars">家族向け研修会</Link>：研修会・家族教室の予定と、申込み・キャンセル待ち・出席
        </li>
      </ul>
    </>
  )
}
