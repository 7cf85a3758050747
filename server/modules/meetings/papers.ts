// 会議資料 / 次第 printed before the meeting, one copy per reader: the ward's copy (names, the
// 方針案) or an invited agency's (docs/domain.md: an outside agency reads only the agenda's cases,
// never names, and only after its confidentiality acknowledgement). The server decides what each
// copy holds, so a copy for an agency cannot carry more than its members could read themselves.
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import { PAPERS_FOR_WARD } from '#shared/contracts/meetings.ts'
import { tokyoDate } from '#shared/dates.ts'
import * as agendaRepo from './agenda.repository.ts'
import { draftViews } from './draft-views.ts'
import { agencyViewDays, openMeetingForChange } from './meeting-detail.ts'
import { assignmentsByReview, toAgenda } from './meetings.dto.ts'
import { agendaAccess } from './meetings.policy.ts'
import * as repo from './meetings.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>

export const PAPERS_NOT_INVITED = '資料の配布先は、この会議に招待した関係機関から選択してください'

export async function meetingPapers({ db, clock }: Deps, actor: Actor, meetingId: string, audience: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const { meeting: m } = await openMeetingForChange(tx, actor, meetingId, false)
    const t = actor.tenantId
    const forWard = audience === PAPERS_FOR_WARD
    const attendee = forWard
      ? undefined
      : (await repo.findAttendees(tx, t, m.id)).find((a) => a.unitId === audience && a.kind === 'agency')
    if (!forWard && !attendee) {
      const errors = new FieldErrors()
      errors.add('for', PAPERS_NOT_INVITED)
      errors.throwIfAny()
    }
    const rows = await agendaRepo.findAgendaCases(tx, t, m.id)
    let acknowledged = forWard
    let readable = forWard
    if (attendee) {
      const at = await repo.findUnitAcknowledgement(tx, t, m.id, attendee.unitId)
      const facts = { ward: m.ward, heldOn: m.heldOn, invited: true }
      const role = { kind: 'agency' as const, unitId: attendee.unitId }
      acknowledged = at !== null
      readable = agendaAccess(role, facts, at, tokyoDate(now), await agencyViewDays(tx, t)).canReadAgenda
    }
    const shown = readable ? rows : []
    const reviews = await agendaRepo.findReviewsOfCases(
      tx,
      t,
      shown.map((r) => r.caseId),
    )
    const assignments = assignmentsByReview(
      await agendaRepo.findAssignments(
        tx,
        t,
        reviews.map((r) => r.review.id),
      ),
    )
    const drafts = forWard ? await draftViews(tx, t, shown) : new Map()
    const agenda = toAgenda(m, shown, reviews, assignments, forWard, drafts)
    await writeAudit(tx, actor, now, {
      action: 'meeting.papers',
      recordType: 'meeting',
      recordId: m.id,
      detail: { for: forWard ? PAPERS_FOR_WARD : attendee!.unitId, cases: agenda.length },
    })
    return {
      audience: {
        kind: forWard ? ('ward' as const) : ('agency' as const),
        unitId: attendee?.unitId ?? null,
        name: attendee?.name ?? '保健福祉センター',
        acknowledged,
      },
      agenda,
      agendaCount: rows.length,
    }
  })
}
