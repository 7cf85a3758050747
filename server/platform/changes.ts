// What a change did, field by field, for the histories (a case's, a lead worker's, a contact's):
// every module words its history entries the same way.

/** One field's old and new value, as text. */
export interface Change {
  field: string
  from: string | null
  to: string | null
}

/** History keeps values as text: codes stay codes, lists are joined with ';', null stays null. */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.join(';')
  if (value instanceof Date) return value.toISOString()
  return String(value)
}

function sameValue(a: unknown, b: unknown): boolean {
  return historyValue(a) === historyValue(b)
}

/** The fields among `fields` whose value differs between before and after. */
export function changesBetween<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
  prefix = '',
): Change[] {
  return fields
    .filter((f) => f in after && !sameValue(before[f], after[f]))
    .map((f) => ({ field: `${prefix}${f}`, from: historyValue(before[f]), to: historyValue(after[f]) }))
}

/** For a new record: every field that was given a value. */
export function fieldsSet<T extends Record<string, unknown>>(
  values: T,
  fields: readonly (keyof T & string)[],
  prefix = '',
): Change[] {
  return fields
    .map((f) => ({ field: `${prefix}${f}`, from: null, to: historyValue(values[f]) }))
    .filter((c) => c.to !== null && c.to !== '')
}
