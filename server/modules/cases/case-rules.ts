import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import { conflict } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import { ageAt, ageBandOf } from '#shared/age-band.ts'
import type { AgeBand } from '#shared/codes.ts'
import { findWard } from '#shared/codes.ts'
import { STAFF_ROLES } from './cases.policy.ts'
import type { CaseRow } from './cases.repository.ts'
import * as repo from './cases.repository.ts'

export const FUTURE_DATE = '未来の日付は入力できません'
export const BEFORE_OPENING = '受付日より前の日付です'
export const STALE_VERSION = '他の職員が先に更新しました。画面を再読み込みしてください。'

export function requireVersion(row: CaseRow, version: number) {
  if (row.version !== version) throw conflict(STALE_VERSION)
}

/** A record's date may be today at the latest (Tokyo), and not before the case was opened. */
export function checkDate(
  errors: FieldErrors,
  field: string,
  date: string,
  today: string,
  openedOn?: string,
) {
  if (date > today) errors.add(field, FUTURE_DATE)
  else if (openedOn && date < openedOn) errors.add(field, BEFORE_OPENING)
}

/** A ward typed as its code or name; it must be one of this city's wards. */
export async function resolveWard(db: Db, tenantId: string, input: string): Promise<string | undefined> {
  const code = findWard(input) ?? input.trim()
  return (await orgRecords.wardExists(db, tenantId, code)) ? code : undefined
}

/** The staff member of a case or a contact: an active window or ward account of this city. */
export async function checkStaff(db: Db, errors: FieldErrors, tenantId: string, staffId: string | null) {
  if (!staffId) return
  const staff = await repo.findStaffAccount(db, tenantId, staffId)
  if (!staff?.active || !STAFF_ROLES.includes(staff.role)) {
    errors.add('staffId', '担当者が見つかりません。一覧から選択してください')
  }
}

export type IntakeValues = {
  openedOn: string
  ward: string | null
  age: number | null
  birthYear: number | null
  ageBand: AgeBand
  firstConsulter: string
  route: string
  concerns: string[]
  urgency: string
  name: string | null
  kana: string | null
  gender: string
  staffId: string | null
}

/**
 * Checks the intake fields and derives the age band (docs/domain.md: derive it from age or birth
 * year at the opening date). `statedBand` is the band the caller typed, if any; without an
 * age or birth year it is kept (or `fallback` when not given).
 */
export async function checkIntake(
  db: Db,
  tenantId: string,
  today: string,
  input: Omit<IntakeValues, 'ageBand'>,
  statedBand: AgeBand | null | undefined,
  fallback: AgeBand,
  /** Errors the caller already found in its own fields, reported together with these. */
  errors = new FieldErrors(),
): Promise<IntakeValues> {
  checkDate(errors, 'openedOn', input.openedOn, today)
  let ward = input.ward
  if (ward) {
    const code = await resolveWard(db, tenantId, ward)
    if (code) ward = code
    else errors.add('ward', '区が見つかりません。一覧から選択してください')
  }
  const openedYear = Number(input.openedOn.slice(0, 4))
  if (
    input.age != null &&
    input.birthYear != null &&
    Math.abs(openedYear - input.birthYear - input.age) > 1
  ) {
    errors.add('birthYear', '生まれ年が年齢と合いません')
  }
  if (input.birthYear != null && input.birthYear > openedYear) {
    errors.add('birthYear', '生まれ年が受付日より後になっています')
  }
  const age = ageAt(input.openedOn, input.age, input.birthYear)
  let ageBand: AgeBand = statedBand ?? fallback
  if (age != null) {
    const derived = ageBandOf(age)
    // 'unknown' states nothing, so it does not contradict a known age.
    if (statedBand && statedBand !== 'unknown' && statedBand !== derived) {
      errors.add('ageBand', '年齢区分が年齢（生まれ年）と合いません')
    }
    ageBand = derived
  }
  await checkStaff(db, errors, tenantId, input.staffId)
  errors.throwIfAny()
  return { ...input, ward, ageBand }
}
