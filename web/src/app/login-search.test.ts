import { describe, expect, it } from 'vitest'
import { parseLoginSearch, safeRedirect } from './login-search.ts'

describe('parseLoginSearch', () => {
  it('reads the return path, the expiry flag and a trimmed city', () => {
    expect(parseLoginSearch({ redirect: '/cases?page=2', expired: 'true', city: ' kita ' })).toEqual({
      redirect: '/cases?page=2',
      expired: true,
      city: 'kita',
    })
  })

  it('drops what is not text or is blank', () => {
    expect(parseLoginSearch({ redirect: 3, expired: 'no', city: '  ' })).toEqual({
      redirect: undefined,
      expired: undefined,
      city: undefined,
    })
  })
})

describe('safeRedirect', () => {
  it('follows same-site paths only', () => {
    expect(safeRedirect('/meetings/m1')).toBe('/meetings/m1')
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example/')).toBe('/')
    expect(safeRedirect('/login?redirect=/x')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
