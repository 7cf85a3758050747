import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { formatInstant } from '#shared/dates.ts'

/** The conversation, oldest first; each message says who wrote it and whether it counts as a contact. */
export function MessageList({ t }: { t: InquiryThread }) {
  return (
    <ol className="flex flex-col gap-4">
      {t.messages.map((m, i) => {
        const staff = m.author === 'staff'
        const heading = `${i + 1}通目：${staff ? `職員（${m.staffName ?? '不明'}）の返信` : '相談者のメッセージ'}`
        return (
          <li key={m.id}>
            <article
              aria-label={heading}
              className={`rounded-8 border p-4 ${staff ? 'ml-0 border-key-900 bg-key-50 sm:ml-12' : 'border-solid-gray-420 bg-white sm:mr-12'}`}
            >
              <h3 className="flex flex-wrap items-baseline gap-x-4 text-std-16B-170">
                <span>{heading}</span>
                <span className="text-dns-14N-130">{formatInstant(m.createdAt)}</span>
                {m.urgent && (
                  <strong className="rounded-4 border border-error-2 px-2 text-error-2">
                    緊急の語句を含む
                  </strong>
                )}
              </h3>
              {m.body === null ? (
                <p className="mt-2 text-solid-gray-700">（保存期間を過ぎたため本文は消去されました）</p>
              ) : (
                <p className="mt-2 whitespace-pre-wrap break-words text-std-16N-170">{m.body}</p>
              )}
              <p className="mt-2 text-dns-14N-130 text-solid-gray-800">
                {staff && m.minutes !== null ? `所要時間 ${m.minutes}分。` : ''}
                {m.counted ? 'ケースの対応記録（メール）に計上済み。' : ''}
              </p>
            </article>
          </li>
        )
      })}
    </ol>
  )
}
