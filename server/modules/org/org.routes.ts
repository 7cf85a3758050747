import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/org.ts'
import * as settings from '#shared/contracts/org-settings.ts'
import type { OrgService } from './org.service.ts'
import type { OrgSettingsService } from './org-settings.service.ts'

export function registerOrgRoutes(app: FastifyInstance, org: OrgService) {
  route(app, contract.listUnits, ({ actor }) => org.units(actor))
  route(app, contract.listWards, ({ actor }) => org.wards(actor))
  route(app, contract.listStaff, ({ actor }) => org.staff(actor))
}

export function registerOrgSettingsRoutes(app: FastifyInstance, s: OrgSettingsService) {
  route(app, settings.getOrgSettings, ({ actor }) => s.get(actor))
  route(app, settings.createWard, ({ actor, body }) => s.createWard(actor, body))
  route(app, settings.updateWard, ({ actor, params, body }) => s.updateWard(actor, params.code, body))
  route(app, settings.deleteWard, ({ actor, params }) => s.deleteWard(actor, params.code))
  route(app, settings.createUnit, ({ actor, body }) => s.createUnit(actor, body))
  route(app, settings.updateUnit, ({ actor, params, body }) => s.updateUnit(actor, params.id, body))
  route(app, settings.deleteUnit, ({ actor, params }) => s.deleteUnit(actor, params.id))
  route(app, settings.putPopulations, ({ actor, params, body }) =>
    s.putPopulations(actor, params.fiscalYear, body),
  )
  route(app, settings.putWindowInfo, ({ actor, body }) => s.putWindow(actor, body))
  route(app, settings.addConfidentialityText, ({ actor, body }) => s.addConfidentiality(actor, body))
  route(app, settings.listOrgHistory, ({ actor }) => s.history(actor))
}
