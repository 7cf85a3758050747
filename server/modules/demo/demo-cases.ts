import type { caseEvents, casePeople, casePersonPhones, cases, contacts } from '#server/db/schema/index.ts'
import { ageAt, ageBandOf } from '#shared/age-band.ts'
import { type Concern, type ContactMethod, type Counterpart, WARDS } from '#shared/codes.ts'
import { addDays, daysBetween, fiscalYearOf } from '#shared/dates.ts'
import { fictionalName } from './demo-names.ts'
import { demoParent } from './demo-people.ts'
import { type Random, seededUuid } from './demo-random.ts'
import { CLOSURE_NOTES, CONTACT_SUMMARIES, HANDOVER_SUMMARIES, NEXT_STEPS } from './demo-texts.ts'

export interface DemoStaff {
  id: string
  name: string
}

export interface DemoCaseData {
  cases: (typeof cases.$inferInsert)[]
  contacts: (typeof contacts.$inferInsert)[]
  events: (typeof caseEvents.$inferInsert)[]
  people: (typeof casePeople.$inferInsert)[]
  phones: (typeof casePersonPhones.$inferInsert)[]
  /** Last case number used per fiscal year, for the `case_no:<fy>` counters. */
  lastNumbers: Map<number, number>
}

const DAYS = 425 // about 14 months back from today

// The demo's coordinators are in kita and sakyo, so those wards get more of the cases.
const WARD_WEIGHTS = WARDS.map((w) => [w.code, w.code === 'kita' || w.code === 'sakyo' ? 6 : 1] as const)
const CONCERN_CODES: Concern[] = [
  'poverty',
  'medical',
  'abuse',
  'disability',
  'work',
  'school',
  'family_relations',
]

