import type { CaseDetail } from '../../../../../shared/contracts/cases.ts'

/** Referrals (つなぎ) of a case to community resources, with their outcomes. Scaffold: renders nothing until built. */
export function ReferralsPanel(_props: { c: CaseDetail }) {
  return null
}
