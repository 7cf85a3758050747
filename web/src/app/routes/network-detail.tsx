import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { labelOf, NETWORK_MEETING_KINDS } from '#shared/codes.ts'
import type { NetworkMeetingDetail } from '#shared/contracts/network.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useDeleteNetworkMeeting } from '#web/features/network/api/delete-network-meeting.ts'
import { useNetworkMeeting } from '#web/features/network/api/get-network-meeting.ts'
import { useUpdateNetworkMeeting } from '#web/features/network/api/update-network-meeting.ts'
import {
  NetworkMeetingForm,
  valuesFromNetworkMeeting,
} from '#web/features/network/components/network-meeting-form.tsx'
import { ShareCaseForm } from '#web/features/network/components/share-case-form.tsx'
import { ShareList } from '#web/features/network/components/share-list.tsx'
import { networkWhenText } from '#web/features/network/network-format.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { RequireAbility } from '../require-role.tsx'
import { networkDetailRoute } from './network-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: network-detail.route.ts). */
export function GuardedNetworkDetailPage() {
  return (
    <RequireAbility ability="readNetwork">
      <NetworkDetailPage />
    </RequireAbility>
  )
}

function NetworkDetailPage() {
  const { meetingId } = networkDetailRoute.useParams()
  const { created } = networkDetailRoute.useSearch()
  const meeting = useNetworkMeeting(meetingId)
  const [flash, setFlash] = useState(created ? '会議を予定しました。' : '')

  if (meeting.isPending) return <Loading what="会議" />
  if (meeting.error) {
    return (
      <>
        <PageHeading title="会議を表示できません" />
        <QueryError error={meeting.error} about="record" />
        <p className="mt-6">
          <Link to="/network">全市の会議の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const m = meeting.data
  return (
    <>
      <PageHeading title={m.title} />
      <p className="-mt-6 mb-6">
        <Link to="/network">全市の会議の一覧へ戻る</Link>
      </p>
      <FlashStatus message={flash} />
      <MeetingOverview meeting={m} onMessage={setFlash} />
      {m.kind === 'case_study' ? (
        <SharedCases meeting={m} onMessage={setFlash} />
      ) : (
        <p className="text-std-16N-170">
          担当者会議には事例を共有しません。事例検討は支援ミーティングで行います。
        </p>
      )}
    </>
  )
}

function MeetingOverview({
  meeting: m,
  onMessage,
}: {
  meeting: NetworkMeetingDetail
  onMessage: (s: string) => void
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const update = useUpdateNetworkMeeting(m.id)
  const remove = useDeleteNetworkMeeting(m.id)
  const navigate = useNavigate()

  return (
    <section aria-labelledby="network-overview" className="mb-12">
      <h2 id="network-overview" className="mb-4 text-std-24B-150">
        会議の概要
      </h2>
      {mode === 'edit' ? (
        <NetworkMeetingForm
          idPrefix="edit-network-meeting"
          initial={valuesFromNetworkMeeting(m)}
          kindLocked={m.shareCount > 0}
          submitLabel="変更を保存する"
          busy={update.isPending}
          onCancel={() => {
            setMode('view')
            focusSoon('network-edit-open')
          }}
          onSubmit={(body, onError) => {
            // A meeting with shared cases keeps its kind: the form does not offer it, nor is it sent.
            const { kind, ...rest } = body
            update.mutate(m.shareCount > 0 ? rest : { ...rest, kind }, {
              onSuccess: () => {
                setMode('view')
                onMessage('会議の内容を変更しました。')
                focusSoon('network-edit-open')
              },
              onError,
            })
          }}
        />
      ) : (
        <>
          <DescriptionList
            items={[
              { term: '種類', value: labelOf(NETWORK_MEETING_KINDS, m.kind) },
              { term: '開催日時', value: networkWhenText(m.heldOn, m.startTime) },
              { term: '場所', value: m.place },
              { term: '案内', value: m.note ? <span className="whitespace-pre-wrap">{m.note}</span> : '' },
            ]}
          />
          {m.access.canEdit && mode === 'view' && (
            <div className="mt-6 flex flex-wrap gap-4">
              <Button
                id="network-edit-open"
                variant="secondary"
                onClick={() => {
                  setMode('edit')
                  focusSoon('edit-network-meeting-title')
                }}
              >
                会議の内容を変更
              </Button>
              {m.shareCount === 0 ? (
                <Button id="network-delete-open" variant="tertiary" onClick={() => setMode('delete')}>
                  会議を削除
                </Button>
              ) : (
                <p className="self-center text-std-16N-170 text-solid-gray-800">
                  事例が共有されているため、この会議は削除できません。
                </p>
              )}
            </div>
          )}
          {m.access.canEdit && mode === 'delete' && (
            <div className="mt-6">
              <ConfirmPanel
                title="この会議を削除しますか"
                confirmLabel="会議を削除する"
                danger
                busy={remove.isPending}
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => navigate({ to: '/network' }),
                  })
                }
                onCancel={() => {
                  setMode('view')
                  focusSoon('network-delete-open')
                }}
              >
                「{m.title}」（{networkWhenText(m.heldOn, m.startTime)}）を削除します。元に戻せません。
                {remove.error && (
                  <div className="mt-4">
                    <Notice tone="error" live="alert">
                      {isApiError(remove.error) ? remove.error.message : '削除に失敗しました。'}
                    </Notice>
                  </div>
                )}
              </ConfirmPanel>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function SharedCases({
  meeting: m,
  onMessage,
}: {
  meeting: NetworkMeetingDetail
  onMessage: (s: string) => void
}) {
  const [sharing, setSharing] = useState(false)
  return (
    <section aria-labelledby="network-shares" className="mb-12">
      <h2 id="network-shares" tabIndex={-1} className="mb-4 text-std-24B-150">
        共有された事例
      </h2>
      <p className="mb-6 max-w-3xl text-std-16N-170">
        各区が匿名の要約で共有した事例です。氏名・ケース番号・日付は含まれません。会議の外に持ち出さないでください。
      </p>
      {m.access.canShare &&
        (sharing ? (
          <section
            aria-labelledby="share-case-title"
            className="mb-8 rounded-8 border border-solid-gray-300 p-6"
          >
            <h3 id="share-case-title" className="mb-6 text-std-20B-150">
              ケースを共有
            </h3>
            <ShareCaseForm
              meetingId={m.id}
              onDone={(title) => {
                setSharing(false)
                onMessage(`「${title}」を共有しました。`)
                focusSoon('share-open')
              }}
              onCancel={() => {
                setSharing(false)
                focusSoon('share-open')
              }}
            />
          </section>
        ) : (
          <Button
            id="share-open"
            className="mb-8"
            onClick={() => {
              setSharing(true)
              focusSoon('share-caseNo')
            }}
          >
            ケースを共有
          </Button>
        ))}
      <ShareList meetingId={m.id} shares={m.shares} onWithdrawn={onMessage} />
    </section>
  )
}