/** An instant at a Tokyo wall-clock time on a date (Tokyo is UTC+9 all year). */
function tokyoInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`)
}

function timeOfDay(random: Random): string {
  const minutes = random.int(9 * 60, 17 * 60 + 30)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export function generateDemoCases(
  random: Random,
  input: {
    tenantId: string
    today: string
    count: number
    window: DemoStaff[]
    wards: Record<string, DemoStaff>
  },
): DemoCaseData {
  const { tenantId, today } = input
  const openings = Array.from({ length: input.count }, () => addDays(today, -random.int(0, DAYS))).sort()
  const out: DemoCaseData = {
    cases: [],
    contacts: [],
    events: [],
    people: [],
    phones: [],
    lastNumbers: new Map(),
  }

  for (const openedOn of openings) {
    const fy = fiscalYearOf(openedOn)
    const n = (out.lastNumbers.get(fy) ?? 0) + 1
    out.lastNumbers.set(fy, n)
    const id = seededUuid(random)
    const ward = random.chance(0.05) ? null : random.weighted(WARD_WEIGHTS)
    const atWindow = ward === null || random.chance(0.85)
    const intakeUnit = atWindow ? 'window' : ward
    const staff = atWindow ? random.pick(input.window) : (input.wards[ward] ?? null)
    const gender = random.weighted([
      ['male', 60],
      ['female', 30],
      ['unknown', 10],
    ] as const)
    const firstConsulter = random.weighted([
      ['family', 60],
      ['self', 15],
      ['agency', 20],
      ['other', 5],
    ] as const)
    const known = firstConsulter === 'self' || random.chance(0.7)
    const person = known ? fictionalName(random, gender) : { name: null, kana: null }
    const ageKind = random.weighted([
      ['age', 45],
      ['birthYear', 20],
      ['band', 25],
      ['none', 10],
    ] as const)
    const years = random.int(15, 64)
    const age = ageKind === 'age' ? years : null
    const birthYear = ageKind === 'birthYear' ? Number(openedOn.slice(0, 4)) - years : null
    const ageBand =
      ageKind === 'band'
        ? random.pick(['under40', '40plus'] as const)
        : ageBandOf(ageAt(openedOn, age, birthYear))

    // Older cases have had time to be closed or handed over; recent ones are mostly open.
    const elapsed = daysBetween(openedOn, today)
    const settled = Math.min(0.85, elapsed / 240)
    const status = random.chance(1 - settled)
      ? 'open'
      : atWindow && ward !== null && random.chance(0.4)
        ? 'handed_over'
        : 'closed'
    const endOn =
      status === 'open' ? today : addDays(openedOn, random.int(3, Math.max(3, Math.min(elapsed, 150))))
    const lastOn = [endOn, today].sort()[0]!

    const row: typeof cases.$inferInsert = {
      tenantId,
      id,
      caseNo: `${fy}-${String(n).padStart(5, '0')}`,
      openedOn,
      intakeUnit,
      ward,
      age,
      birthYear,
      ageBand,
      firstConsulter,
      route: random.weighted([
        ['agency_referral', 30],
        ['publicity', 15],
        ['web', 15],
        ['acquaintance', 15],
        ['other_window', 12],
        ['other', 5],
        ['unknown', 8],
      ] as const),
      concerns: random.some(CONCERN_CODES, 3),
      urgency: random.weighted([
        ['normal', 80],
        ['early', 15],
        ['urgent', 5],
      ] as const),
      status,
      // A case opened at a ward records how it reached the ward, and starts its assessment there.
      ...(atWindow
        ? {}
        : { wardRoute: random.pick(['ward_section', 'agency'] as const), wardState: 'assessing' }),
      name: person.name,
      kana: person.kana,
      gender,
      staffId: staff?.id ?? null,
      createdAt: tokyoInstant(openedOn, '09:00'),
      updatedAt: tokyoInstant(lastOn, '17:00'),
      version: status === 'open' ? 1 : 2,
    }
    const actorName = staff?.name ?? 'デモデータ'
    out.events.push({
      tenantId,
      id: seededUuid(random),
      caseId: id,
      at: tokyoInstant(openedOn, '09:00'),
      actorId: staff?.id ?? null,
      actorName,
      action: 'created',
      changes: [],
      reason: 'デモデータ',
    })
    if (status === 'handed_over') {
      const wardState = random.pick(['assessing', 'ready'] as const)
      Object.assign(row, {
        handedOverOn: lastOn,
        handedOverTo: ward,
        handoverSummary: random.pick(HANDOVER_SUMMARIES),
        wardRoute: 'window',
        wardState,
        // 会議付議可 needs an assessment, as in the app.
        wardAssessment: wardState === 'ready' ? '区で家族から追加の聞き取りを行い、会議で検討する。' : null,
      })
    } else if (status === 'closed') {
      Object.assign(row, {
        closedOn: lastOn,
        closureReason: random.weighted([
          ['introduced', 30],
          ['advice', 25],
          ['other_issue', 15],
          ['wish', 15],
          ['lost_contact', 10],
          ['other', 5],
        ] as const),
        closureNote: random.chance(0.5) ? random.pick(CLOSURE_NOTES) : null,
      })
    }
    if (status !== 'open') {
      out.events.push({
        tenantId,
        id: seededUuid(random),
        caseId: id,
        at: tokyoInstant(lastOn, '16:30'),
        actorId: staff?.id ?? null,
        actorName,
        action: status === 'handed_over' ? 'handed_over' : 'closed',
        changes: [{ field: 'status', from: 'open', to: status }],
        reason: null,
      })
    }
    out.cases.push(row)
    const parent =
      firstConsulter === 'family'
        ? demoParent(random, { tenantId, caseId: id, personName: person.name, personAge: years })
        : null
    if (parent) {
      out.people.push(parent.person)
      out.phones.push(...parent.phones)
    }

    // Mostly a few contacts, a long tail of cases followed for months; mostly phone with family.
    const count = Math.min(
      random.weighted([
        [1, 18],
        [2, 18],
        [3, 15],
        [4, 12],
        [5, 10],
        [6, 8],
        [8, 8],
        [10, 6],
        [12, 5],
      ] as const),
      1 + daysBetween(openedOn, lastOn),
    )
    const span = daysBetween(openedOn, lastOn)
    const days = [0, ...Array.from({ length: count - 1 }, () => random.int(1, Math.max(1, span)))].sort(
      (a, b) => a - b,
    )
    days.forEach((offset, i) => {
      const counterpart: Counterpart =
        i === 0 && firstConsulter === 'self'
          ? 'self'
          : i === 0 && firstConsulter === 'family'
            ? 'family'
            : random.weighted([
                ['family', 60],
                ['self', 28],
                ['other', 12],
              ] as const)
      const method: ContactMethod = random.weighted([
        ['phone', 60],
        ['in_person', 18],
        ['visit', 10],
        ['mail', 9],
        ['other', 3],
      ] as const)
      const contactedOn = addDays(openedOn, offset)
      const last = i === days.length - 1
      const nextStep = random.chance(0.7) ? random.pick(NEXT_STEPS) : null
      // An open case's latest next step is due soon (or overdue), so the home page has a day's work.
      const dueOn = last && status === 'open' && nextStep ? addDays(today, random.int(-4, 10)) : null
      out.contacts.push({
        tenantId,
        personId: counterpart === 'family' && parent ? parent.person.id : null,
        id: seededUuid(random),
        caseId: id,
        contactedOn,
        time: timeOfDay(random),
        method,
        counterpart,
        staffId: staff?.id ?? null,
        staffName: staff ? null : '（デモ）担当者',
        minutes: method === 'phone' ? random.int(5, 45) : random.int(30, 90),
        summary: random.pick(CONTACT_SUMMARIES[counterpart]),
        nextStep,
        nextStepDueOn: dueOn && dueOn >= contactedOn ? dueOn : null,
        nextStepDueTime: dueOn && random.chance(0.3) ? timeOfDay(random) : null,
        createdAt: tokyoInstant(contactedOn, '17:00'),
        updatedAt: tokyoInstant(contactedOn, '17:00'),
      })
    })
  }
  return out
}
