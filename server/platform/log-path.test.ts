import { describe, expect, it } from 'vitest'
import { loggablePath } from './log-path.ts'

describe('loggablePath', () => {
  it('drops the query string and the fragment', () => {
    expect(loggablePath('/api/cases?q=%E5%B1%B1%E7%94%B0')).toBe('/api/cases')
    expect(loggablePath('/setup#token=abc')).toBe('/setup')
  })

  it('redacts token-shaped segments, encoded or not, and keeps record ids and ordinary words', () => {
    const token = 'kyoto.Qm9vazEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9wcXI'
    expect(loggablePath(`/api/auth/password-links/${token}`)).toBe('/api/auth/password-links/:redacted')
    expect(loggablePath(`/setup/${encodeURIComponent(token)}`)).toBe('/setup/:redacted')
    const id = '2f5e256b-4289-4423-96ab-603516444cfd'
    expect(loggablePath(`/api/cases/${id}/contacts`)).toBe(`/api/cases/${id}/contacts`)
    expect(loggablePath('/api/auth/password-links/describe')).toBe('/api/auth/password-links/describe')
    expect(loggablePath('/assets/index-BunQMguK.css')).toBe('/assets/index-BunQMguK.css')
  })

  it('keeps a malformed escape as sent', () => {
    expect(loggablePath('/x/%E0%A4%A.csv')).toBe('/x/%E0%A4%A.csv')
  })
})
