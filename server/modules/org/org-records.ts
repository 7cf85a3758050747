import type { Db } from '#server/db/client.ts'
import * as repo from './org.repository.ts'
import { latestConfidentiality } from './org-settings.repository.ts'
import { readWindowInfo } from './org-settings.service.ts'

export type { UnitRow } from './org.repository.ts'
export type { WindowInfo } from './org-settings.service.ts'

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
  /**
   * The window's hours and phone and the crisis lines (組織設定), as the residents' public pages
   * show them; empty until the administrator sets them.
   */
  windowInfo: readWindowInfo,
  /**
   * The confidentiality text agency members acknowledge now: the city's latest wording and its
   * version, or null before the city wrote one (meetings then show the statutory default).
   */
  async confidentiality(db: Db, tenantId: string): Promise<{ version: number; body: string } | null> {
    const row = await latestConfidentiality(db, tenantId)
    return row ? { version: row.version, body: row.body } : null
  },
}
