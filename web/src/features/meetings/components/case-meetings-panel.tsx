import type { CaseDetail } from '../../../../../shared/contracts/cases.ts'

/** The meetings that discussed a case and what each decided. Scaffold: renders nothing until built. */
export function CaseMeetingsPanel(_props: { c: CaseDetail }) {
  return null
}
