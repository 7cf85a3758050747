import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, resources } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { aResource, createResource } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const STAFF_ROLES: Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'agency_member',
  'headquarters',
  'admin',
]

async function storedCount(tenantId: string) {
  const [row] = await ctx.db.select({ n: count() }).from(resources).where(eq(resources.tenantId, tenantId))
  return row!.n
}

const namesOf = (body: { items: { name: string }[] }) => body.items.map((r) => r.name)

describe('the directory for every staff role', () => {
  let city: TestCity
  let hq: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    hq = await city.as('headquarters')
    await createResource(hq, { name: '居場所A' })
    const gone = await createResource(hq, { name: '終了した資源' })
    await hq.patch(`/api/resources/${gone.id}`, { active: false })
  })

  it.each(STAFF_ROLES)(
    '%s reads the active resources; only headquarters and admin see counts',
    async (role) => {
      const s = await city.as(role)
      const res = await s.get('/api/resources')
      expect(res.statusCode).toBe(200)
      expect(namesOf(res.json())).toEqual(['居場所A'])
      const [item] = res.json().items
      if (role === 'headquarters' || role === 'admin') {
        expect(item.referrals).toEqual({ total: 0, arranging: 0, connected: 0, not_used: 0 })
      } else {
        expect(item.referrals).toBeNull()
      }
      const detail = await s.get(`/api/resources/${item.id}`)
      expect(detail.statusCode).toBe(200)
      expect(detail.json().referrals).toEqual({ total: 0, arranging: 0, connected: 0, not_used: 0 })
    },
  )

  it.each(STAFF_ROLES)('%s: inactive resources are listed only for headquarters and admin', async (role) => {
    const s = await city.as(role)
    const res = await s.get('/api/resources?includeInactive=true')
    const sees = role === 'headquarters' || role === 'admin'
    expect(namesOf(res.json()).sort()).toEqual(sees ? ['居場所A', '終了した資源'] : ['居場所A'])
  })

  it('refuses an unsigned request', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/resources' })).statusCode).toBe(401)
  })
})

describe('searching the directory', () => {
  let hq: Session
  let staff: Session
  beforeAll(async () => {
    const city = await ctx.newCity()
    hq = await city.as('headquarters')
    staff = await city.as('ward_staff', { ward: 'sakyo' })
    await createResource(hq, {
      name: '左京の居場所',
      ward: '左京区',
      categories: ['ibasho'],
      serves: ['self'],
      subsidyFiscalYears: [2021],
    })
    await createResource(hq, {
      name: '北区の家族会',
      ward: 'kita',
      categories: ['family'],
      serves: ['family'],
    })
    await createResource(hq, {
      name: '全市の就労支援',
      ward: null,
      categories: ['employment', 'consultation'],
      serves: ['self', 'family'],
      description: 'チャレンジ就労の受け入れ先',
    })
  })

  it('filters by text, category, whom it serves, ward (with the city-wide ones) and subsidy', async () => {
    const q = async (query: string) => namesOf((await staff.get(`/api/resources?${query}`)).json())
    expect(await q('q=チャレンジ')).toEqual(['全市の就労支援'])
    expect(await q('category=family')).toEqual(['北区の家族会'])
    expect(await q('serves=family')).toEqual(['全市の就労支援', '北区の家族会'])
    expect(await q('ward=sakyo')).toEqual(['全市の就労支援', '左京の居場所'])
    expect(await q(`ward=${encodeURIComponent('左京')}`)).toEqual(['全市の就労支援', '左京の居場所'])
    expect(await q('ward=citywide')).toEqual(['全市の就労支援'])
    expect(await q('subsidised=true')).toEqual(['左京の居場所'])
    expect(await q('subsidised=false')).toEqual(['全市の就労支援', '北区の家族会'])
  })

  it('pages the results', async () => {
    const first = (await staff.get('/api/resources?pageSize=2&page=1')).json()
    const second = (await staff.get('/api/resources?pageSize=2&page=2')).json()
    expect(first.total).toBe(3)
    expect(first.items).toHaveLength(2)
    expect(second.items).toHaveLength(1)
    expect(new Set([...namesOf(first), ...namesOf(second)]).size).toBe(3)
  })

  it('answers an unknown ward or code with a Japanese field error', async () => {
    const ward = await staff.get('/api/resources?ward=nowhere')
    expect(ward.statusCode).toBe(400)
    expect(ward.json().errors).toEqual([
      { field: 'ward', message: '区が見つかりません。一覧から選択してください' },
    ])
    const category = await staff.get('/api/resources?category=nothing')
    expect(category.json().errors).toEqual([{ field: 'category', message: '分類を一覧から選択してください' }])
  })
})

