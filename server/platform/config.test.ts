import { describe, expect, it } from 'vitest'
import { loadConfig, trustedProxies } from './config.ts'

describe('YORISOI_TRUST_PROXY', () => {
  it('lists proxy addresses and CIDRs, IPv4 and IPv6', () => {
    expect(trustedProxies('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ])
  })

  it('trusts nobody when unset, empty or false', () => {
    expect(trustedProxies(undefined)).toEqual([])
    expect(trustedProxies('')).toEqual([])
    expect(trustedProxies('false')).toEqual([])
  })

  it('refuses true (every client) and anything that is not an address, with a message naming the setting', () => {
    for (const bad of ['true', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '*']) {
      expect(() => trustedProxies(bad)).toThrow(/YORISOI_TRUST_PROXY/)
    }
    expect(() => loadConfig({ YORISOI_TRUST_PROXY: 'true', YORISOI_SESSION_SECRET: 'x' })).toThrow(
      /YORISOI_TRUST_PROXY/,
    )
  })
})

describe('login limits', () => {
  it('default to 10 attempts per login ID and address, and 100 failures per address, a minute', () => {
    const config = loadConfig({ YORISOI_SESSION_SECRET: 'x' })
    expect(config.loginRateLimit).toBe(10)
    expect(config.loginAddressRateLimit).toBe(100)
  })
})
