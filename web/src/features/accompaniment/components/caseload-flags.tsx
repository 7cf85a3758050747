/** Overload flags (抱え込み) for the coordinator's dashboard. Scaffold: renders nothing until built. */
export function CaseloadFlags() {
  return null
}
