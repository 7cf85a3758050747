import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { labelOf, SURVEY_AUDIENCES, SURVEY_STATUSES } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { useCopySurveyTemplate } from '#web/features/surveys/api/change-surveys.ts'
import { useSurveys, useSurveyTemplates } from '#web/features/surveys/api/read-surveys.ts'
import { SurveyBuilder } from '#web/features/surveys/components/survey-builder.tsx'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useDocumentTitle } from '#web/lib/use-document-title.ts'
import { RequireAbility } from '../require-role.tsx'

/** The page as the router shows it (the route, loaded on first visit: surveys.route.ts). */
export function GuardedSurveysPage() {
  return (
    <RequireAbility ability="manageSurveys">
      <SurveysPage />
    </RequireAbility>
  )
}

function SurveysPage() {
  useDocumentTitle('アンケート')
  const list = useSurveys()
  const templates = useSurveyTemplates()
  const copy = useCopySurveyTemplate()
  const navigate = useNavigate()
  const [adding, setAdding] = useState(false)
  const open = (id: string) => navigate({ to: '/surveys/$surveyId', params: { surveyId: id } })

  return (
    <>
      <PageHeading title="アンケート">
        {!adding && (
          <Button
            id="survey-add-open"
            onClick={() => {
              setAdding(true)
              focusSoon('survey-new-title')
            }}
          >
            アンケートを作成する
          </Button>
        )}
      </PageHeading>
      <p className="mb-6 max-w-3xl text-std-16N-170">
        相談者・関係機関・支援対象者へのアンケートを作成し、公開や紙の回答の入力、集計を行います。回答は匿名で、評価レポートの表4〜表8に取込の回答と合わせて集計されます。
      </p>
      {adding && (
        <section
          aria-labelledby="survey-new-heading"
          className="mb-8 rounded-8 border border-solid-gray-300 p-6"
        >
          <h2 id="survey-new-heading" className="mb-6 text-std-20B-150">
            アンケートを作成する
          </h2>
          <SurveyBuilder
            onDone={(saved) => open(saved.id)}
            onCancel={() => {
              setAdding(false)
              focusSoon('survey-add-open')
            }}
          />
        </section>
      )}
      <section aria-labelledby="survey-templates" className="mb-8">
        <h2 id="survey-templates" className="mb-2 text-std-20B-150">
          ひな形から作成
        </h2>
        <p className="mb-4 text-std-16N-170">
          令和3年度の検証で使った3つのアンケートです。コピーして編集できます。
        </p>
        {templates.isPending && <Loading what="ひな形" />}
        {templates.error && <QueryError error={templates.error} />}
        <ul className="flex flex-col gap-3">
          {templates.data?.map((t) => (
            <li key={t.key} className="flex flex-wrap items-center gap-4">
              <span className="text-std-16N-170">
                {t.title}（{labelOf(SURVEY_AUDIENCES, t.audience)}・{t.note}）
              </span>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={copy.isPending}
                onClick={() => copy.mutate(t.key, { onSuccess: (saved) => open(saved.id) })}
              >
                「{t.title}」をコピーして作成
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="survey-list">
        <h2 id="survey-list" className="mb-2 text-std-20B-150">
          作成したアンケート
        </h2>
        {list.isPending && <Loading what="アンケート" />}
        {list.error && <QueryError error={list.error} />}
        {list.data && (
          <Table caption="アンケートの一覧" captionHidden>
            <thead>
              <tr>
                <Th>番号</Th>
                <Th>タイトル</Th>
                <Th>対象</Th>
                <Th>状態</Th>
                <Th className="text-right">回答数</Th>
              </tr>
            </thead>
            <tbody>
              {list.data.length === 0 && <EmptyRow colSpan={5}>まだアンケートはありません。</EmptyRow>}
              {list.data.map((s) => (
                <tr key={s.id}>
                  <Td>{s.surveyNo}</Td>
                  <Td>
                    <Link to="/surveys/$surveyId" params={{ surveyId: s.id }}>
                      {s.title}
                    </Link>
                  </Td>
                  <Td>{labelOf(SURVEY_AUDIENCES, s.audience)}</Td>
                  <Td>{labelOf(SURVEY_STATUSES, s.status)}</Td>
                  <Td className="text-right">{s.responses.total}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  )
}
