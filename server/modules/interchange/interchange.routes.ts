// Ledger import (raw file body), export (a workbook download) and baseline figures.
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '#server/platform/deps.ts'
import { forbidden, invalid } from '#server/platform/errors.ts'
import { route } from '#server/platform/http.ts'
import { textInput } from '#shared/contracts/common.ts'
import * as contract from '#shared/contracts/interchange.ts'
import { createBaselinesService, requireLedgerRole } from './baselines.service.ts'
import { exportLedger } from './export-ledger.ts'
import { importLedger, MAX_LEDGER_BYTES } from './import-ledger.ts'
import { tooLarge } from './read/reasons.ts'

const FILE_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
]

/** The uploaded body in a temp folder under a safe name keeping only the extension. */
async function withTempFile<T>(name: string, body: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'yorisoi-upload-'))
  const ext = extname(name).toLowerCase()
  const base = name.slice(0, name.length - ext.length).replace(/[^\p{L}\p{N}_-]/gu, '_') || 'ledger'
  const path = join(dir, `${base}${ext}`)
  try {
    await writeFile(path, body)
    return await fn(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The file's name, percent-encoded by the web app (headers are Latin-1). A broken escape such
 * as %E0%A4%A, or a control character inside, is the client's mistake: a field error, not a 500.
 */
function fileNameOf(raw: string): string {
  let name: string
  try {
    name = decodeURIComponent(raw)
  } catch {
    throw invalid([
      { field: 'name', message: 'ファイル名の形式が正しくありません（URLエンコードが壊れています）' },
    ])
  }
  const checked = textInput().safeParse(name)
  if (!checked.success) throw invalid([{ field: 'name', message: checked.error.issues[0]!.message }])
  return name
}

export function registerInterchangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps
  // Encapsulated: the binary body parser applies to the import route only; its 30 MiB limit is
  // the route's, so a bigger file is refused (413) before it is read, naming the limit.
  app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
    route(
      scope,
      contract.importLedger,
      async ({ actor, query, request }) => {
        requireLedgerRole(actor)
        const body = request.body
        const name = query.name ?? (request.headers['x-file-name'] as string | undefined) ?? ''
        const decoded = fileNameOf(name)
        if (!Buffer.isBuffer(body)) throw invalid([{ field: 'body', message: 'ファイルを送信してください' }])
        if (!/\.(xlsx|csv)$/iu.test(decoded))
          throw invalid([{ field: 'name', message: 'ファイル名は .xlsx または .csv で終わる必要があります' }])
        return withTempFile(decoded, body, (path) =>
          importLedger(db, actor.tenantId, [path], {
            dryRun: query.dryRun,
            encoding: query.encoding,
            actor,
            now: clock.now(),
            maxRows: deps.config.importMaxRows,
          }),
        )
      },
      { bodyLimit: { bytes: MAX_LEDGER_BYTES, tooLarge: tooLarge(MAX_LEDGER_BYTES) } },
    )
  })

  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/exports.xlsx',
    schema: {
      summary:
        'Export every sheet as one workbook without personal data (audited); personal=true is refused (403): use the CLI',
      tags: ['interchange'],
      querystring: z.object({ personal: z.enum(['true', 'false']).default('false') }),
    },
    preHandler: [app.authenticate],
    handler: async (request, reply) => {
      const actor = request.actor!
      requireLedgerRole(actor)
      // docs/domain.md: headquarters see personal data only with an explicit permission, and
      // administrators no case contents at all. No such permission exists yet, so the web
      // refuses; an operator on the server can still run `export --personal` (audited).
      if (request.query.personal === 'true') {
        throw forbidden(
          '個人情報を含む書き出しは画面からはできません。移行などで必要なときは、システム管理者に依頼してください',
        )
      }
      const dir = await mkdtemp(join(tmpdir(), 'yorisoi-export-'))
      const out = join(dir, 'ledger.xlsx')
      await exportLedger(db, actor.tenantId, {
        out,
        personal: false,
        actor,
        now: clock.now(),
      })
      const stream = createReadStream(out)
      stream.on('close', () => void rm(dir, { recursive: true, force: true }))
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="yorisoi-ledger.xlsx"')
        .header('cache-control', 'no-store')
        .send(stream)
    },
  })

  const baselines = createBaselinesService(deps)
  route(app, contract.listBaselines, ({ actor }) => baselines.list(actor))
  route(app, contract.putBaseline, ({ actor, params, body }) => baselines.put(actor, params.label, body))
  route(app, contract.deleteBaseline, ({ actor, params }) => baselines.remove(actor, params.label))
}
