import type { Unit } from '#shared/contracts/org.ts'
import type { UnitRow } from './org.repository.ts'

export function toUnit(u: UnitRow): Unit {
  return {
    id: u.id,
    kind: u.kind as Unit['kind'],
    name: u.name,
    wardCode: u.wardCode,
    sectionCode: u.sectionCode,
  }
}
