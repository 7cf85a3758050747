// A resident's browser for the public pages' tests: keeps cookies like a browser, reads the
// CSRF token from the last form page, and posts forms as application/x-www-form-urlencoded.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { withCookies } from '#server/test/harness.ts'

export const GOOD_PASSPHRASE = 'みかん じてんしゃ ゆうやけ'

export interface Browser {
  cookie: string
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** Posts a form; `_csrf` is taken from the last page unless given. */
  post(
    url: string,
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>
  /** Follows a 303 like a browser. */
  follow(res: LightMyRequestResponse): Promise<LightMyRequestResponse>
}

export function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
}

let nextAddress = 1
/** Each browser comes from its own address unless told, so the per-address limits stay out of the way. */
export function browser(
  app: FastifyInstance,
  remoteAddress = `203.0.${113 + Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`,
): Browser {
  let lastToken = ''
  const b: Browser = {
    cookie: '',
    async get(url, headers = {}) {
      const res = await app.inject({
        method: 'GET',
        url,
        remoteAddress,
        headers: { cookie: b.cookie, ...headers },
      })
      b.cookie = withCookies(b.cookie, res.headers['set-cookie'])
      lastToken = csrfOf(res.body) || lastToken
      return res
    },
    async post(url, fields, headers = {}) {
      const payload = new URLSearchParams({ _csrf: lastToken, ...fields }).toString()
      const res = await app.inject({
        method: 'POST',
        url,
        remoteAddress,
        payload,
        headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      })
      b.cookie = withCookies(b.cookie, res.headers['set-cookie'])
      lastToken = csrfOf(res.body) || lastToken
      return res
    },
    async follow(res) {
      const location = res.headers.location
      if (res.statusCode !== 303 || typeof location !== 'string') {
        throw new Error(`expected a 303, got ${res.statusCode}: ${res.body.slice(0, 500)}`)
      }
      return b.get(location)
    },
  }
  return b
}

/** A complete consultation form, with what a test changes. */
export function consultation(fields: Record<string, string> = {}): Record<string, string> {
  return {
    who: 'self',
    age: '',
    body: '外に出られなくなって3年になります。どうしたらいいかわかりません。',
    nickname: '',
    call: 'no',
    phone: '',
    passphrase: GOOD_PASSPHRASE,
    passphrase2: GOOD_PASSPHRASE,
    website: '',
    ...fields,
  }
}

/** The 受付番号 shown on a page (ABCD-2345). */
export function codeOn(html: string): string {
  const code = /class="code">([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})</.exec(html)?.[1]
  if (!code) throw new Error('no code on the page')
  return code
}

/** Opens a consultation and returns the code shown afterwards. */
export async function openConsultation(
  b: Browser,
  city: string,
  fields: Record<string, string> = {},
): Promise<{ code: string; done: LightMyRequestResponse }> {
  await b.get(`/soudan/${city}/write`)
  const sent = await b.post(`/soudan/${city}/write`, consultation(fields))
  const done = await b.follow(sent)
  return { code: codeOn(done.body), done }
}
