import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/audit.ts'
import type { createAuditService } from './audit.service.ts'

export function registerAuditRoutes(app: FastifyInstance, audit: ReturnType<typeof createAuditService>) {
  route(app, contract.listAudit, ({ actor, query }) => audit.list(actor, query))
  route(app, contract.listAuditActors, ({ actor }) => audit.actors(actor))
  route(app, contract.getSettings, ({ actor }) => audit.settings(actor))
  route(app, contract.updateSettings, ({ actor, body }) => audit.updateSettings(actor, body))

  // A download, registered outside the JSON contracts (its answer is text/csv).
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/audit.csv',
    schema: {
      summary:
        'The audit log rows the filters match, as CSV for Excel (UTF-8 with BOM, formulas guarded); the export is audited (administrators)',
      tags: ['audit'],
      querystring: contract.auditFilters,
    },
    preHandler: [app.authenticate],
    handler: async (request, reply) => {
      const { csv } = await audit.exportCsv(request.actor!, request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log.csv"`)
        .send(csv)
    },
  })
}
