import type { FastifyInstance } from 'fastify'
import type { Actor } from '#server/platform/actor.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { forbidden, invalid } from '#server/platform/errors.ts'
import { exportOrgSheet, importOrgSheet } from './org-sheet.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAX_BYTES = 2 * 1024 * 1024

function requireAdmin(actor: Actor | undefined): Actor {
  if (actor?.role !== 'admin') throw forbidden()
  return actor
}

/** The organisation as a workbook (GET) and back (POST, the raw .xlsx as the body; administrators). */
export function registerOrgSheetRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      [XLSX, 'application/octet-stream'],
      { parseAs: 'buffer' },
      (_req, body, done) => done(null, body),
    )
    scope.route({
      method: 'GET',
      url: '/api/org/sheet.xlsx',
      schema: { summary: "The city's organisation as a workbook (administrators; audited)", tags: ['org'] },
      preHandler: [app.authenticate],
      handler: async (request, reply) => {
        const actor = requireAdmin(request.actor)
        const body = await db.transaction((tx) => exportOrgSheet(tx, actor, clock.now()))
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', 'attachment; filename="yorisoi-org.xlsx"')
          .send(body)
      },
    })
    scope.route({
      method: 'POST',
      url: '/api/org/sheet',
      bodyLimit: MAX_BYTES,
      schema: {
        summary:
          'Import the organisation workbook: wards, units and population; nothing is written on an error',
        tags: ['org'],
      },
      preHandler: [app.authenticate],
      handler: async (request) => {
        const actor = requireAdmin(request.actor)
        if (!Buffer.isBuffer(request.body))
          throw invalid([{ field: 'body', message: 'Excelファイルを送信してください' }])
        return importOrgSheet(db, actor, clock.now(), request.body)
      },
    })
  })
}
