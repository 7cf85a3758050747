import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, cases } from '#server/db/schema/index.ts'
import { aContact, intake, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, sessionCookie, type TestContext } from '#server/test/harness.ts'
import { TEXT_MESSAGES } from '#shared/contracts/common.ts'

// Every text field of every endpoint meets bad bytes here; the endpoints and their fields come
// from the registered routes' OpenAPI description, so a new endpoint is covered without a word.

let ctx: TestContext
let admin: Session
beforeAll(async () => {
  ctx = await createTestContext()
  admin = await (await ctx.newCity()).as('admin')
})
afterAll(() => ctx.close())

type JsonSchema = {
  $ref?: string
  type?: string | string[]
  format?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}
type Parameter = { in: 'path' | 'query'; name: string; schema: JsonSchema }
type Operation = {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

type Components = Record<string, JsonSchema>
type Spec = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Components } }

/**
 * Dotted paths of the string fields in a JSON schema (array items as index 0), following `$ref`s
 * into the document's shared components (a schema with an id is one component, used by reference).
 */
function stringFields(
  schema: JsonSchema,
  components: Components,
  prefix: string[] = [],
  within: string[] = [],
): string[][] {
  if (schema.$ref) {
    const id = schema.$ref.replace('#/components/schemas/', '')
    const target = components[id]
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`)
    // A schema that contains itself would recurse forever; its string fields are found once.
    return within.includes(id) ? [] : stringFields(target, components, prefix, [...within, id])
  }
  const found: string[][] = []
  const types = ([] as string[]).concat(schema.type ?? [])
  if (types.includes('string')) found.push(prefix)
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    found.push(...stringFields(child, components, [...prefix, key], within))
  if (schema.items) found.push(...stringFields(schema.items, components, [...prefix, '0'], within))
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    found.push(...stringFields(branch, components, prefix, within))
  }
  const unique = new Map(found.map((p) => [p.join('.'), p]))
  return [...unique.values()]
}

/** A body holding `value` at `path` and nothing else (numeric segments are array indexes). */
function bodyWith(path: string[], value: string): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  return /^\d+$/.test(head!) ? [bodyWith(rest, value)] : { [head!]: bodyWith(rest, value) }
}

interface Target {
  label: string
  /** Where the bad value goes and under which field name an error must name it. */
  at: 'body' | 'query' | 'path'
  field: string
  request(value: string): InjectOptions & { url: string }
}

/** Path parameters with a pattern of their own: a valid value, so the body is what gets checked. */
const VALID_PATH_VALUES: Record<string, string> = { findingId: 'single_share' }

function urlFor(template: string, params: Parameter[], override?: { name: string; raw: string }): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override?.name === name) return override.raw
    const p = params.find((x) => x.in === 'path' && x.name === name)
    if (p?.schema.format === 'uuid') return randomUUID()
    if (VALID_PATH_VALUES[name]) return VALID_PATH_VALUES[name]
    // A number in the path (a fiscal year) must be valid, or it is refused before the body is read.
    const numeric = p?.schema as { type?: string; minimum?: number } | undefined
    if (numeric?.type === 'integer' || numeric?.type === 'number') return String(numeric.minimum ?? 1)
    return 'a-plain-path-value-123'
  })
}

function targets(): Target[] {
  const spec = ctx.app.swagger() as Spec
  const components = spec.components?.schemas ?? {}
  const list: Target[] = []
  for (const [template, operations] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? []
      const verb = method.toUpperCase() as InjectOptions['method']
      const json = op.requestBody?.content['application/json']?.schema
      if (json) {
        for (const path of stringFields(json, components)) {
          list.push({
            label: `${verb} ${template} body.${path.join('.')}`,
            at: 'body',
            field: path.join('.'),
            request: (value) => ({
              method: verb,
              url: urlFor(template, params),
              headers: { 'content-type': 'application/json' },
              payload: JSON.stringify(bodyWith(path, value)),
            }),
          })
        }
      }
      for (const p of params) {
        if (stringFields(p.schema, components).length === 0) continue
        list.push({
          label: `${verb} ${template} ${p.in}.${p.name}`,
          at: p.in,
          field: p.name,
          request: (value) => {
            const raw = encodeURIComponent(value)
            const url =
              p.in === 'path'
                ? urlFor(template, params, { name: p.name, raw })
                : `${urlFor(template, params)}?${p.name}=${raw}`
            return { method: verb, url, ...(json ? { payload: {} } : {}) }
          },
        })
      }
    }
  }
  return list
}

const REFUSED = {
  nul: 'a\u0000b',
  control: 'a\u0007b',
  highSurrogate: 'a\ud800b',
  lowSurrogate: 'a\udc00b',
  reversedPair: '\udc00\ud800',
}
const ACCEPTED = {
  zeroWidth: '池\u200b田\u200d恵\ufeff',
  fullWidth: 'ＡＢＣ１２３　テスト！？',
}
const BAD_MESSAGES: string[] = Object.values(TEXT_MESSAGES)

type Problem = { status: number; errors?: { field: string; message: string }[] }

describe('bad bytes in every text field of every endpoint', () => {
  it('finds the endpoints and their fields from the registered routes', () => {
    const all = targets()
    const labels = all.map((t) => t.label)
    expect(labels).toContain('POST /api/auth/login body.loginId')
    expect(labels).toContain('PUT /api/meetings/{meetingId}/decisions/{caseId} body.assignments.0.task')
    expect(labels).toContain('GET /api/cases query.q')
    expect(labels).toContain('PUT /api/baselines/{label} path.label')
    expect(all.filter((t) => t.at === 'body').length).toBeGreaterThan(100)
  })

  it('follows $refs into the shared components, as a body built on a shared schema would use them', () => {
    const { components } = ctx.app.swagger() as Spec
    const schemas = components?.schemas ?? {}
    expect(Object.keys(schemas)).toContain('Problem')
    const viaRef = { type: 'object', properties: { problem: { $ref: '#/components/schemas/Problem' } } }
    expect(stringFields(viaRef, schemas).map((p) => p.join('.'))).toEqual(
      expect.arrayContaining(['problem.type', 'problem.title', 'problem.detail', 'problem.errors.0.message']),
    )
    expect(() => stringFields({ $ref: '#/components/schemas/Missing' }, schemas)).toThrow('unresolved')
  })

  it('refuses NUL, other control characters and lone surrogates in JSON bodies with a field error, never a 500', async () => {
    const failures: string[] = []
    for (const target of targets().filter((t) => t.at === 'body')) {
      for (const [kind, value] of Object.entries(REFUSED)) {
        const res = await admin.request(target.request(value))
        const body = res.json() as Problem
        const named = body.errors?.some((e) => e.field === target.field)
        if (res.statusCode !== 400 || !named)
          failures.push(`${target.label} ${kind}: ${res.statusCode} ${res.body}`)
      }
    }
    expect(failures).toEqual([])
    // One request per text field and kind of bad byte: the time grows with the endpoints.
  }, 120_000)

  it('refuses NUL and control characters in query strings and path parameters, never a 500', async () => {
    const failures: string[] = []
    for (const target of targets().filter((t) => t.at !== 'body')) {
      for (const value of [REFUSED.nul, REFUSED.control]) {
        const res = await admin.request(target.request(value))
        const named = (res.json() as Problem).errors?.some((e) => e.field === target.field)
        if (res.statusCode !== 400 || !named)
          failures.push(`${target.label} ${JSON.stringify(value)}: ${res.body}`)
      }
      // A surrogate half cannot be percent-encoded; its CESU-8 bytes are not UTF-8 at all.
      const cesu = target.request('x')
      const broken = { ...cesu, url: cesu.url.replace(/=x$|\/x(?=\/|$)/, (m) => m.replace('x', '%ED%A0%80')) }
      const res = await admin.request(broken)
      if (res.statusCode >= 500) failures.push(`${target.label} %ED%A0%80: ${res.statusCode}`)
    }
    expect(failures).toEqual([])
  })

  it('accepts zero-width and full-width characters as text (refused only by a field’s own format), never a 500', async () => {
    const failures: string[] = []
    for (const target of targets()) {
      for (const [kind, value] of Object.entries(ACCEPTED)) {
        const res = await admin.request(target.request(value))
        const text = res.headers['content-type']?.includes('json') ? (res.json() as Problem) : undefined
        const refusedAsBytes = text?.errors?.some(
          (e) => e.field === target.field && BAD_MESSAGES.includes(e.message),
        )
        if (res.statusCode >= 500 || refusedAsBytes)
          failures.push(`${target.label} ${kind}: ${res.statusCode}`)
      }
    }
    expect(failures).toEqual([])
  })
})

describe('the reported faults', () => {
  async function casesOf(tenantId: string) {
    const [row] = await ctx.db.select({ n: count() }).from(cases).where(eq(cases.tenantId, tenantId))
    return row!.n
  }
  async function eventsOf(caseId: string) {
    const [row] = await ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId))
    return row!.n
  }

  it('answers a login ID with NUL, sent without being signed in, with a 400 field error (was a 500)', async () => {
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: sessionCookie(anon.headers['set-cookie']), 'x-csrf-token': anon.json().csrfToken },
      payload: { loginId: 'demo\u0000x', password: 'whatever-it-is' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().errors).toEqual([{ field: 'loginId', message: TEXT_MESSAGES.control }])
  })

  it('refuses a lone surrogate on its way into a case and its jsonb history, writing nothing', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const c = await openCase(window)
    const events = await eventsOf(c.id)
    for (const name of ['山田\ud800', '\udc00太郎']) {
      const res = await window.patch(`/api/cases/${c.id}`, { version: c.version, name })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([{ field: 'name', message: TEXT_MESSAGES.surrogate }])
    }
    expect(await eventsOf(c.id)).toBe(events)
    expect((await window.get(`/api/cases/${c.id}`)).json()).toMatchObject({
      name: '山田 太郎',
      version: c.version,
    })
  })

  it('keeps zero-width, full-width and astral characters exactly as sent', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const name = '池\u200b田\u200d恵　ＡＢＣ１２３𠮷'
    const c = await openCase(window, { name })
    expect((await window.get(`/api/cases/${c.id}`)).json().name).toBe(name)
  })

  it('takes line breaks in multi-line text only', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const c = await openCase(window)
    const contact = await window.post(`/api/cases/${c.id}/contacts`, {
      ...aContact,
      summary: '1行目\n\t2行目\r\n3行目',
    })
    expect(contact.statusCode, contact.body).toBe(201)
    expect(contact.json().summary).toBe('1行目\n\t2行目\r\n3行目')
    const res = await window.patch(`/api/cases/${c.id}`, { version: c.version, name: '山田\n太郎' })
    expect(res.json().errors).toEqual([{ field: 'name', message: TEXT_MESSAGES.lineBreak }])
  })

  it('refuses a JSON body that is not UTF-8 with a 400 problem, instead of storing U+FFFD', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const json = Buffer.from(JSON.stringify(intake({ name: 'NAME' })))
    const at = json.indexOf('NAME')
    // 0xFF never occurs in UTF-8; 0xE5 0x8D starts a 3-byte character that is cut short.
    for (const bad of [Buffer.from([0xff]), Buffer.from([0xe5, 0x8d]), Buffer.from([0xed, 0xa0, 0x80])]) {
      const payload = Buffer.concat([json.subarray(0, at), Buffer.from('山田'), bad, json.subarray(at + 4)])
      const res = await window.request({
        method: 'POST',
        url: '/api/cases',
        headers: { 'content-type': 'application/json' },
        payload,
      })
      expect(res.statusCode).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json()).toMatchObject({
        type: 'urn:yorisoi:problem:validation',
        detail: '送信されたデータに UTF-8 として読めないバイトがあります',
      })
    }
    expect(await casesOf(city.tenantId)).toBe(0)
    // The same text, well encoded, goes in.
    const good = await window.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.from(JSON.stringify(intake({ name: '山田' }))),
    })
    expect(good.statusCode).toBe(201)
  })

  it('still refuses prototype poisoning and malformed JSON as before', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/agencies',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"x","__proto__":{"admin":true}}',
    })
    expect(res.statusCode).toBe(400)
    const cut = await admin.request({
      method: 'POST',
      url: '/api/agencies',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(cut.statusCode).toBe(400)
  })

  it('names the limit in a 413: 1 MiB for JSON, 30 MiB for a ledger upload', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const hq = await city.as('headquarters')
    const big = await window.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(intake({ name: 'あ'.repeat(400_000) })),
    })
    expect(big.statusCode).toBe(413)
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(big.json()).toMatchObject({ status: 413, detail: '送信できるのは 1 MiB までです' })
    const upload = await hq.request({
      method: 'POST',
      url: '/api/imports?dryRun=true&name=cases.csv',
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.alloc(30 * 1024 * 1024 + 1, 0x41),
    })
    expect(upload.statusCode).toBe(413)
    expect(upload.json()).toMatchObject({ status: 413, detail: 'ファイルが大きすぎます（上限30MB）' })
    expect(await casesOf(city.tenantId)).toBe(0)
  })

  it('answers a malformed x-file-name with a 400 field error (was a 500)', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const send = (name: string) =>
      hq.request({
        method: 'POST',
        url: '/api/imports?dryRun=true',
        headers: { 'content-type': 'text/csv', 'x-file-name': name },
        payload: 'ケース番号,受付日\n',
      })
    const broken = await send('%E0%A4%A.csv')
    expect(broken.statusCode).toBe(400)
    expect(broken.json().errors).toEqual([
      { field: 'name', message: 'ファイル名の形式が正しくありません（URLエンコードが壊れています）' },
    ])
    const nul = await send('a%00b.csv')
    expect(nul.statusCode).toBe(400)
    expect(nul.json().errors).toEqual([{ field: 'name', message: TEXT_MESSAGES.control }])
    const fine = await send(encodeURIComponent('台帳 2026.csv'))
    expect(fine.statusCode, fine.body).toBe(200)
  })
})
