// The city's setting for the families' seminar registrations (issue 12), stored in the settings
// table under this key; the retention (server/modules/seminars/retention.ts) and the settings page
// read it, with the default until the administrator sets one.

/** number: days after the seminar's date after which the registrants' personal data is removed. */
export const SEMINAR_RETENTION_KEY = 'seminar.retentionDays'
/** One year after the seminar: long enough for the year's evaluation, which counts without names. */
export const SEMINAR_RETENTION_DEFAULT_DAYS = 365
/**
 * What the settings page accepts: at least a month, so that staff can still record attendance,
 * link a registrant to a case and send the follow-up survey; at most ten years.
 */
export const SEMINAR_RETENTION_MIN_DAYS = 30
export const SEMINAR_RETENTION_MAX_DAYS = 3650

/** A stored value the retention may use: a positive whole number, else the default. */
export function seminarRetentionDaysOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? value
    : SEMINAR_RETENTION_DEFAULT_DAYS
}
