import type { CaseDetail } from '../../../../../shared/contracts/cases.ts'

/** The ward's assessment, state, route and consent (本人同意) of a case. Scaffold: renders nothing until built. */
export function WardPanel(_props: { c: CaseDetail }) {
  return null
}
