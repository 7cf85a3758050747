import { AGE_BANDS, COUNTERPARTS, labelOf } from '#shared/codes.ts'
import type { InboxItem } from '#shared/contracts/inquiries.ts'

/** Who wrote and about whom, as staff read it: 「家族・親族から（40歳以上の方について）」. */
export function writerText(t: Pick<InboxItem, 'senderRole' | 'subjectAgeBand'>): string {
  const about = t.subjectAgeBand ? `（${labelOf(AGE_BANDS, t.subjectAgeBand)}の方について）` : ''
  return `${labelOf(COUNTERPARTS, t.senderRole)}から${about}`
}

/** The marks that need a counsellor's eye, in words (never colour alone). */
export function ThreadMarks({ t }: { t: Pick<InboxItem, 'urgent' | 'overdue' | 'spam' | 'status'> }) {
  return (
    <span className="flex flex-wrap gap-2">
      {t.urgent && <strong className="rounded-4 border border-error-2 px-2 text-error-2">緊急</strong>}
      {t.overdue && (
        <strong className="rounded-4 border border-warning-orange-2 px-2 text-warning-orange-2">
          期限超過
        </strong>
      )}
      {t.spam && <span className="rounded-4 border border-solid-gray-700 px-2">迷惑</span>}
      {t.status === 'closed' && <span className="rounded-4 border border-solid-gray-700 px-2">終了</span>}
    </span>
  )
}
