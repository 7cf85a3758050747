import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { enterRequestScope } from '#server/db/tenant-scope.ts'
import { sha256 } from '#server/platform/crypto.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { type FieldError, field } from './form-input.ts'
import { chooseLang, isLang, type Lang, translator } from './i18n/i18n.ts'
import { newReferenceCode } from './reference-code.ts'
import type { ResidentService } from './resident.service.ts'
import { registerSeminarPages } from './seminar-routes.ts'
import type { SiteCsrf } from './site-plugins.ts'
import { registerSurveyPages } from './survey-routes.ts'
import { THREAD_COOKIE, THREAD_MINUTES, threadTokens } from './thread-token.ts'
import type { FormState } from './views/form.ts'
import type { PageContext } from './views/layout.ts'
import { aboutPage, donePage, notFoundPage, returnPage, threadPage, writePage } from './views/pages.ts'
import { HONEYPOT, readFollowUp, readWriteForm } from './write-form.ts'

export interface SendLimits {
  open: number
  follow: number
  comeBack: number
  windowMs: number
}

const STYLESHEET = readFileSync(new URL('./style.css', import.meta.url))
const CSS_URL = `/soudan/style.css?v=${sha256(STYLESHEET.toString()).slice(0, 10)}`
const LANG_COOKIE = 'yorisoi_lang'
const CITY_ID = /^[A-Za-z0-9_-]{1,64}$/

type Form = 'write' | 'return' | 'thread' | 'leave'
/**
 * A page's own answer to a refused post (an expired form's CSRF token, or too many posts): the
 * form again with the message and a fresh token, so the resident can send it again.
 */
export type FormRefusedPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  key: 'error.expired' | 'error.tooMany',
  status: number,
) => Promise<FastifyReply>
type CityRequest = FastifyRequest<{ Params: { city: string }; Querystring: Record<string, string> }>

/** Errors the site's error handler turns into the form again, with a message, instead of a bare status. */
class RateLimited extends Error {
  statusCode = 429
}
const CSRF_ERRORS = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET'])

