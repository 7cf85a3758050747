import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/org.ts'
import type { OrgService } from './org.service.ts'

export function registerOrgRoutes(app: FastifyInstance, org: OrgService) {
  route(app, contract.listUnits, ({ actor }) => org.units(actor))
  route(app, contract.listWards, ({ actor }) => org.wards(actor))
  route(app, contract.listStaff, ({ actor }) => org.staff(actor))
}
