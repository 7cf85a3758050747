import type { BodyOf, Contract, ParamsOf, QueryOf, ResponseOf } from '#shared/contracts/define.ts'
import { ApiError, asProblem, networkProblem } from './api-error.ts'

type Part<K extends string, T> = [T] extends [never] ? { [P in K]?: undefined } : { [P in K]: T }

/** What a call needs: exactly the parts its contract declares. */
export type CallInput<C extends Contract> = Part<'params', ParamsOf<C>> &
  Partial<Part<'query', QueryOf<C>>> &
  Part<'body', BodyOf<C>>

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
const SESSION_PATH = '/api/auth/session'

let csrfToken: string | undefined
let csrfRequest: Promise<string> | undefined

/** Remembers the CSRF token the server handed out (session and login responses carry one). */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token
}

/** The CSRF token for a mutating request, asking the server for one when none is known yet. */
export async function csrfTokenForRequest(): Promise<string> {
  return csrfToken ?? (await fetchCsrfToken())
}

async function fetchCsrfToken(): Promise<string> {
  // One request shared by concurrent mutations, so they do not each ask for a new token.
  csrfRequest ??= fetch(SESSION_PATH, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (res) => {
      const body = (await res.json()) as { csrfToken?: unknown }
      if (!res.ok || typeof body.csrfToken !== 'string') throw new ApiError(asProblem(body, res.status))
      csrfToken = body.csrfToken
      return body.csrfToken
    })
    .finally(() => {
      csrfRequest = undefined
    })
  return csrfRequest
}

export function buildUrl(path: string, params?: object, query?: object): string {
  const filled = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name]
    if (value === undefined || value === null) throw new Error(`path parameter ${name} is missing`)
    return encodeURIComponent(String(value))
  })
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    search.append(key, String(value))
  }
  const qs = search.toString()
  return qs ? `${filled}?${qs}` : filled
}

export function isCsrfProblem(error: ApiError): boolean {
  return error.status === 403 && error.problem.type.endsWith(':forbidden') && /csrf/i.test(error.message)
}

async function send(contract: Endpoint<Contract>, url: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (MUTATING.has(contract.method)) headers['x-csrf-token'] = csrfToken ?? (await fetchCsrfToken())

  let res: Response
  try {
    res = await fetch(url, {
      method: contract.method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(networkProblem())
  }
  if (res.status === 204) return null
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    throw new ApiError(networkProblem(res.status))
  }
  if (!res.ok) throw new ApiError(asProblem(json, res.status))
  // Session and login responses carry a fresh token; the login one replaces the pre-login token.
  if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') {
    csrfToken = json.csrfToken
  }
  return json
}

/**
 * An endpoint by method and path alone, typed by its contract: for the login page, whose first
 * load must not carry the contracts' zod schemas (see features/auth/login-endpoints.ts).
 */
export interface Endpoint<C extends Contract> {
  method: C['method']
  path: C['path']
  /** Only for the type checker: which contract the endpoint is. */
  readonly contract?: C
}

/** Calls one API endpoint, typed by its contract. Throws ApiError on any non-2xx answer. */
export function callApi<C extends Contract>(contract: C, input: CallInput<C>): Promise<ResponseOf<C>> {
  return callEndpoint<C>(contract, input)
}

/** callApi for an Endpoint: the same request, without the contract's schemas at hand. */
export async function callEndpoint<C extends Contract>(
  endpoint: Endpoint<C>,
  input: CallInput<C>,
): Promise<ResponseOf<C>> {
  const { params, query, body } = input as { params?: object; query?: object; body?: unknown }
  const url = buildUrl(endpoint.path, params, query)
  try {
    return (await send(endpoint, url, body)) as ResponseOf<C>
  } catch (error) {
    // The token dies with the session it belonged to: fetch a new one once and try again.
    if (error instanceof ApiError && MUTATING.has(endpoint.method) && isCsrfProblem(error)) {
      csrfToken = undefined
      await fetchCsrfToken()
      return (await send(endpoint, url, body)) as ResponseOf<C>
    }
    throw error
  }
}
