import { tokyoDate } from '../../../shared/dates.ts'

/** 2021-08-31 → 2021/8/31, the way staff write dates on forms. */
export function slashDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}/${Number(m)}/${Number(d)}`
}

/** Today in Tokyo as a form default, whatever time zone the workstation is set to. */
export function todayText(): string {
  return slashDate(tokyoDate(new Date()))
}
