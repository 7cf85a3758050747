import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { Problem } from '#shared/contracts/define.ts'

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_large'
  | 'too_many_requests'
  | 'internal'

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_large: 413,
  too_many_requests: 429,
  internal: 500,
}

const TITLE: Record<ErrorCode, string> = {
  validation: '入力内容に誤りがあります',
  unauthenticated: 'ログインしてください',
  session_expired: '一定時間操作がなかったため、ログアウトしました',
  forbidden: 'この操作を行う権限がありません',
  not_found: '見つかりません',
  conflict: '他の操作と競合しました',
  locked: 'アカウントが一時的にロックされています',
  too_large: '送信されたデータが大きすぎます',
  too_many_requests: 'リクエストが多すぎます。しばらくしてからお試しください',
  internal: 'システムエラーが発生しました',
}

export interface FieldError {
  field: string
  message: string
}

/** The one error type of the application; mapped to problem JSON in one place. */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(detail ?? TITLE[code])
    this.status = STATUS[code]
  }
}

const NOT_FOUND = '指定されたものは見つからないか、閲覧する権限がありません'

export const notFound = (detail = NOT_FOUND) => new AppError('not_found', detail)

/**
 * A personal record asked for by id that is not in the caller's scope (or not there at all):
 * answered exactly like notFound, so nobody learns it exists, and written to the audit log as a
 * refusal (platform/audit.ts, after the request's transaction has rolled back).
 */
export class RefusedRecord extends AppError {
  constructor(
    readonly recordType: string,
    readonly recordId: string,
  ) {
    super('not_found', NOT_FOUND)
  }
}

export const refused = (recordType: string, recordId: string) => new RefusedRecord(recordType, recordId)
export const forbidden = (detail?: string) => new AppError('forbidden', detail)
export const invalid = (fieldErrors: FieldError[]) => new AppError('validation', undefined, fieldErrors)
export const conflict = (detail: string) => new AppError('conflict', detail)

/**
 * Whether a database error is a unique-index violation (SQLSTATE 23505), optionally of one
 * index: a check-then-insert can still lose a race to a concurrent request, and the loser must
 * get a field error, not a 500. Drizzle may wrap the driver's error in `cause`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown }
    if (code === '23505') return constraint === undefined || name === undefined || name === constraint
  }
  return false
}

export function problem(code: ErrorCode, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `urn:yorisoi:problem:${code}`,
    title: TITLE[code],
    status: STATUS[code],
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1_048_576
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${Math.floor(bytes / 1024)} KiB`
}

/** Fastify's error handler: everything leaves as problem JSON, without stacks or input values. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let body: Problem
  if (error instanceof AppError) {
    body = problem(error.code, error.detail, error.fieldErrors)
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_',
      message: v.message ?? '値が正しくありません',
    }))
    body = problem('validation', undefined, errors)
  } else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    body = problem(
      'forbidden',
      '画面を再読み込みしてから、もう一度操作してください（CSRFトークンが無効です）',
    )
  } else if (error.statusCode === 413) {
    // The route's limit: the JSON limit, or an upload route's own, in the words it chose.
    const { tooLarge } = (request.routeOptions.config ?? {}) as { tooLarge?: string }
    body = problem(
      'too_large',
      tooLarge ?? `送信できるのは ${formatBytes(request.routeOptions.bodyLimit)} までです`,
    )
  } else if (error.statusCode === 429) {
    body = problem('too_many_requests')
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON, too large a body, unsupported media type…: the client's fault, no details echoed.
    body = { ...problem('validation', 'リクエストの形式が正しくありません'), status: error.statusCode }
  } else {
    // Log the error's name and code only: messages from the database can quote the values.
    request.log.error(
      { err: { name: error.name, code: error.code }, route: request.routeOptions.url },
      'request failed',
    )
    body = problem('internal')
  }
  return reply.status(body.status).type('application/problem+json').send(body)
}
