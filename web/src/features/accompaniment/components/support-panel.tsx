import type { CaseDetail } from '../../../../../shared/contracts/cases.ts'

/** The lead worker's support plan, activities, observed changes and progress summary. Scaffold: renders nothing until built. */
export function SupportPanel(_props: { c: CaseDetail }) {
  return null
}
