import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, auditActionLabel, hasAuditActionLabel } from '#shared/audit-actions.ts'

// Every action code the server writes has a Japanese label (shared/audit-actions.ts). The codes are
// read from the source: each dotted literal in a file that writes audit rows, the targets of
// refused(…) (their read_denied / change_denied rows), and the codes built from parts below.

const SERVER = join(import.meta.dirname, '..', '..')
const CODE = /'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/gu

/** Dotted literals in audit-writing files that are not action codes (file and field names). */
const NOT_ACTIONS = new Set([
  'index.html',
  'referral.note',
  'referral.outcome',
  'referral.resource',
  'review.lead',
])

/** Codes written from parts: inquiries' `inquiry.${action}` and `inquiry.case.${how}`. */
const BUILT = [
  'inquiry.release',
  'inquiry.spam',
  'inquiry.not_spam',
  'inquiry.close',
  'inquiry.reopen',
  'inquiry.case.open',
  'inquiry.case.attach',
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'i18n' ? [] : sourceFiles(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('test-support')
      ? [path]
      : []
  })
}

function codesInSource() {
  const written = new Set<string>()
  const refusedTypes = new Set<string>()
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/refused\('([a-z_]+)'/gu)) refusedTypes.add(m[1]!)
    if (!/writeAudit|writeAnonymousAudit/u.test(text)) continue
    for (const m of text.matchAll(CODE)) if (!NOT_ACTIONS.has(m[1]!)) written.add(m[1]!)
  }
  return { written, refusedTypes }
}

describe('audit action labels', () => {
  const { written, refusedTypes } = codesInSource()

  it('finds the codes the server writes (the scan itself works)', () => {
    expect(written.size).toBeGreaterThan(100)
    expect(written).toContain('case.read')
    expect(written).toContain('my_cases.meetings')
    expect(refusedTypes).toContain('case')
  })

  it('has a Japanese label for every code written, built or refused', () => {
    const codes = [
      ...written,
      ...BUILT,
      ...[...refusedTypes].flatMap((t) => [`${t}.read_denied`, `${t}.change_denied`]),
    ]
    const missing = codes.filter((c) => !hasAuditActionLabel(c) || auditActionLabel(c).includes(c))
    expect(missing).toEqual([])
  })

  it('keeps no label for a code nobody writes any more', () => {
    const known = new Set([...written, ...BUILT])
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((c) => !known.has(c))).toEqual([])
  })

  it('words refusals by record and falls back visibly for an unknown code', () => {
    expect(auditActionLabel('case.read')).toBe('ケースの閲覧')
    expect(auditActionLabel('case.read_denied')).toBe('ケースの閲覧を拒否（権限外）')
    expect(auditActionLabel('meeting.change_denied')).toBe('支援調整会議の変更を拒否（権限外）')
    expect(auditActionLabel('made.up')).toBe('未登録の操作（made.up）')
    expect(hasAuditActionLabel('made.up')).toBe(false)
  })
})
