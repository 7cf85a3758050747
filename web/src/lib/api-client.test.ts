import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { updateSettings } from '#shared/contracts/audit.ts'
import { getSession, login } from '#shared/contracts/auth.ts'
import { listCases } from '#shared/contracts/cases.ts'
import { buildUrl, callApi, setCsrfToken } from './api-client.ts'
import { ApiError } from './api-error.ts'

type Call = { url: string; init: RequestInit }

function respond(status: number, body: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

let calls: Call[]
let answers: Response[]

beforeEach(() => {
  calls = []
  answers = []
  setCsrfToken(undefined)
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const next = answers.shift()
    if (!next) throw new Error(`unexpected request ${url}`)
    return next
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const header = (call: Call | undefined, name: string) =>
  ((call?.init.headers ?? {}) as Record<string, string>)[name]

describe('buildUrl', () => {
  it('fills path parameters and drops empty query values', () => {
    expect(buildUrl('/api/cases/:id/contacts/:contactId', { id: 'a b', contactId: 'c' })).toBe(
      '/api/cases/a%20b/contacts/c',
    )
    expect(buildUrl('/api/cases', undefined, { q: '', status: 'open', ward: undefined, page: 2 })).toBe(
      '/api/cases?status=open&page=2',
    )
  })
})

describe('callApi', () => {
  it('fetches a CSRF token once before the first change and sends it', async () => {
    answers.push(respond(200, { account: null, csrfToken: 'first', idleMinutes: 30 }))
    answers.push(respond(200, { noContactDays: 10 }))
    answers.push(respond(200, { noContactDays: 11 }))
    await callApi(updateSettings, { body: { noContactDays: 10 } })
    await callApi(updateSettings, { body: { noContactDays: 11 } })
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/session', '/api/settings', '/api/settings'])
    expect(header(calls[1], 'x-csrf-token')).toBe('first')
    expect(header(calls[2], 'x-csrf-token')).toBe('first')
  })

  it('takes the fresh token from the login response', async () => {
    setCsrfToken('before-login')
    answers.push(respond(200, { account: {}, csrfToken: 'after-login' }))
    answers.push(respond(200, { noContactDays: 10 }))
    await callApi(login, { body: { loginId: 'a', password: 'b' } })
    await callApi(updateSettings, { body: { noContactDays: 10 } })
    expect(header(calls[0], 'x-csrf-token')).toBe('before-login')
    expect(header(calls[1], 'x-csrf-token')).toBe('after-login')
  })

  it('refetches the token once and retries after a CSRF rejection', async () => {
    setCsrfToken('stale')
    answers.push(
      respond(403, {
        type: 'urn:yorisoi:problem:forbidden',
        title: 'x',
        status: 403,
        detail: 'CSRFトークンが無効です',
      }),
    )
    answers.push(respond(200, { account: null, csrfToken: 'fresh', idleMinutes: 30 }))
    answers.push(respond(200, { noContactDays: 10 }))
    const result = await callApi(updateSettings, { body: { noContactDays: 10 } })
    expect(result).toEqual({ noContactDays: 10 })
    expect(header(calls[2], 'x-csrf-token')).toBe('fresh')
  })

  it('throws the problem document as an ApiError', async () => {
    const problem = {
      type: 'urn:yorisoi:problem:validation',
      title: '入力内容に誤りがあります',
      status: 400,
      errors: [{ field: 'openedFrom', message: '日付は…' }],
    }
    answers.push(respond(400, problem))
    const error = await callApi(listCases, { query: { openedFrom: 'x' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldErrors).toEqual({ openedFrom: '日付は…' })
    expect(calls[0]?.url).toBe('/api/cases?openedFrom=x')
  })

  it('sends GETs without a token and returns null for 204', async () => {
    answers.push(respond(200, { account: null, csrfToken: 't', idleMinutes: 30 }))
    await callApi(getSession, {})
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined()
    answers.push(new Response(null, { status: 204 }))
    setCsrfToken('t')
    const { logout } = await import('#shared/contracts/auth.ts')
    expect(await callApi(logout, {})).toBeNull()
    expect(calls[1]?.init.body).toBeUndefined()
  })
})
