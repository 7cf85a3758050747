import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { labelOf } from '#shared/codes.ts'
import { SEMINAR_KINDS, type SeminarDetail } from '#shared/contracts/seminars.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useDeleteSeminar, useUpdateSeminar } from '#web/features/seminars/api/change-seminars.ts'
import { useSeminar } from '#web/features/seminars/api/read-seminars.ts'
import { RegistrationTable } from '#web/features/seminars/components/registration-table.tsx'
import { SeminarForm, valuesFromSeminar } from '#web/features/seminars/components/seminar-form.tsx'
import { seatsText, seminarPlaceText, seminarWhenText } from '#web/features/seminars/seminar-format.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useDocumentTitle } from '#web/lib/use-document-title.ts'
import { RequireAbility } from '../require-role.tsx'
import { seminarDetailRoute } from './seminar-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: seminar-detail.route.ts). */
export function GuardedSeminarDetailPage() {
  return (
    <RequireAbility ability="readSeminars">
      <SeminarDetailPage />
    </RequireAbility>
  )
}

function SeminarDetailPage() {
  const { seminarId } = seminarDetailRoute.useParams()
  const { created } = seminarDetailRoute.useSearch()
  const seminar = useSeminar(seminarId)
  const [flash, setFlash] = useState(created ? '研修会・家族教室を登録しました。' : '')
  useDocumentTitle(seminar.data?.title ?? '研修会・家族教室')

  if (seminar.isPending) return <Loading what="研修会・家族教室" />
  if (seminar.error) {
    return (
      <>
        <PageHeading title="研修会・家族教室を表示できません" />
        <QueryError error={seminar.error} about="record" />
        <p className="mt-6">
          <Link to="/seminars">研修会・家族教室の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const s = seminar.data
  return (
    <>
      <PageHeading title={s.title} />
      <p className="-mt-6 mb-6">
        <Link to="/seminars">研修会・家族教室の一覧へ戻る</Link>
      </p>
      <FlashStatus message={flash} />
      <Overview seminar={s} onMessage={setFlash} />
      <section aria-labelledby="registrations-title" className="mb-12">
        <h2 id="registrations-title" tabIndex={-1} className="mb-4 text-std-24B-150">
          申込み
        </h2>
        {s.access.canManage ? (
          <>
            <p className="mb-6 max-w-3xl text-std-16N-170">
              受付順に並んでいます。定員を超えた申込みはキャンセル待ちになり、取消しが出ると受付順に自動で繰り上がります。ご家族の個人情報です。表示と変更は記録されます。
            </p>
            <RegistrationTable seminar={s} onMessage={setFlash} />
          </>
        ) : (
          <p className="text-std-16N-170">
            申込みの内容は、主催する{s.organiser}だけが見られます。参加確定 {seatsText(s)}。
          </p>
        )}
      </section>
    </>
  )
}

function Overview({ seminar: s, onMessage }: { seminar: SeminarDetail; onMessage: (m: string) => void }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const update = useUpdateSeminar(s.id)
  const remove = useDeleteSeminar(s.id)
  const navigate = useNavigate()
  const holding = s.confirmedPeople + s.waitlistedPeople > 0

  if (mode === 'edit') {
    return (
      <section aria-labelledby="seminar-edit-title" className="mb-12">
        <h2 id="seminar-edit-title" className="mb-4 text-std-24B-150">
          内容を変更
        </h2>
        <SeminarForm
          idPrefix="edit-seminar"
          initial={valuesFromSeminar(s)}
          submitLabel="変更を保存する"
          busy={update.isPending}
          onCancel={() => {
            setMode('view')
            focusSoon('seminar-edit-open')
          }}
          onSubmit={(body, onError) =>
            update.mutate(body, {
              onSuccess: () => {
                setMode('view')
                onMessage(
                  '内容を変更しました。定員を増やした場合、キャンセル待ちの家族は受付順に繰り上がります。',
                )
                focusSoon('seminar-edit-open')
              },
              onError,
            })
          }
        />
      </section>
    )
  }
  return (
    <section aria-labelledby="seminar-overview" className="mb-12">
      <h2 id="seminar-overview" className="mb-4 text-std-24B-150">
        概要
      </h2>
      <DescriptionList
        items={[
          { term: '種類', value: labelOf(SEMINAR_KINDS, s.kind) },
          { term: '主催', value: s.organiser },
          { term: '開催日時', value: seminarWhenText(s) },
          { term: '会場', value: seminarPlaceText(s) },
          { term: 'テーマ', value: s.theme ?? '' },
          { term: '対象', value: s.audience ?? '' },
          { term: '参加・定員', value: seatsText(s) },
          { term: '事後アンケート', value: s.followUpSurvey?.title ?? 'なし' },
        ]}
      />
      {s.access.canManage && mode === 'view' && (
        <div className="mt-6 flex flex-wrap gap-4">
          <Button
            id="seminar-edit-open"
            variant="secondary"
            onClick={() => {
              setMode('edit')
              focusSoon('edit-seminar-title')
            }}
          >
            内容を変更
          </Button>
          {holding ? (
            <p className="self-center text-std-16N-170 text-solid-gray-800">
              参加確定またはキャンセル待ちの家族がいるため削除できません。中止するときは、各家族に連絡して申込みを取り消してから削除してください。
            </p>
          ) : (
            <Button id="seminar-delete-open" variant="tertiary" onClick={() => setMode('delete')}>
              削除
            </Button>
          )}
        </div>
      )}
      {s.access.canManage && mode === 'delete' && (
        <div className="mt-6">
          <ConfirmPanel
            title="この研修会・家族教室を削除しますか"
            confirmLabel="削除する"
            danger
            busy={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate({ to: '/seminars' }) })}
            onCancel={() => {
              setMode('view')
              focusSoon('seminar-delete-open')
            }}
          >
            「{s.title}」（{seminarWhenText(s)}）を削除します。市民向けページからも消え、元に戻せません。
            {remove.error && (
              <div className="mt-4">
                <Notice tone="error" live="alert">
                  {isApiError(remove.error) ? remove.error.message : '削除できませんでした。'}
                </Notice>
              </div>
            )}
          </ConfirmPanel>
        </div>
      )}
    </section>
  )
}
