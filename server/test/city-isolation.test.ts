import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#shared/codes.ts'
import { A_MARKERS, buildCityA } from './fixtures/city-world.ts'
import { createTestContext, type Session, type TestContext } from './harness.ts'

// Contract-driven isolation (issue 10): the endpoints come from the registered routes' OpenAPI
// description, so a new endpoint is covered — or fails here, saying what to add — without a word.
// City A holds one of every object a path names (fixtures/city-world.ts); every role of city B asks for
// each of them and must get what an id that does not exist gets: 404 (or the 403 its role gets
// for the endpoint whatever the id). Every list of city B shows nothing of A. On PostgreSQL the
// same requests run under row-level security as the application role; on PGlite the explicit
// filters alone are tested.

let ctx: TestContext
let world: Awaited<ReturnType<typeof buildCityA>>
let cityB: Record<Role, Session>
beforeAll(async () => {
  ctx = await createTestContext()
  world = await buildCityA(ctx, await ctx.newCity('甲斐市'))
  const b = await ctx.newCity('乙市')
  // The ward roles in sakyo, where A's case and meeting are: the nearest a colleague could be.
  cityB = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r.code, await b.as(r.code, { ward: 'sakyo' })] as const)),
  ) as Record<Role, Session>
}, 120_000)
afterAll(() => ctx.close())

type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; requestBody?: unknown }
type Endpoint = { method: string; template: string; op: Operation }

function endpoints(): Endpoint[] {
  const spec = ctx.app.swagger() as { paths: Record<string, Record<string, Operation>> }
  return Object.entries(spec.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), template, op })),
  )
}
const pattern = (template: string) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)

/** A's object for each parameter; `id` by the collection it follows (accounts/{id}, cases/{id}…). */
function urlFor(template: string, value: (key: string) => string | undefined): string {
  return template.replace(/([\w-]+)\/\{(\w+)\}|\{(\w+)\}/g, (_whole, collection, name, alone) => {
    const key = name === 'id' ? `${collection}/id` : (name ?? alone)
    const found = value(key)
    if (found === undefined) throw new Error(`no key ${key}`)
    return name ? `${collection}/${encodeURIComponent(found)}` : encodeURIComponent(found)
  })
}

/**
 * A city's own keys: a baseline's label, a ward's code, a fiscal year. B has keys of the same kind;
 * B's upserts under A's key write B's own rows, so only A's rows staying as they were counts.
 */
const OWN_KEYS: Record<string, string> = {
  label: '令和99年度',
  code: 'nowhere-ward',
  fiscalYear: '2099',
  // A report's finding is keyed by the city's own period: B's PUT edits B's own report, if any.
  findingId: 'survey:nobody:1',
}
/** The same parameters made up: a fresh UUID, or a key nobody uses. */
const madeUp = (key: string) => OWN_KEYS[key] ?? randomUUID()

/** What a list answered, as text: JSON as it is, a workbook's cells. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.body
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const cells: string[] = []
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text))
      })
    })
  })
  return cells.join('\n')
}

/** Query strings for lists whose contract requires one. */
const LIST_QUERIES: Record<string, string> = {
  '/api/reports': '?from=2026-04-01&to=2027-03-31',
  '/api/reports.xlsx': '?from=2026-04-01&to=2027-03-31',
  '/api/reports/findings': '?from=2026-04-01&to=2027-03-31',
  '/api/reports/verification': '?from=2026-04-01&to=2027-03-31',
  '/api/cases/similar': `?kana=${encodeURIComponent('かいしるし')}`,
  '/api/surveys/{id}/targets': '?kind=meeting_agencies&from=2026-04-01&to=2027-03-31',
}

