import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('the directory every form reads (/api/units, /api/wards, /api/staff)', () => {
  it('lists the reference city’s wards and units, and nothing of another city', async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity('よその市')
    const otherWindow = await other.unitOf('window')
    const counsellor = await city.as('window_counsellor')

    const wards = (await counsellor.get('/api/wards')).json()
    expect(wards).toHaveLength(14)
    expect(wards[0]).toEqual({ code: 'kita', name: '北区' })

    const units = (await counsellor.get('/api/units')).json() as { id: string; kind: string; name: string }[]
    expect(units.filter((u) => u.kind === 'ward_section')).toHaveLength(56)
    expect(
      units.find((u) => u.kind === 'ward_section' && u.name === '左京区役所 健康長寿推進課'),
    ).toBeDefined()
    expect(units.map((u) => u.id)).not.toContain(otherWindow.id)
  })

  it('names the window’s staff to the window and a ward’s staff to that ward only', async () => {
    const city = await ctx.newCity()
    const counsellor = await city.as('window_counsellor', { name: '窓口 一郎' })
    const kitaStaff = await city.as('ward_staff', { ward: 'kita', name: '北 二郎' })
    await city.as('ward_coordinator', { ward: 'sakyo', name: '左京 三郎' })
    await city.as('accompaniment_worker', { name: '支援員 四郎' })
    const other = await ctx.newCity('よその市')
    await other.as('window_counsellor', { name: 'よその 五郎' })

    const forWindow = (await counsellor.get('/api/staff')).json() as { name: string; unitName: string }[]
    expect(forWindow.map((s) => s.name)).toEqual(['窓口 一郎'])
    const forKita = (await kitaStaff.get('/api/staff')).json() as { name: string; unitName: string }[]
    expect(forKita.map((s) => s.name)).toEqual(['北 二郎'])
    expect(forKita[0]!.unitName).toMatch(/^北区役所 /)
  })

  it('answers 401 without a session', async () => {
    for (const url of ['/api/units', '/api/wards', '/api/staff']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    }
  })
})
