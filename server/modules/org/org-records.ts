import type { Db } from '#server/db/client.ts'
import * as repo from './org.repository.ts'
import { latestConfidentiality } from './org-settings.repository.ts'

export type { UnitRow } from './org.repository.ts'

/**
 * What other modules read of the organisation: the city's name, its wards and units, and the
 * one write another module makes (a meeting adds an agency it invites). Each runs on the db or
 * transaction given, within the caller's tenant.
 */
export const orgRecords = {
  cityName: repo.findCityName,
  unit: repo.findUnit,
  unitsByIds: repo.findUnitsByIds,
  activeUnits: repo.findActiveUnits,
  wards: repo.findWards,
  wardExists: repo.wardExists,
  wardName: repo.findWardName,
  agencyNameTaken: repo.agencyNameTaken,
  insertAgency: repo.insertAgency,
  /** The current confidentiality text's version, null before the city wrote one. */
  async confidentialityVersion(db: Db, tenantId: string): Promise<number | null> {
    return (await latestConfidentiality(db, tenantId))?.version ?? null
  },
}