export function registerPublicRoutes(
  site: FastifyInstance,
  o: { service: ResidentService; csrf: SiteCsrf; deps: AppDeps; limits: SendLimits },
) {
  const { service, csrf, deps, limits } = o
  const tokens = threadTokens(deps.config.sessionSecret)
  const noticeOffered = !!deps.config.smtpUrl

  // HTML pages, not API endpoints: left out of the OpenAPI description.
  site.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true }
  })
  // Every city page runs in its city's tenant scope (row-level security on PostgreSQL); a city
  // that does not exist simply has no rows and gets the 404 page below.
  site.addHook('onRequest', (request, _reply, done) => {
    const city = (request.params as { city?: string } | undefined)?.city
    enterRequestScope(city && CITY_ID.test(city) ? city : undefined, done)
  })
  // Pages hold what residents wrote: no browser or proxy cache keeps them.
  site.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/soudan/style.css')) reply.header('cache-control', 'no-store')
  })

  function language(request: FastifyRequest, reply: FastifyReply): Lang {
    const query = request.query as Record<string, unknown>
    const lang = chooseLang(query?.lang, request.cookies?.[LANG_COOKIE], request.headers['accept-language'])
    if (isLang(query?.lang)) {
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/soudan',
        maxAge: 365 * 24 * 3600,
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
      })
    }
    return lang
  }

  /** The page context for the URL's city, or null after sending the 404 page. */
  async function cityPage(
    request: CityRequest,
    reply: FastifyReply,
    path: string,
  ): Promise<PageContext | null> {
    const lang = language(request, reply)
    const cityId = request.params.city
    const name = CITY_ID.test(cityId) ? await service.cityName(cityId) : undefined
    const base = `/soudan/${encodeURIComponent(cityId)}`
    if (name === undefined) {
      const ctx = {
        t: translator(lang),
        lang,
        city: { id: '', name: '' },
        base,
        css: CSS_URL,
        path: request.url.split('?')[0]!,
      }
      reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(ctx))
      return null
    }
    return {
      t: translator(lang),
      lang,
      city: { id: cityId, name },
      base,
      css: CSS_URL,
      path: `${base}${path}`,
    }
  }

  const html = (reply: FastifyReply, page: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(page)

  function state(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors: FieldError[] = [],
  ): FormState {
    return { values, errors, csrf: csrf.token(request, reply) }
  }

  /** What the resident typed, to fill the form again (never the passphrases). */
  function typed(body: unknown): Record<string, string> {
    const values: Record<string, string> = {}
    for (const name of ['who', 'age', 'body', 'nickname', 'notice', 'call', 'phone', 'code']) {
      values[name] = field(body, name)
    }
    return values
  }

  function pass(request: CityRequest) {
    return tokens.verify(request.cookies?.[THREAD_COOKIE], request.params.city, deps.clock.now().getTime())
  }
  function setPass(
    reply: FastifyReply,
    city: string,
    p: { threadId: string; code: string; urgent: boolean },
  ) {
    const expires = deps.clock.now().getTime() + THREAD_MINUTES * 60_000
    reply.setCookie(THREAD_COOKIE, tokens.sign({ city, ...p, expires }), {
      path: `/soudan/${encodeURIComponent(city)}`,
      maxAge: THREAD_MINUTES * 60,
      httpOnly: true,
      sameSite: 'strict',
      secure: 'auto',
    })
  }

  async function showForm(
    request: CityRequest,
    reply: FastifyReply,
    form: Form,
    errors: FieldError[],
    status: number,
  ) {
    const ctx = await cityPage(request, reply, form === 'leave' ? '/thread' : `/${form}`)
    if (!ctx) return reply
    const values = typed(request.body)
    if (form === 'write')
      return html(reply, writePage(ctx, state(request, reply, values, errors), { noticeOffered }), status)
    if (form === 'return') return html(reply, returnPage(ctx, state(request, reply, values, errors)), status)
    const p = pass(request)
    const thread = p ? await service.thread(p.city, p.threadId) : null
    if (!thread)
      return html(reply, returnPage(ctx, state(request, reply), { note: ctx.t('thread.expired') }), status)
    const window = await service.windowInfo(ctx.city.id)
    return html(
      reply,
      threadPage(ctx, window, thread, state(request, reply, values, errors), { sent: false }),
      status,
    )
  }

  const rateLimit = (max: number) => ({
    max,
    timeWindow: limits.windowMs,
    hook: 'preHandler' as const,
    errorResponseBuilder: () => new RateLimited('rate limited'),
  })
  const formRoute = (form: Form, max: number) => ({
    config: { form, rateLimit: rateLimit(max) },
    preHandler: csrf.check,
  })

  site.setErrorHandler(async (error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const config = request.routeOptions.config as { form?: Form; formRefused?: FormRefusedPage }
    const form = config.form
    const city = request as CityRequest
    // Pages registered beside this file (seminars) show their own form again with the message.
    const refusal =
      error instanceof RateLimited
        ? 'error.tooMany'
        : error.code && CSRF_ERRORS.has(error.code)
          ? 'error.expired'
          : null
    if (config.formRefused && refusal) {
      return config.formRefused(request, reply, refusal, refusal === 'error.tooMany' ? 429 : 403)
    }
    if (form && error instanceof RateLimited) {
      return showForm(city, reply, form, [{ field: 'form', key: 'error.tooMany' }], 429)
    }
    if (form && error.code && CSRF_ERRORS.has(error.code)) {
      return showForm(city, reply, form, [{ field: 'form', key: 'error.expired' }], 403)
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.code(error.statusCode).type('text/plain; charset=utf-8').send(String(error.statusCode))
    }
    // Name and code only: the body may hold what a resident wrote.
    request.log.error({ err: { name: error.name, code: error.code } }, 'public page failed')
    const lang = language(request, reply)
    return reply.code(500).type('text/plain; charset=utf-8').send(translator(lang)('error.server'))
  })

  site.setNotFoundHandler((request, reply) => {
    const lang = language(request, reply)
    const ctx = {
      t: translator(lang),
      lang,
      city: { id: '', name: '' },
      base: '/soudan',
      css: CSS_URL,
      path: request.url.split('?')[0]!,
    }
    return html(reply, notFoundPage(ctx), 404)
  })

  site.get('/style.css', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('text/css; charset=utf-8').send(STYLESHEET),
  )
  site.get('/', (_request, reply) =>
    reply.redirect(`/soudan/${encodeURIComponent(deps.config.defaultCity)}/`),
  )
  site.get('/:city', (request: CityRequest, reply) =>
    reply.redirect(`/soudan/${encodeURIComponent(request.params.city)}/`),
  )

  site.get('/:city/', async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/')
    if (!ctx) return reply
    return html(reply, aboutPage(ctx, await service.windowInfo(ctx.city.id)))
  })

  site.get('/:city/write', async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/write')
    if (!ctx) return reply
    return html(reply, writePage(ctx, state(request, reply), { noticeOffered }))
  })

  site.post('/:city/write', formRoute('write', limits.open), async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/write')
    if (!ctx) return reply
    const read = readWriteForm(request.body, { noticeOffered })
    if (!read.ok) return showForm(request, reply, 'write', read.errors, 400)
    const city = ctx.city.id
    if (field(request.body, HONEYPOT) !== '') {
      // A robot filled the field people never see: store nothing, answer as if all went well.
      setPass(reply, city, { threadId: randomUUID(), code: newReferenceCode(), urgent: false })
    } else {
      const opened = await service.open(city, read.input, ctx.lang)
      setPass(reply, city, opened)
    }
    return reply.redirect(`${ctx.base}/done${read.input.noticeAddress ? '?notice=1' : ''}`, 303)
  })

  site.get('/:city/done', async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/done')
    if (!ctx) return reply
    const p = pass(request)
    if (!p) return html(reply, returnPage(ctx, state(request, reply), { note: ctx.t('thread.expired') }))
    const window = await service.windowInfo(ctx.city.id)
    const notice = (request.query as Record<string, string>).notice === '1'
    return html(reply, donePage(ctx, window, { code: p.code, urgent: p.urgent, notice }))
  })

  site.get('/:city/return', async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/return')
    if (!ctx) return reply
    const left = (request.query as Record<string, string>).left === '1'
    return html(reply, returnPage(ctx, state(request, reply), left ? { note: ctx.t('thread.left') } : {}))
  })

  site.post('/:city/return', formRoute('return', limits.comeBack), async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/return')
    if (!ctx) return reply
    const errors: FieldError[] = []
    if (field(request.body, 'code').trim() === '') errors.push({ field: 'code', key: 'error.codeRequired' })
    if (field(request.body, 'passphrase') === '')
      errors.push({ field: 'passphrase', key: 'error.passphraseRequired' })
    if (errors.length) return showForm(request, reply, 'return', errors, 400)
    const found = await service.comeBack(
      ctx.city.id,
      field(request.body, 'code'),
      field(request.body, 'passphrase'),
    )
    if (!found) {
      return html(reply, returnPage(ctx, state(request, reply, typed(request.body)), { failed: true }), 401)
    }
    const thread = await service.thread(ctx.city.id, found.threadId)
    setPass(reply, ctx.city.id, { threadId: found.threadId, code: thread!.code, urgent: thread!.urgent })
    return reply.redirect(`${ctx.base}/thread`, 303)
  })

  site.get('/:city/thread', async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/thread')
    if (!ctx) return reply
    const p = pass(request)
    const thread = p ? await service.thread(ctx.city.id, p.threadId) : null
    if (!p || !thread)
      return html(reply, returnPage(ctx, state(request, reply), { note: ctx.t('thread.expired') }))
    setPass(reply, ctx.city.id, { threadId: p.threadId, code: thread.code, urgent: thread.urgent })
    const window = await service.windowInfo(ctx.city.id)
    const sent = (request.query as Record<string, string>).sent === '1'
    return html(reply, threadPage(ctx, window, thread, state(request, reply), { sent }))
  })

  site.post('/:city/thread', formRoute('thread', limits.follow), async (request: CityRequest, reply) => {
    const ctx = await cityPage(request, reply, '/thread')
    if (!ctx) return reply
    const p = pass(request)
    if (!p) return html(reply, returnPage(ctx, state(request, reply), { note: ctx.t('thread.expired') }), 401)
    const read = readFollowUp(request.body)
    if (!read.ok) return showForm(request, reply, 'thread', read.errors, 400)
    const written = await service.writeAgain(ctx.city.id, p.threadId, read.body)
    if (written === null)
      return html(reply, returnPage(ctx, state(request, reply), { note: ctx.t('thread.expired') }), 401)
    if (written === 'closed') return reply.redirect(`${ctx.base}/thread`, 303)
    return reply.redirect(`${ctx.base}/thread?sent=1`, 303)
  })

  site.post('/:city/leave', formRoute('leave', limits.follow), async (request: CityRequest, reply) => {
    const base = `/soudan/${encodeURIComponent(request.params.city)}`
    reply.clearCookie(THREAD_COOKIE, { path: base, httpOnly: true, sameSite: 'strict', secure: 'auto' })
    return reply.redirect(`${base}/return?left=1`, 303)
  })

  const pageTools = {
    deps,
    cityPage: (request: FastifyRequest, reply: FastifyReply, path: string) =>
      cityPage(request as CityRequest, reply, path),
    html,
    state,
    formRoute: { config: { rateLimit: rateLimit(limits.open) }, preHandler: csrf.check },
  }
  registerSeminarPages(site, pageTools)
  registerSurveyPages(site, pageTools)
}
