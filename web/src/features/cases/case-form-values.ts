import type { Concern, FirstConsulter } from '#shared/codes.ts'
import type { CaseDetail, createCase, updateCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { slashDate, todayText } from '#web/lib/date-text.ts'
import { textOrNull } from '#web/lib/form-errors.ts'

/** The intake fields as the form holds them: text, exactly as typed, until submit. */
export interface CaseFormValues {
  openedOn: string
  firstConsulter: string
  route: string
  concerns: string[]
  urgency: string
  name: string
  kana: string
  gender: string
  age: string
  birthYear: string
  ageBand: string
  ward: string
  staffId: string
}

export function emptyCaseValues(): CaseFormValues {
  return {
    openedOn: todayText(),
    firstConsulter: '',
    route: 'unknown',
    concerns: [],
    urgency: 'normal',
    name: '',
    kana: '',
    gender: 'unknown',
    age: '',
    birthYear: '',
    ageBand: '',
    ward: '',
    staffId: '',
  }
}

export function valuesFromCase(c: CaseDetail): CaseFormValues {
  return {
    openedOn: slashDate(c.openedOn),
    firstConsulter: c.firstConsulter,
    route: c.route,
    concerns: [...c.concerns],
    urgency: c.urgency,
    name: c.name ?? '',
    kana: c.kana ?? '',
    gender: c.gender,
    age: c.age === null ? '' : String(c.age),
    birthYear: c.birthYear === null ? '' : String(c.birthYear),
    // A band derived from age or birth year is not something the person entered.
    ageBand: c.age === null && c.birthYear === null && c.ageBand !== 'unknown' ? c.ageBand : '',
    ward: c.ward ?? '',
    staffId: c.staffId ?? '',
  }
}

/** The age band is asked only when neither age nor birth year is known. */
export function asksAgeBand(v: CaseFormValues): boolean {
  return v.age.trim() === '' && v.birthYear.trim() === ''
}

type CaseBody = BodyOf<typeof createCase>

export function bodyFromValues(v: CaseFormValues): CaseBody {
  return {
    openedOn: v.openedOn,
    // Empty: the server derives it from who called.
    firstConsulter: (v.firstConsulter || null) as FirstConsulter | null,
    route: v.route as CaseBody['route'],
    concerns: v.concerns as Concern[],
    urgency: v.urgency as CaseBody['urgency'],
    name: textOrNull(v.name),
    kana: textOrNull(v.kana),
    gender: v.gender as CaseBody['gender'],
    // Numbers go as typed text: the server coerces and reports non-numbers per field.
    age: textOrNull(v.age),
    birthYear: textOrNull(v.birthYear),
    ageBand: asksAgeBand(v) && v.ageBand ? (v.ageBand as CaseBody['ageBand']) : null,
    ward: v.ward || null,
    staffId: v.staffId || null,
  }
}

/** Only the fields that changed, for a correction (PATCH). */
export function changedBody(
  before: CaseFormValues,
  after: CaseFormValues,
): Partial<BodyOf<typeof updateCase>> {
  const full = bodyFromValues(after)
  const old = bodyFromValues(before)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(full) as (keyof CaseBody)[]) {
    if (JSON.stringify(full[key]) !== JSON.stringify(old[key])) out[key] = full[key]
  }
  return out as Partial<BodyOf<typeof updateCase>>
}
