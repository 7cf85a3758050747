import type { AgeBand, Counterpart } from '#shared/codes.ts'
import type { InboxItem, InquiryMessage, InquiryThread } from '#shared/contracts/inquiries.ts'
import type { MessageRow, ThreadRow, ThreadSummaryRow } from './inbox.repository.ts'

/** Whether a resident's message has waited past the city's overdue hours on an open, real thread. */
export function isOverdue(
  row: { status: string; spam: boolean; awaitingSince: Date | null },
  cutoff: Date,
): boolean {
  return row.status === 'open' && !row.spam && row.awaitingSince !== null && row.awaitingSince < cutoff
}

function summaryOf(row: Omit<ThreadSummaryRow, 'messageCount'>, cutoff: Date) {
  return {
    id: row.id,
    code: row.code,
    senderRole: row.senderRole as Counterpart,
    subjectAgeBand: row.subjectAgeBand as AgeBand | null,
    nickname: row.nickname,
    status: row.status as 'open' | 'closed',
    urgent: row.urgent,
    spam: row.spam,
    claimedBy: row.claimedBy ? { id: row.claimedBy, name: row.claimedByName ?? '' } : null,
    awaitingSince: row.awaitingSince?.toISOString() ?? null,
    overdue: isOverdue(row, cutoff),
    lastMessageAt: row.lastMessageAt.toISOString(),
    caseNo: row.caseNo,
  }
}

export function toInboxItem(row: ThreadSummaryRow, cutoff: Date): InboxItem {
  return { ...summaryOf(row, cutoff), messageCount: row.messageCount }
}

function toMessage(m: MessageRow): InquiryMessage {
  return {
    id: m.id,
    author: m.author as 'resident' | 'staff',
    staffName: m.author === 'staff' ? (m.staffName ?? null) : null,
    body: m.body,
    minutes: m.minutes,
    urgent: m.urgent,
    counted: m.contactId !== null,
    createdAt: m.createdAt.toISOString(),
  }
}

export function toThread(row: ThreadRow, messages: MessageRow[], cutoff: Date): InquiryThread {
  return {
    ...summaryOf(row, cutoff),
    acceptsCall: row.acceptsCall,
    phone: row.acceptsCall ? row.phone : null,
    hasNoticeAddress: row.noticeAddress !== null,
    caseId: row.caseId,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    messages: messages.map(toMessage),
  }
}
