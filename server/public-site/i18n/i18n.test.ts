import { describe, expect, it } from 'vitest'
import { catalogProblems, kanjiWithoutRuby, parametersOf } from './check.ts'
import { CATALOGS, chooseLang, compileCatalog, LANGS, translator } from './i18n.ts'
import { ja } from './ja.ts'

describe('the catalogs', () => {
  it('all have every key of the reference, valid ICU messages and the same parameters', () => {
    expect(LANGS).toHaveLength(7)
    expect(catalogProblems(ja, CATALOGS)).toEqual([])
    for (const lang of LANGS) expect(() => compileCatalog(lang, CATALOGS[lang])).not.toThrow()
  })

  it('fail the check when a key is missing, a message does not parse or a parameter is renamed', () => {
    const { 'nav.write': _dropped, ...missing } = CATALOGS.en
    const broken = { ...CATALOGS.vi, 'site.name': 'Tư vấn {city' }
    const renamed = { ...CATALOGS.ko, 'error.tooLong': '{limit}자 이내로 써 주십시오' }
    const problems = catalogProblems(ja, { en: missing, vi: broken, ko: renamed })
    expect(problems).toEqual([
      'en: missing "nav.write"',
      expect.stringMatching(/^vi: "site.name" is not valid ICU/),
      'ko: "error.tooLong" has parameters {limit}, the reference {count,max}',
    ])
    expect(parametersOf('{n, plural, one {# {what}} other {# {what}s}}')).toEqual(['n', 'what'])
  })

  it('give every kanji of やさしい日本語 its reading', () => {
    const bare = Object.entries(CATALOGS['ja-easy'])
      .map(([key, message]) => [key, kanjiWithoutRuby(message).join('')])
      .filter(([, kanji]) => kanji !== '')
    expect(bare).toEqual([])
    expect(kanjiWithoutRuby('｜相談《そうだん》を書く')).toEqual(['書'])
  })
})

describe('messages as HTML', () => {
  it('escapes parameters and turns the ruby notation into <ruby>', () => {
    const easy = translator('ja-easy')
    expect(easy('site.name', { city: '<b>市</b>' })).toBe(
      '&lt;b&gt;市&lt;/b&gt; ウェブ<ruby>相談<rp>(</rp><rt>そうだん</rt><rp>)</rp></ruby>',
    )
    expect(translator('en')('error.tooLong', { max: 4000, count: 4001 })).toBe(
      'Please use at most 4000 characters (now 4001)',
    )
  })
})

describe('the page language', () => {
  it('is the one chosen, else the remembered one, else the browser’s, else Japanese', () => {
    expect(chooseLang('vi', 'en', 'ko')).toBe('vi')
    expect(chooseLang('xx', 'en', 'ko')).toBe('en')
    expect(chooseLang(undefined, undefined, 'pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt')
    expect(chooseLang(undefined, undefined, 'zh-CN,zh;q=0.9')).toBe('zh')
    expect(chooseLang(undefined, undefined, 'fr-FR')).toBe('ja')
    expect(chooseLang(undefined, 'ja-easy', undefined)).toBe('ja-easy')
  })
})