describe('maintaining the directory', () => {
  let city: TestCity
  let hq: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    hq = await city.as('headquarters')
  })

  it('creates a resource with a number, the ward by name and the subsidy years in order', async () => {
    const res = await hq.post(
      '/api/resources',
      aResource({ ward: '伏見', subsidyFiscalYears: [2022, '2021', 2022], categories: ['family', 'ibasho'] }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      resourceNo: 'R-0001',
      ward: 'fushimi',
      wardName: '伏見区',
      subsidyFiscalYears: [2021, 2022],
      categories: ['ibasho', 'family'],
      active: true,
      referrals: { total: 0 },
    })
    expect((await createResource(hq)).resourceNo).toBe('R-0002')
  })

  it('numbers above imported R-numbers and keeps numbers given by hand', async () => {
    const other = await ctx.newCity()
    const hq2 = await other.as('headquarters')
    await ctx.db.insert(resources).values([
      { tenantId: other.tenantId, resourceNo: 'R-0041', name: '取込資源' },
      { tenantId: other.tenantId, resourceNo: 'S-900', name: '別体系の番号' },
    ])
    expect((await createResource(hq2)).resourceNo).toBe('R-0042')
    expect((await createResource(hq2, { resourceNo: 'KY-01' })).resourceNo).toBe('KY-01')
    expect((await createResource(hq2)).resourceNo).toBe('R-0043')
    const taken = await hq2.post('/api/resources', aResource({ resourceNo: 'R-0041' }))
    expect(taken.statusCode).toBe(400)
    expect(taken.json().errors).toEqual([
      { field: 'resourceNo', message: 'この資源番号はすでに使われています' },
    ])
  })

  it('rejects invalid input with Japanese messages and writes nothing', async () => {
    const before = await storedCount(city.tenantId)
    const res = await hq.post('/api/resources', {
      name: ' ',
      categories: ['ibasho', 'bogus'],
      serves: ['everyone'],
      subsidyFiscalYears: [1999, 'R3'],
    })
    expect(res.statusCode).toBe(400)
    const messages = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    )
    expect(messages).toEqual({
      name: '名称を入力してください',
      'categories.1': '分類を一覧から選択してください',
      'serves.0': '対象を一覧から選択してください',
      'subsidyFiscalYears.0': '年度は2000年度から2100年度の間で入力してください',
      'subsidyFiscalYears.1': '年度は西暦4桁の数字で入力してください',
    })
    const ward = await hq.post('/api/resources', aResource({ ward: '大阪' }))
    expect(ward.json().errors).toEqual([
      { field: 'ward', message: '区が見つかりません。一覧から選択してください' },
    ])
    expect(await storedCount(city.tenantId)).toBe(before)
  })

  it('changes only the fields sent, deactivates and reactivates, and audits field names only', async () => {
    const r = await createResource(hq, { name: '家族教室', ward: 'kita' })
    const changed = await hq.patch(`/api/resources/${r.id}`, {
      contact: '相談専用ダイヤル 0120-000-000',
      subsidyFiscalYears: [2023],
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ name: '家族教室', ward: 'kita', subsidyFiscalYears: [2023] })
    const cleared = await hq.patch(`/api/resources/${r.id}`, { ward: '' })
    expect(cleared.json()).toMatchObject({ ward: null, wardName: null })

    const staff = await city.as('window_counsellor')
    expect((await hq.patch(`/api/resources/${r.id}`, { active: false })).json().active).toBe(false)
    expect(namesOf((await staff.get('/api/resources?q=家族教室')).json())).toEqual([])
    expect((await hq.patch(`/api/resources/${r.id}`, { active: true })).json().active).toBe(true)
    expect(namesOf((await staff.get('/api/resources?q=家族教室')).json())).toEqual(['家族教室'])

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, r.id)))
      .orderBy(asc(auditLog.id))
    expect(audit.map((a) => a.action)).toEqual([
      'resource.create',
      'resource.update',
      'resource.update',
      'resource.update',
      'resource.update',
    ])
    expect(audit[1]!.detail).toEqual({ fields: ['subsidyFiscalYears', 'contact'] })
    expect(audit[3]!.detail).toEqual({ fields: ['active'] })
    expect(JSON.stringify(audit)).not.toContain('家族教室')
    expect(JSON.stringify(audit)).not.toContain('0120')
  })

  it('rejects a PATCH with bad values and changes nothing', async () => {
    const r = await createResource(hq, { name: '変更前' })
    const res = await hq.patch(`/api/resources/${r.id}`, { name: '', subsidyFiscalYears: [2101] })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'name', message: '名称を入力してください' },
      { field: 'subsidyFiscalYears.0', message: '年度は2000年度から2100年度の間で入力してください' },
    ])
    expect((await hq.get(`/api/resources/${r.id}`)).json().name).toBe('変更前')
  })

  it.each(STAFF_ROLES.filter((r) => r !== 'headquarters'))(
    '%s may not create or change resources',
    async (role) => {
      const r = await createResource(hq)
      const s = await city.as(role)
      expect((await s.post('/api/resources', aResource())).statusCode).toBe(403)
      expect((await s.patch(`/api/resources/${r.id}`, { name: '書き換え' })).statusCode).toBe(403)
      expect((await s.patch(`/api/resources/${r.id}`, { active: false })).statusCode).toBe(403)
      expect((await hq.get(`/api/resources/${r.id}`)).json()).toMatchObject({
        name: aResource().name,
        active: true,
      })
    },
  )

  it('answers 404 for an unknown resource', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await hq.get(`/api/resources/${missing}`)).statusCode).toBe(404)
    expect((await hq.patch(`/api/resources/${missing}`, { name: 'x' })).statusCode).toBe(404)
  })
})

describe('two cities', () => {
  it('keep their directories apart', async () => {
    const a = await ctx.newCity('甲市')
    const b = await ctx.newCity('乙市')
    const hqA = await a.as('headquarters')
    const hqB = await b.as('headquarters')
    const r = await createResource(hqA, { name: '甲市の居場所' })
    expect((await createResource(hqB)).resourceNo).toBe('R-0001')
    expect(namesOf((await hqB.get('/api/resources?includeInactive=true')).json())).not.toContain(
      '甲市の居場所',
    )
    expect((await hqB.get(`/api/resources/${r.id}`)).statusCode).toBe(404)
    expect((await hqB.patch(`/api/resources/${r.id}`, { name: '乗っ取り' })).statusCode).toBe(404)
  })
})
