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

describe('the residents’ send limit', () => {
  it('defaults to 5 new web consultations per address in 10 minutes and takes YORISOI_PUBLIC_SEND_LIMIT', () => {
    const base = { YORISOI_SESSION_SECRET: 'x', YORISOI_TWO_FACTOR_KEY: 'y' }
    expect(loadConfig(base).publicSendLimit).toBe(5)
    expect(loadConfig({ ...base, YORISOI_PUBLIC_SEND_LIMIT: '40' }).publicSendLimit).toBe(40)
    expect(() => loadConfig({ ...base, YORISOI_PUBLIC_SEND_LIMIT: 'many' })).toThrow(
      /YORISOI_PUBLIC_SEND_LIMIT/,
    )
  })
})

describe('mail settings', () => {
  const base = { YORISOI_SESSION_SECRET: 'x', YORISOI_TWO_FACTOR_KEY: 'y' }

  it('send nothing without YORISOI_SMTP_URL', () => {
    expect(loadConfig(base)).toMatchObject({ smtpUrl: undefined, mailIntervalSeconds: 60 })
  })

  it('take an smtp:// or smtps:// URL with the sender address', () => {
    const config = loadConfig({
      ...base,
      YORISOI_SMTP_URL: 'smtps://user:secret@relay.example.lg.jp:465',
      YORISOI_MAIL_FROM: 'soudan@city.example.lg.jp',
    })
    expect(config).toMatchObject({
      smtpUrl: 'smtps://user:secret@relay.example.lg.jp:465',
      mailFrom: 'soudan@city.example.lg.jp',
    })
  })

  it('refuse another scheme, a missing sender, and never repeat the URL (it may hold a password)', () => {
    const cases = [
      { YORISOI_SMTP_URL: 'http://user:secret@relay.example', YORISOI_MAIL_FROM: 'a@b.example' },
      { YORISOI_SMTP_URL: 'not a url secret', YORISOI_MAIL_FROM: 'a@b.example' },
      { YORISOI_SMTP_URL: 'smtp://user:secret@relay.example' },
      { YORISOI_SMTP_URL: 'smtp://user:secret@relay.example', YORISOI_MAIL_FROM: 'nobody' },
    ]
    for (const env of cases) {
      let message = ''
      try {
        loadConfig({ ...base, ...env })
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).toMatch(/YORISOI_(SMTP_URL|MAIL_FROM)/)
      expect(message).not.toContain('secret')
    }
  })
})
