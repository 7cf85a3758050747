// The family's side, for the residents' pages: see the city's coming seminars, register without an
// account, look at and cancel a registration with the link's token. Every query names the city
// and runs in its scope, so row-level security lets it through on PostgreSQL. The token is only
// in the link given to the family; the table keeps its SHA-256.
import type { Db } from '#server/db/client.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { randomToken, sha256 } from '#server/platform/crypto.ts'
import { notFound } from '#server/platform/errors.ts'
import { tokyoDate } from '#shared/dates.ts'
import { cancelAndMoveUp } from './seat-changes.ts'
import { placeNewcomer, waitlistPositions } from './seats.ts'
import * as repo from './seminars.repository.ts'

/** Audit rows of families carry no address, like the residents' consultation. */
const FAMILY = { loginId: null, accountId: null, clientAddress: null }

export interface FamilyRegistrationInput {
  name: string
  attendees: number
  email: string | null
  phone: string | null
  needsChildcare: boolean
  needsSignLanguage: boolean
  needsNote: string | null
}

export interface FamilyRegistrationView {
  seminar: repo.SeminarView
  status: 'confirmed' | 'waitlisted' | 'cancelled'
  attendees: number
  waitlistPosition: number | null
}

export function createFamilyService(db: Db, clock: Clock) {
  async function viewOf(
    tx: Db,
    tenantId: string,
    row: repo.RegistrationRow,
  ): Promise<FamilyRegistrationView> {
    const seminar = await repo.findSeminar(tx, tenantId, row.seminarId)
    if (!seminar) throw notFound()
    const positions = waitlistPositions(await repo.registrationsOf(tx, tenantId, row.seminarId))
    return {
      seminar,
      status: row.status as FamilyRegistrationView['status'],
      attendees: row.attendees,
      waitlistPosition: positions.get(row.id) ?? null,
    }
  }

  return {
    /** Seminars from today on, soonest first (no registration data, only seat counts). */
    async upcoming(tenantId: string) {
      const { rows } = await repo.findSeminars(db, tenantId, {
        when: 'upcoming',
        today: tokyoDate(clock.now()),
        page: 1,
        pageSize: 200,
      })
      return rows
    },

    /** A coming seminar, or undefined (past or unknown: nothing to register for). */
    async seminar(tenantId: string, id: string) {
      const s = await repo.findSeminar(db, tenantId, id)
      return s && s.heldOn >= tokyoDate(clock.now()) ? s : undefined
    },

    /**
     * Registers a family: a seat if there is room and nobody waits, else the waitlist. The
     * seminar's row lock orders concurrent registrations, so the waitlist is the order of arrival.
     */
    async register(tenantId: string, seminarId: string, input: FamilyRegistrationInput) {
      const token = randomToken()
      return db.transaction(async (tx) => {
        const now = clock.now()
        const seminar = await repo.lockSeminar(tx, tenantId, seminarId)
        if (!seminar || seminar.heldOn < tokyoDate(now)) throw notFound()
        const parties = await repo.registrationsOf(tx, tenantId, seminarId)
        const status = placeNewcomer(parties, input.attendees, seminar.capacity)
        const row = await repo.insertRegistration(tx, {
          tenantId,
          seminarId,
          ...input,
          status,
          cancelTokenHash: sha256(token),
          createdAt: now,
        })
        await writeAnonymousAudit(tx, tenantId, now, FAMILY, {
          action: 'seminar_registration.create',
          recordType: 'seminar_registration',
          recordId: row.id,
          detail: { seminarId, status, attendees: input.attendees },
        })
        return { token, view: await viewOf(tx, tenantId, row) }
      })
    },

    /** The registration the link's token names, or undefined. */
    async byToken(tenantId: string, token: string) {
      return db.transaction(async (tx) => {
        const row = await repo.findRegistrationByToken(tx, tenantId, sha256(token))
        return row && viewOf(tx, tenantId, row)
      })
    },

    /**
     * Cancels with the link's token and moves the waiting families up into the seats freed, in
     * order of arrival; each one moved up with an address gets a notice. Cancelling twice is
     * harmless (nothing changes the second time).
     */
    async cancel(tenantId: string, token: string) {
      return db.transaction(async (tx) => {
        const now = clock.now()
        const found = await repo.findRegistrationByToken(tx, tenantId, sha256(token))
        if (!found) throw notFound()
        const seminar = await repo.lockSeminar(tx, tenantId, found.seminarId)
        if (!seminar) throw notFound()
        const done = await cancelAndMoveUp(tx, tenantId, seminar, found.id, now)
        if (!done) return viewOf(tx, tenantId, found)
        await writeAnonymousAudit(tx, tenantId, now, FAMILY, {
          action: 'seminar_registration.cancel',
          recordType: 'seminar_registration',
          recordId: found.id,
          detail: { seminarId: seminar.id, movedUp: done.movedUp },
        })
        return viewOf(tx, tenantId, done.row)
      })
    },
  }
}

export type FamilyService = ReturnType<typeof createFamilyService>
