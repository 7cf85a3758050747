// The public pages' languages: one ICU MessageFormat catalog per language (FormatJS
// intl-messageformat), compiled once at start-up. Messages come out as HTML-safe text: the
// catalogs are escaped, parameters (a city's name, hours typed by its administrator) are escaped,
// and やさしい日本語's ruby notation ｜漢字《かんじ》 becomes <ruby> markup.
import { IntlMessageFormat } from 'intl-messageformat'
import { en } from './en.ts'
import { type Catalog, ja, type MessageKey } from './ja.ts'
import { jaEasy } from './ja-easy.ts'
import { ko } from './ko.ts'
import { pt } from './pt.ts'
import { vi } from './vi.ts'
import { zh } from './zh.ts'

export type { MessageKey } from './ja.ts'

/** Stored with a thread (inquiry_threads.lang) and in the language cookie. */
export const LANGS = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'ja'

export const CATALOGS: Record<Lang, Catalog> = { ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt }

/** Each language's name in itself (the chooser), its HTML lang and the locale for Intl. */
export const LANG_INFO: Record<Lang, { name: string; htmlLang: string; locale: string }> = {
  ja: { name: '日本語', htmlLang: 'ja', locale: 'ja-JP' },
  'ja-easy': { name: 'やさしい日本語', htmlLang: 'ja', locale: 'ja-JP' },
  en: { name: 'English', htmlLang: 'en', locale: 'en' },
  zh: { name: '简体中文', htmlLang: 'zh-Hans', locale: 'zh-Hans-CN' },
  ko: { name: '한국어', htmlLang: 'ko', locale: 'ko-KR' },
  vi: { name: 'Tiếng Việt', htmlLang: 'vi', locale: 'vi-VN' },
  pt: { name: 'Português', htmlLang: 'pt', locale: 'pt-BR' },
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** ｜漢字《かんじ》 (the notation of Japanese typesetting) → <ruby>. */
const RUBY = /｜([^｜《》]+)《([^《》]+)》/g
export function rubyToHtml(text: string): string {
  return text.replace(RUBY, '<ruby>$1<rp>(</rp><rt>$2</rt><rp>)</rp></ruby>')
}

/** A catalog message as an ICU pattern whose literal text is already HTML. */
function htmlPattern(message: string): string {
  // Apostrophes stay: they are ICU's quote character. Catalogs write ’ for the printed one.
  const escaped = message.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  return rubyToHtml(escaped)
}

/** Compiles a catalog; throws (naming the key) when a message is not valid ICU. */
export function compileCatalog(lang: Lang, catalog: Catalog): Map<MessageKey, IntlMessageFormat> {
  const compiled = new Map<MessageKey, IntlMessageFormat>()
  for (const [key, message] of Object.entries(catalog) as [MessageKey, string][]) {
    try {
      compiled.set(
        key,
        new IntlMessageFormat(htmlPattern(message), LANG_INFO[lang].locale, undefined, { ignoreTag: true }),
      )
    } catch (error) {
      throw new Error(`${lang}: message "${key}" is not valid ICU: ${(error as Error).message}`)
    }
  }
  return compiled
}

/** A parameter that is already HTML (a link built by the page), inserted as it is. */
export interface Html {
  html: string
}
export type Params = Record<string, string | number | Html>
/** Formats a message as HTML; string parameters are escaped, Html ones are not. */
export type Translate = (key: MessageKey, params?: Params) => string

let compiledAll: Map<Lang, Map<MessageKey, IntlMessageFormat>> | undefined

export function translator(lang: Lang): Translate {
  compiledAll ??= new Map(LANGS.map((l) => [l, compileCatalog(l, CATALOGS[l])]))
  const messages = compiledAll.get(lang)!
  return (key, params = {}) => {
    const format = messages.get(key)
    if (!format) throw new Error(`${lang}: no message "${key}"`)
    const safe: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(params)) {
      safe[name] =
        typeof value === 'string' ? escapeHtml(value) : typeof value === 'number' ? value : value.html
    }
    return String(format.format(safe))
  }
}

/**
 * The page's language: the one just chosen (?lang=), else the remembered one (cookie), else the
 * browser's first language we have, else Japanese.
 */
export function chooseLang(chosen: unknown, remembered: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(chosen)) return chosen
  if (isLang(remembered)) return remembered
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase()
    if (tag.startsWith('zh')) {
      // Traditional Chinese readers are not served well by 简体 either, but better than Japanese.
      return 'zh'
    }
    const base = tag.split('-')[0]!
    if (isLang(base)) return base
  }
  return DEFAULT_LANG
}
