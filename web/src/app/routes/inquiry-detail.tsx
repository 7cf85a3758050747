import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useInquiry } from '#web/features/inquiries/api/get-inquiry.ts'
import { CaseLinkSection } from '#web/features/inquiries/components/case-link-section.tsx'
import { MessageList } from '#web/features/inquiries/components/message-list.tsx'
import { ReplyForm } from '#web/features/inquiries/components/reply-form.tsx'
import { ThreadActions } from '#web/features/inquiries/components/thread-actions.tsx'
import { ThreadOverview } from '#web/features/inquiries/components/thread-overview.tsx'
import { NoticeStatus } from '#web/features/mail/components/notice-status.tsx'
import { useMe } from '#web/lib/session.ts'
import { RequireAbility } from '../require-role.tsx'
import { inquiryDetailRoute } from './inquiry-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: inquiry-detail.route.ts). */
export function GuardedInquiryPage() {
  return (
    <RequireAbility ability="inquiries">
      <InquiryPage />
    </RequireAbility>
  )
}

function InquiryPage() {
  const { id } = inquiryDetailRoute.useParams()
  const me = useMe()
  const thread = useInquiry(id)
  // A count with the text, so that the same message twice still moves focus to it.
  const [flash, setFlashState] = useState({ text: '', n: 0 })
  const setFlash = (text: string) => setFlashState((f) => ({ text, n: f.n + 1 }))
  const flashRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (flash.n > 0) flashRef.current?.focus()
  }, [flash.n])

  if (thread.isPending) return <Loading what="ウェブ相談" />
  if (thread.error) {
    return (
      <>
        <PageHeading title="ウェブ相談を表示できません" />
        <QueryError error={thread.error} about="record" />
        <p className="mt-6">
          <Link to="/inquiries">ウェブ相談の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const t = thread.data
  // Replying is the claimer's (an unclaimed thread is claimed by the reply itself).
  const mayReply = t.status === 'open' && !t.spam && (!t.claimedBy || t.claimedBy.id === me.id)

  return (
    <>
      <PageHeading title={`ウェブ相談 ${t.code}`} />
      <p className="-mt-4 mb-6">
        <Link to="/inquiries">ウェブ相談の一覧へ戻る</Link>
      </p>
      <FlashStatus message={flash.text} ref={flashRef} />
      <div className="mb-8">
        <ThreadActions t={t} onDone={setFlash} />
      </div>
      <section aria-labelledby="thread-basic" className="mb-12">
        <h2 id="thread-basic" className="mb-4 text-std-24B-150">
          相談の情報
        </h2>
        <ThreadOverview t={t} />
      </section>
      <section aria-labelledby="thread-messages" className="mb-12">
        <h2 id="thread-messages" className="mb-4 text-std-24B-150">
          やりとり（{t.messages.length}通）
        </h2>
        <MessageList t={t} />
      </section>
      <section aria-labelledby="thread-reply" className="mb-12">
        <h2 id="thread-reply" className="mb-4 text-std-24B-150">
          返信する
        </h2>
        {mayReply ? (
          <ReplyForm t={t} onDone={setFlash} />
        ) : (
          <p className="text-std-16N-170">
            {t.status !== 'open'
              ? '終了した相談には返信できません。返信するには相談を再開してください。'
              : t.spam
                ? '迷惑として扱っている相談には返信できません。'
                : `${t.claimedBy?.name}さんが担当しています。返信は担当者が行います。`}
          </p>
        )}
      </section>
      <div className="mb-12">
        <CaseLinkSection t={t} onDone={setFlash} />
      </div>
      {/* Whether the resident's "a reply is waiting" mail went out (or failed, with the relay's error). */}
      <NoticeStatus threadId={t.id} />
    </>
  )
}
