import { UNIT_KINDS } from '#shared/codes.ts'
import type { Unit } from '#shared/contracts/org.ts'
import type { SelectGroup } from '#web/components/ui/select-field.tsx'

/** Units grouped by kind (相談窓口, 区役所・支所 …) so a long list stays scannable. */
export function unitGroups(units: readonly Unit[]): SelectGroup[] {
  return UNIT_KINDS.map((kind) => ({
    label: kind.label,
    options: units.filter((u) => u.kind === kind.code).map((u) => ({ value: u.id, label: u.name })),
  })).filter((g) => g.options.length > 0)
}
