// The frame of every public page: plain HTML, no script, one stylesheet. The language chooser is
// a list of links to the same page with ?lang=, so it works without JavaScript and is remembered
// by a cookie the server sets.

import type { WindowInfo } from '#server/modules/org/index.ts'
import { escapeHtml, LANG_INFO, LANGS, type Lang, type Translate } from '../i18n/i18n.ts'

export interface PageContext {
  t: Translate
  lang: Lang
  city: { id: string; name: string }
  /** The site's base path for this city, e.g. /soudan/kyoto */
  base: string
  /** The stylesheet's URL (versioned, so it can be cached long). */
  css: string
  /** This page's path, for the language links. */
  path: string
  /** Which menu entry is the current page. */
  current?: 'about' | 'write' | 'return'
}

export function layout(ctx: PageContext, title: string, main: string): string {
  const { t, lang, base } = ctx
  // An unknown city's 404 page has no site name or menu to offer.
  const known = ctx.city.id !== ''
  const site = known ? t('site.name', { city: ctx.city.name }) : ''
  const nav = (
    [
      ['about', `${base}/`, t('nav.about')],
      ['write', `${base}/write`, t('nav.write')],
      ['return', `${base}/return`, t('nav.return')],
    ] as const
  )
    .map(([id, href, label]) => {
      const current = ctx.current === id ? ' aria-current="page"' : ''
      return `<li><a href="${href}"${current}>${label}</a></li>`
    })
    .join('')
  const langs = LANGS.map((l) => {
    const info = LANG_INFO[l]
    const here = l === lang ? ' aria-current="true"' : ''
    return `<li><a href="${escapeHtml(ctx.path)}?lang=${l}" lang="${info.htmlLang}" hreflang="${info.htmlLang}"${here}>${info.name}</a></li>`
  }).join('')
  return `<!doctype html>
<html lang="${LANG_INFO[lang].htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${known ? `${title} | ${site}` : title}</title><link rel="stylesheet" href="${ctx.css}"></head>
<body><a class="skip" href="#main">${t('site.skip')}</a>
<header><nav class="langs" aria-label="${t('site.languages')}"><ul>${langs}</ul></nav>${known ? `<p class="site"><a href="${base}/">${site}</a></p><nav aria-label="${t('site.nav')}"><ul class="menu">${nav}</ul></nav>` : ''}</header>
<main id="main" tabindex="-1"><h1>${title}</h1>
${main}</main></body></html>`
}

/** tel: link digits (the number as typed stays the visible text). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`
}

/** The city's crisis lines and the emergency numbers; `lead` says why they are shown here. */
export function crisisBlock(t: Translate, window: WindowInfo, lead: string): string {
  const lines = window.crisisLines
    .map((line) => {
      const hours = line.hours ? ` ${t('crisis.hours', { hours: line.hours })}` : ''
      return `<li><strong>${escapeHtml(line.name)}</strong> <a href="${telHref(line.phone)}">${escapeHtml(line.phone)}</a>${hours}</li>`
    })
    .join('')
  // The lead says "call one of these lines": without lines set up by the city, only 119/110 stand.
  const listed = lines ? `<p>${lead}</p><ul>${lines}</ul>` : ''
  return `<section class="crisis" aria-labelledby="crisis-heading"><h2 id="crisis-heading">${t('crisis.heading')}</h2>${listed}<p>${t('crisis.emergency')}</p></section>`
}

export function windowBlock(ctx: PageContext, window: WindowInfo): string {
  const { t } = ctx
  const rows = [
    window.hours ? `<p>${t('about.window.hours', { hours: window.hours })}</p>` : '',
    window.phone
      ? `<p>${t('about.window.phone', { phone: { html: `<a href="${telHref(window.phone)}">${escapeHtml(window.phone)}</a>` } })}</p>`
      : '',
  ].join('')
  return `<section aria-labelledby="window-heading"><h2 id="window-heading">${t('about.window.heading')}</h2>${rows || `<p>${t('about.window.none', { city: ctx.city.name })}</p>`}</section>`
}
