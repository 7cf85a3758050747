// Changes to a seminar's seats that move waiting families up: a cancellation (by the family's
// link or by staff on the family's behalf) and a larger capacity. The caller holds the seminar's
// lock (repo.lockSeminar), so the waitlist keeps the order of arrival.
import type { Db } from '#server/db/client.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { partiesMovingUp } from './seats.ts'
import * as repo from './seminars.repository.ts'

/** Moves the waiting families that now fit into seats; each one with an address is sent a notice. */
export async function moveUpWaiting(
  tx: Db,
  tenantId: string,
  seminar: { id: string; capacity: number },
  now: Date,
): Promise<string[]> {
  const moving = partiesMovingUp(await repo.registrationsOf(tx, tenantId, seminar.id), seminar.capacity)
  for (const p of moving) {
    const up = await repo.updateRegistration(tx, tenantId, p.id, { status: 'confirmed', promotedAt: now })
    if (up.email) {
      await enqueueMail(tx, { tenantId, kind: 'seminar_moved_up', toAddress: up.email, threadId: null, now })
    }
  }
  return moving.map((p) => p.id)
}

/**
 * Cancels a registration and moves waiting families up into its seats. Read again under the lock:
 * a concurrent cancel of the same registration may have come first, and then nothing changes.
 */
export async function cancelAndMoveUp(
  tx: Db,
  tenantId: string,
  seminar: { id: string; capacity: number },
  registrationId: string,
  now: Date,
): Promise<{ row: repo.RegistrationRow; movedUp: string[] } | null> {
  const row = await repo.findRegistration(tx, tenantId, seminar.id, registrationId)
  if (!row || row.status === 'cancelled') return null
  const cancelled = await repo.updateRegistration(tx, tenantId, row.id, {
    status: 'cancelled',
    cancelledAt: now,
  })
  return { row: cancelled, movedUp: await moveUpWaiting(tx, tenantId, seminar, now) }
}
