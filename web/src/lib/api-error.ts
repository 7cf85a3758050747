import type { Problem } from '#shared/contracts/define.ts'

/** A non-2xx answer from the API, carrying its RFC 9457 problem document. */
export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }

  /** The error code at the end of the problem type (urn:yorisoi:problem:<code>). */
  get code(): string {
    return this.problem.type.split(':').pop() ?? ''
  }

  /** Field errors keyed by field name (the first message per field wins). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.problem.errors ?? []) {
      if (!(e.field in out)) out[e.field] = e.message
    }
    return out
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** A problem for failures that never reached the server (network down, proxy error page). */
export function networkProblem(status = 0): Problem {
  return {
    type: 'urn:yorisoi:problem:network',
    title: '通信に失敗しました。ネットワークの状態を確認して、もう一度お試しください',
    status,
  }
}

/** Narrows unknown JSON to a problem document. */
export function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'type' in body && 'title' in body) {
    const p = body as Problem
    return { ...p, status: typeof p.status === 'number' ? p.status : status }
  }
  return networkProblem(status)
}
