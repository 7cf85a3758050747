import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppDeps } from '#server/platform/deps.ts'
import { route } from '#server/platform/http.ts'
import { problemSchema } from '#shared/contracts/define.ts'
import * as findings from '#shared/contracts/report-findings.ts'
import * as verification from '#shared/contracts/report-verification.ts'
import * as contract from '#shared/contracts/reports.ts'
import { renderReportXlsx } from './render-xlsx.ts'
import { editFinding, viewFindingEdits, viewReport } from './reports.service.ts'
import {
  createVerification,
  listVerification,
  removeVerification,
  updateVerification,
} from './verification.service.ts'

export function registerReportRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, contract.getReport, ({ actor, query }) => viewReport(deps.db, deps.clock, actor, query))
  route(app, findings.listFindingEdits, ({ actor, query }) => viewFindingEdits(deps.db, actor, query))
  route(app, findings.putFindingEdit, ({ actor, params, body }) =>
    editFinding(deps.db, deps.clock, actor, params.findingId, body),
  )
  route(app, verification.listVerification, ({ actor, query }) => listVerification(deps.db, actor, query))
  route(app, verification.createVerification, ({ actor, body }) =>
    createVerification(deps.db, deps.clock, actor, body),
  )
  route(app, verification.updateVerification, ({ actor, params, body }) =>
    updateVerification(deps.db, deps.clock, actor, params.id, body),
  )
  route(app, verification.deleteVerification, ({ actor, params }) =>
    removeVerification(deps.db, deps.clock, actor, params.id),
  )

  // The workbook is binary, so it is a plain route; it still validates the same query, needs a
  // session (authenticate) and is audited by viewReport like the JSON.
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: contract.REPORT_XLSX_PATH,
    schema: {
      summary: 'The evaluation report as an Excel workbook, one sheet per table',
      tags: ['reports'],
      querystring: contract.reportQuery,
      produces: [contract.REPORT_XLSX_TYPE],
      response: { 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    preHandler: [app.authenticate],
    handler: async (request, typedReply) => {
      const reply = typedReply as FastifyReply
      const q = request.query
      const report = await viewReport(deps.db, deps.clock, request.actor!, q, 'xlsx')
      const body = await renderReportXlsx(report)
      const ward = report.period.ward ? `_${report.period.ward}` : ''
      const only8050 = q.flag8050 ? '_8050' : ''
      return reply
        .type(contract.REPORT_XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="report_${q.from}_${q.to}${ward}${only8050}.xlsx"`,
        )
        .header('cache-control', 'no-store')
        .send(body)
    },
  })
}
