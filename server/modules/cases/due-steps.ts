import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import {
  type DueBucket,
  type DueStep,
  type listDueSteps,
  UPCOMING_DAYS,
} from '#shared/contracts/due-steps.ts'
import { addDays, tokyoDate } from '#shared/dates.ts'
import { requireIntakeScope } from './cases.policy.ts'
import { type DueStepRow, findDueSteps } from './due-steps.repository.ts'

type Query = z.output<NonNullable<typeof listDueSteps.query>>

/** A screenful and more; the answer says when there were more. */
const DUE_LIMIT = 200

export function bucketOf(dueOn: string, today: string): DueBucket {
  if (dueOn < today) return 'overdue'
  return dueOn === today ? 'today' : 'upcoming'
}

const toDueStep = (r: DueStepRow, today: string): DueStep => ({ ...r, bucket: bucketOf(r.dueOn, today) })

/**
 * 期日の近い次の対応, for the window's and wards' staff (who record contacts): overdue, today and
 * the next seven days, in the caller's scope, only cases still being worked on. Audited like the
 * work list: the answer holds names.
 */
export async function listDueStepsFor(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  query: Query,
) {
  const scope = requireIntakeScope(actor)
  const now = clock.now()
  const today = tokyoDate(now)
  return db.transaction(async (tx) => {
    const rows = await findDueSteps(tx, actor.tenantId, scope, {
      accountId: actor.accountId,
      mineOnly: query.whose === 'mine',
      until: addDays(today, UPCOMING_DAYS),
      limit: DUE_LIMIT + 1,
    })
    const items = rows.slice(0, DUE_LIMIT).map((r) => toDueStep(r, today))
    await writeAudit(tx, actor, now, {
      action: 'case.due_steps',
      detail: { whose: query.whose, count: items.length },
    })
    return { today, items, truncated: rows.length > DUE_LIMIT }
  })
}