describe('city isolation, driven by the contracts', () => {
  it('every list endpoint shows a role of city B nothing of city A', async () => {
    const lists = endpoints().filter((e) => e.method === 'GET' && !e.template.includes('{'))
    expect(lists.length).toBeGreaterThan(15)
    const secrets = [...A_MARKERS, ...Object.values(world.ids).filter((v) => /^[0-9a-f-]{36}$/.test(v))]
    // Not vacuous: A's own staff do see its markers where lists show them.
    expect((await world.window.get('/api/cases')).body).toContain(A_MARKERS[0])
    expect((await world.hq.get('/api/resources')).body).toContain(A_MARKERS[2])
    expect((await world.window.get('/api/inquiries')).body).toContain(A_MARKERS[7])
    expect((await world.window.get('/api/inquiry-templates')).body).toContain(A_MARKERS[8])
    expect((await world.hq.get('/api/surveys')).body).toContain(A_MARKERS[11])
    expect(
      (await world.hq.get(`/api/reports/findings${LIST_QUERIES['/api/reports/findings']}`)).body,
    ).toContain(A_MARKERS[12])
    expect(
      (await world.hq.get(`/api/reports/verification${LIST_QUERIES['/api/reports/verification']}`)).body,
    ).toContain(A_MARKERS[13])
    const problems: string[] = []
    for (const { template } of lists) {
      const url = template + (LIST_QUERIES[template] ?? '')
      for (const [role, s] of Object.entries(cityB)) {
        const res = await s.get(url)
        if (res.statusCode === 403) continue
        if (res.statusCode !== 200) {
          problems.push(`GET ${url} as ${role}: ${res.statusCode} (a required query? add it to LIST_QUERIES)`)
          continue
        }
        const text = await textOf(res)
        for (const secret of secrets)
          if (text.includes(secret)) problems.push(`GET ${url} as ${role} shows ${secret}`)
      }
    }
    expect(problems).toEqual([])
  }, 300_000)

  it('every endpoint with an id in its path answers every role of city B as if A’s object did not exist', async () => {
    const withIds = endpoints().filter((e) => e.template.includes('{'))
    expect(withIds.length).toBeGreaterThan(40)
    const problems: string[] = []
    // Unmapped: a parameter city-world.ts has no object for, or a body it never sent.
    const plans = withIds.flatMap((e) => {
      const label = `${e.method} ${e.template}`
      let url: string
      try {
        url = urlFor(e.template, (k) => world.ids[k]) + (LIST_QUERIES[e.template] ?? '')
      } catch (error) {
        problems.push(
          `${label}: ${(error as Error).message}; make the object in server/test/fixtures/city-world.ts and name it in ids`,
        )
        return []
      }
      const sent = world.calls.filter(
        (c) => c.method === e.method && pattern(e.template).test(c.url.split('?')[0]!),
      )
      if (e.op.requestBody && sent.length === 0) {
        problems.push(
          `${label}: city-world.ts never calls it, so there is no body its contract accepts; add a call`,
        )
        return []
      }
      return [{ label, e, url, payload: sent.at(-1)?.payload }]
    })
    expect(problems).toEqual([])

    // A's objects as A's own staff see them, before and after: nothing B sends may change them.
    const reads = plans.filter((p) => p.e.method === 'GET')
    const seen = async () => {
      const out = new Map<string, string>()
      for (const p of reads) {
        for (const s of world.sessions) {
          const res = await s.get(p.url)
          if (res.statusCode === 200) {
            out.set(p.label, String(res.headers['content-type']).includes('json') ? res.body : 'binary')
            break
          }
        }
      }
      return out
    }
    const ownRows = async () =>
      (await world.hq.get('/api/baselines')).body + (await world.admin.get('/api/org')).body
    const ownBefore = await ownRows()
    const before = await seen()
    // Not vacuous: every object the paths name is there for somebody in A.
    expect(reads.filter((p) => !before.has(p.label)).map((p) => p.label)).toEqual([])

    for (const p of plans) {
      const made = urlFor(p.e.template, madeUp) + (LIST_QUERIES[p.e.template] ?? '')
      for (const [role, s] of Object.entries(cityB)) {
        const send = (url: string) =>
          s.request({ method: p.e.method as never, url, payload: p.payload as never })
        const theirs = await send(p.url)
        const nobodys = await send(made)
        const refused = theirs.statusCode === 404 || theirs.statusCode === 403
        if (!refused || theirs.statusCode !== nobodys.statusCode) {
          // Under a city's own key B's PUT writes B's own row, the same for A's key as for a made-up one.
          const ownKey =
            Object.keys(OWN_KEYS).some((k) => p.e.template.includes(`{${k}}`)) &&
            theirs.statusCode === nobodys.statusCode
          if (!ownKey)
            problems.push(
              `${p.label} as ${role}: ${theirs.statusCode} for A's object, ${nobodys.statusCode} for none`,
            )
        }
      }
    }
    expect(problems).toEqual([])
    expect(await seen()).toEqual(before)
    expect(await ownRows()).toBe(ownBefore)
  }, 600_000)
})
