// The catalogs' own checks, run by i18n.test.ts: every language has exactly the reference's keys,
// every message is valid ICU with the same parameters, and やさしい日本語 has no kanji without ruby.
import { IntlMessageFormat } from 'intl-messageformat'
import type { Catalog } from './ja.ts'

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> }

/** The parameter names a message uses (plural and select branches included). */
export function parametersOf(message: string): string[] {
  const names = new Set<string>()
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      // 0 literal, 7 pound (#), 8 tag: no parameter; the rest name one.
      if (![0, 7, 8].includes(el.type) && typeof el.value === 'string') names.add(el.value)
      for (const option of Object.values(el.options ?? {})) walk(option.value)
    }
  }
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as Element[])
  return [...names].sort()
}

const RUBY = /｜[^｜《》]+《[^《》]+》/g
const KANJI = /\p{Script=Han}/u

/** What is wrong with the catalogs, one line each; empty when nothing is. */
export function catalogProblems(
  reference: Catalog,
  catalogs: Record<string, Record<string, string>>,
): string[] {
  const problems: string[] = []
  const keys = Object.keys(reference)
  for (const [lang, catalog] of Object.entries(catalogs)) {
    for (const key of keys) if (!(key in catalog)) problems.push(`${lang}: missing "${key}"`)
    for (const key of Object.keys(catalog))
      if (!(key in reference)) problems.push(`${lang}: unknown "${key}"`)
    for (const [key, message] of Object.entries(catalog)) {
      let names: string[]
      try {
        names = parametersOf(message)
      } catch (error) {
        problems.push(`${lang}: "${key}" is not valid ICU (${(error as Error).message})`)
        continue
      }
      const expected = key in reference ? parametersOf(reference[key as keyof Catalog]) : names
      if (names.join() !== expected.join()) {
        problems.push(
          `${lang}: "${key}" has parameters {${names.join()}}, the reference {${expected.join()}}`,
        )
      }
      if (message.trim() === '') problems.push(`${lang}: "${key}" is empty`)
    }
  }
  return problems
}

/** The kanji of a やさしい日本語 message that have no reading. */
export function kanjiWithoutRuby(message: string): string[] {
  return [...message.replace(RUBY, '')].filter((c) => KANJI.test(c))
}
