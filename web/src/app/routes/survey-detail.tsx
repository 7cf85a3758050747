import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { labelOf, QUESTION_KINDS, SURVEY_AUDIENCES, SURVEY_STATUSES } from '#shared/codes.ts'
import type { Survey } from '#shared/contracts/surveys.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useCopySurvey, useSetSurveyStatus } from '#web/features/surveys/api/change-surveys.ts'
import { useSurvey, useSurveyResults } from '#web/features/surveys/api/read-surveys.ts'
import { PaperAnswerForm } from '#web/features/surveys/components/paper-answer-form.tsx'
import { SurveyBuilder } from '#web/features/surveys/components/survey-builder.tsx'
import { SurveyLinks } from '#web/features/surveys/components/survey-links.tsx'
import { SurveyResultsView } from '#web/features/surveys/components/survey-results-view.tsx'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useMe } from '#web/lib/session.ts'
import { useDocumentTitle } from '#web/lib/use-document-title.ts'
import { RequireAbility } from '../require-role.tsx'
import { surveyDetailRoute } from './survey-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: survey-detail.route.ts). */
export function GuardedSurveyDetailPage() {
  return (
    <RequireAbility ability="manageSurveys">
      <SurveyDetailPage />
    </RequireAbility>
  )
}

const periodText = (s: Survey) =>
  s.periodFrom || s.periodTo ? `${s.periodFrom ?? ''}〜${s.periodTo ?? ''}` : '未設定'

function SurveyDetailPage() {
  const { surveyId } = surveyDetailRoute.useParams()
  const survey = useSurvey(surveyId)
  useDocumentTitle(survey.data?.title ?? 'アンケート')
  if (survey.isPending) return <Loading what="アンケート" />
  if (survey.error) return <QueryError error={survey.error} about="record" />
  return <SurveyDetail key={survey.data.id} survey={survey.data} />
}

function SurveyDetail({ survey }: { survey: Survey }) {
  const navigate = useNavigate()
  const status = useSetSurveyStatus(survey.id)
  const copy = useCopySurvey()
  const results = useSurveyResults(survey.id)
  const [editing, setEditing] = useState(false)
  const [flash, setFlash] = useState('')
  const me = useMe()
  // The residents' page for this survey (server-rendered, no JavaScript), for the link staff share.
  const publicPath = `/soudan/${encodeURIComponent(me.cityId)}/surveys/${survey.id}`

  return (
    <>
      <p className="mb-2">
        <Link to="/surveys">アンケートの一覧へ戻る</Link>
      </p>
      <PageHeading title={survey.title} />
      <div role="status" className="mb-6 empty:hidden">
        {flash && <Notice tone="success">{flash}</Notice>}
      </div>
      <DescriptionList
        items={[
          { term: '番号', value: survey.surveyNo },
          { term: '対象', value: labelOf(SURVEY_AUDIENCES, survey.audience) },
          { term: '状態', value: labelOf(SURVEY_STATUSES, survey.status) },
          { term: '実施期間', value: periodText(survey) },
          { term: '配布数', value: survey.targetCount === null ? '未入力' : `${survey.targetCount}件` },
          {
            term: '回答数',
            value: `${survey.responses.total}件（紙 ${survey.responses.paper}件・ウェブ ${survey.responses.web}件）`,
          },
        ]}
      />
      <div className="my-6 flex flex-wrap gap-4">
        {survey.status !== 'published' && (
          <Button
            type="button"
            disabled={status.isPending}
            onClick={() =>
              status.mutate({ status: 'published' }, { onSuccess: () => setFlash('公開しました。') })
            }
          >
            公開する
          </Button>
        )}
        {survey.status === 'published' && (
          <Button
            type="button"
            variant="secondary"
            disabled={status.isPending}
            onClick={() =>
              status.mutate({ status: 'closed' }, { onSuccess: () => setFlash('回答の受付を終了しました。') })
            }
          >
            受付を終了する
          </Button>
        )}
        <Button
          type="button"
          variant="secondary"
          disabled={copy.isPending}
          onClick={() =>
            copy.mutate(survey.id, {
              onSuccess: (saved) => navigate({ to: '/surveys/$surveyId', params: { surveyId: saved.id } }),
            })
          }
        >
          コピーして新しい版を作る
        </Button>
        {!survey.locked && !editing && (
          <Button
            id="survey-edit-open"
            type="button"
            variant="secondary"
            onClick={() => {
              setEditing(true)
              focusSoon(`survey-${survey.id}-title`)
            }}
          >
            編集する
          </Button>
        )}
      </div>
      {survey.status === 'published' && (
        <p className="my-4 text-std-16N-170">
          回答用のページ（匿名・住民向け）：
          <a href={publicPath}>{`${window.location.origin}${publicPath}`}</a>
        </p>
      )}
      {survey.locked && (
        <Notice>
          回答があるため設問は変更できません。変更するときは「コピーして新しい版を作る」を使ってください。
        </Notice>
      )}
      {survey.introduction && (
        <p className="my-4 whitespace-pre-wrap text-std-16N-170">{survey.introduction}</p>
      )}
      {editing ? (
        <section
          aria-labelledby="survey-edit-heading"
          className="my-8 rounded-8 border border-solid-gray-300 p-6"
        >
          <h2 id="survey-edit-heading" className="mb-6 text-std-20B-150">
            アンケートを編集する
          </h2>
          <SurveyBuilder
            survey={survey}
            onDone={() => {
              setEditing(false)
              setFlash('変更を保存しました。')
            }}
            onCancel={() => {
              setEditing(false)
              focusSoon('survey-edit-open')
            }}
          />
        </section>
      ) : (
        <section aria-labelledby="survey-questions" className="my-8">
          <h2 id="survey-questions" className="mb-4 text-std-20B-150">
            設問
          </h2>
          <ol className="flex list-decimal flex-col gap-3 pl-6">
            {survey.questions.map((q) => (
              <li key={q.no} className="text-std-16N-170">
                {q.question}（{labelOf(QUESTION_KINDS, q.kind)}
                {q.required ? '・必須' : ''}）
                {q.options.length > 0 && (
                  <span className="block text-solid-gray-700">
                    {[...q.options, ...(q.allowOther ? ['その他（自由記述）'] : [])].join(' ／ ')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="survey-paper" className="my-8 rounded-8 border border-solid-gray-300 p-6">
        <h2 id="survey-paper" className="mb-6 text-std-20B-150">
          紙の回答を入力する
        </h2>
        <PaperAnswerForm
          survey={survey}
          onDone={(no) => {
            setFlash(`紙の回答を ${no} として登録しました。`)
            focusSoon('paper-answeredOn')
          }}
        />
      </section>
      <section aria-labelledby="survey-links" className="my-8 rounded-8 border border-solid-gray-300 p-6">
        <h2 id="survey-links" className="mb-6 text-std-20B-150">
          対象リストへの回答用リンク
        </h2>
        <SurveyLinks survey={survey} />
      </section>
      <section aria-labelledby="survey-results" className="my-8">
        <h2 id="survey-results" className="mb-4 text-std-20B-150">
          集計結果
        </h2>
        {results.isPending && <Loading what="集計結果" />}
        {results.error && <QueryError error={results.error} />}
        {results.data && <SurveyResultsView results={results.data} />}
      </section>
    </>
  )
}
