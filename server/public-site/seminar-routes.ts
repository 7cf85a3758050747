// The families' seminar pages (issue 12), in the public site's plugin so that they share its city
// scope, CSRF protection, languages and error pages:
//   /soudan/<city>/seminars            coming seminars
//   /soudan/<city>/seminars/<id>       the registration form; POST registers, then →
//   /soudan/<city>/seminars/r/<token>  the registration's own page (its link): state; POST cancels
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createFamilyService } from '#server/modules/seminars/index.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import type { FieldError } from './form-input.ts'
import type { FormRefusedPage } from './routes.ts'
import { readSeminarForm } from './seminar-form.ts'
import type { FormState } from './views/form.ts'
import type { PageContext } from './views/layout.ts'
import { notFoundPage } from './views/pages.ts'
import { registrationPage, seminarFormPage, seminarListPage } from './views/seminars.ts'

type Req = FastifyRequest<{ Params: { city: string; id?: string; token?: string } }>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

export interface SeminarPageTools {
  deps: AppDeps
  cityPage(request: Req, reply: FastifyReply, path: string): Promise<PageContext | null>
  html(reply: FastifyReply, page: string, status?: number): FastifyReply
  state(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, string>,
    errors?: FieldError[],
  ): FormState
  /** CSRF check and the per-address limit of a form post. */
  formRoute: object
}

export function registerSeminarPages(site: FastifyInstance, tools: SeminarPageTools) {
  const { cityPage, html, state } = tools
  const family = createFamilyService(tools.deps.db, tools.deps.clock)
  const typed = (body: unknown) => {
    const values: Record<string, string> = {}
    for (const k of ['name', 'attendees', 'email', 'phone', 'childcare', 'sign', 'note']) {
      const v = (body as Record<string, unknown> | null)?.[k]
      values[k] = typeof v === 'string' ? v : ''
    }
    return values
  }

  site.get('/:city/seminars', async (request: Req, reply) => {
    const ctx = await cityPage(request, reply, '/seminars')
    if (!ctx) return reply
    return html(reply, seminarListPage(ctx, await family.upcoming(ctx.city.id)))
  })

  async function seminarOf(request: Req, reply: FastifyReply) {
    const id = request.params.id ?? ''
    const ctx = await cityPage(request, reply, `/seminars/${id}`)
    if (!ctx) return null
    const seminar = UUID.test(id) ? await family.seminar(ctx.city.id, id) : undefined
    if (!seminar) {
      html(reply, notFoundPage(ctx), 404)
      return null
    }
    return { ctx, seminar }
  }

  site.get('/:city/seminars/:id', async (request: Req, reply) => {
    const found = await seminarOf(request, reply)
    if (!found) return reply
    return html(reply, seminarFormPage(found.ctx, found.seminar, state(request, reply)))
  })

  /** The form post's route options with the page that answers a refused post (see routes.ts). */
  const refusedBy = (formRefused: FormRefusedPage): object => {
    const base = tools.formRoute as { config?: object }
    return { ...base, config: { ...base.config, formRefused } }
  }

  // An expired form (its CSRF token) or too many posts: the form again, filled with what the
  // family typed, the message at the top and a fresh token, instead of a bare status.
  const registrationRefused: FormRefusedPage = async (request, reply, key, status) => {
    const found = await seminarOf(request as Req, reply)
    if (!found) return reply
    const errors: FieldError[] = [{ field: 'form', key }]
    const page = seminarFormPage(found.ctx, found.seminar, state(request, reply, typed(request.body), errors))
    return html(reply, page, status)
  }

  const cancelRefused: FormRefusedPage = async (request, reply, key, status) => {
    const found = await registrationOf(request as Req, reply)
    if (!found) return reply
    const page = registrationPage(found.ctx, found.view, state(request, reply).csrf, [{ field: 'form', key }])
    return html(reply, page, status)
  }

  site.post('/:city/seminars/:id', refusedBy(registrationRefused), async (request: Req, reply) => {
    const found = await seminarOf(request, reply)
    if (!found) return reply
    const read = readSeminarForm(request.body)
    if (!read.ok) {
      const page = seminarFormPage(
        found.ctx,
        found.seminar,
        state(request, reply, typed(request.body), read.errors),
      )
      return html(reply, page, 400)
    }
    const { token } = await family.register(found.ctx.city.id, found.seminar.id, read.input)
    return reply.redirect(`${found.ctx.base}/seminars/r/${token}`, 303)
  })

  async function registrationOf(request: Req, reply: FastifyReply) {
    const token = request.params.token ?? ''
    const ctx = await cityPage(request, reply, `/seminars/r/${token}`)
    if (!ctx) return null
    const view = TOKEN.test(token) ? await family.byToken(ctx.city.id, token) : undefined
    if (!view) {
      html(reply, notFoundPage(ctx), 404)
      return null
    }
    return { ctx, token, view }
  }

  site.get('/:city/seminars/r/:token', async (request: Req, reply) => {
    const found = await registrationOf(request, reply)
    if (!found) return reply
    return html(reply, registrationPage(found.ctx, found.view, state(request, reply).csrf))
  })

  site.post('/:city/seminars/r/:token', refusedBy(cancelRefused), async (request: Req, reply) => {
    const found = await registrationOf(request, reply)
    if (!found) return reply
    await family.cancel(found.ctx.city.id, found.token)
    return reply.redirect(`${found.ctx.base}/seminars/r/${found.token}`, 303)
  })
}
