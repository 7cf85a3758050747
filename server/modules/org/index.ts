// The org module's public face: the city's wards, units and staff directory, and setting up a
// city. Other modules import from here, never from org's repository.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerOrgRoutes, registerOrgSettingsRoutes } from './org.routes.ts'
import { createOrgService } from './org.service.ts'
import { createOrgSettingsService } from './org-settings.service.ts'
import { registerOrgSheetRoutes } from './org-sheet.routes.ts'

export { runCity } from './city.cli.ts'
export {
  addReferenceOrganisation,
  createCity,
  ensureCity,
  FIRST_ADMIN_LINK_HOURS,
  issueFirstAdminLink,
  organisationIsEmpty,
  type StartFrom,
} from './city-setup.ts'
export { toUnit } from './org.dto.ts'
export { STAFF_ROLES } from './org.service.ts'
export { orgRecords, type UnitRow, type WindowInfo } from './org-records.ts'
export { setWindowInfo } from './org-settings.service.ts'
export { prepareStore, printFirstAdminLink } from './prepare-store.ts'

export function orgModule(app: FastifyInstance, deps: AppDeps) {
  registerOrgRoutes(app, createOrgService(deps.db))
  registerOrgSettingsRoutes(app, createOrgSettingsService(deps.db, deps.clock))
  registerOrgSheetRoutes(app, deps)
}
