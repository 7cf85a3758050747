// Surveys on the residents' pages (issue 12), in the public site's plugin for its city scope,
// CSRF protection, languages and error pages:
//   /soudan/<city>/surveys/<id>        a published survey's form; POST stores an anonymous answer
//   /soudan/<city>/surveys/<id>/done   thanks
//   /soudan/<city>/surveys/a/<token>   a one-time link's form (mail, letter QR); it posts to
//   /soudan/<city>/surveys/a           with the token in the body, so the answer's request never
//                                      carries it in its path (the log redacts it in the GET's)
// A survey that is not published, or outside its period, shows the closed page (404).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { answerInvitation, answerSurvey, openInvitation, openSurvey } from '#server/modules/surveys/index.ts'
import { field } from './form-input.ts'
import type { SeminarPageTools } from './seminar-routes.ts'
import { readSurveyForm } from './survey-form.ts'
import { surveyClosedPage, surveyDonePage, surveyLinkUsedPage, surveyPage } from './views/survey.ts'

type Req = FastifyRequest<{ Params: { city: string; id: string } }>
type LinkReq = FastifyRequest<{ Params: { city: string; token?: string } }>
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** What the resident ticked and typed, to fill the form again after an error. */
function typed(body: unknown): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [k, v] of Object.entries((body as Record<string, unknown> | null) ?? {}))
    if (/^(q\d+(-\d+|-other)?|agree)$/.test(k) && typeof v === 'string') values[k] = v
  return values
}

export function registerSurveyPages(site: FastifyInstance, tools: SeminarPageTools) {
  const { cityPage, html, state, deps } = tools

  async function surveyOf(request: Req, reply: Parameters<SeminarPageTools['html']>[0], path: string) {
    const ctx = await cityPage(request as never, reply, path)
    if (!ctx) return null
    const id = request.params.id
    const survey = UUID.test(id) ? await openSurvey(deps.db, deps.clock, ctx.city.id, id) : null
    if (!survey) {
      html(reply, surveyClosedPage(ctx), 404)
      return null
    }
    return { ctx, survey }
  }

  site.get('/:city/surveys/:id', async (request: Req, reply) => {
    const found = await surveyOf(request, reply, `/surveys/${request.params.id}`)
    if (!found) return reply
    return html(reply, surveyPage(found.ctx, found.survey, state(request, reply)))
  })

  site.post('/:city/surveys/:id', tools.formRoute, async (request: Req, reply) => {
    const found = await surveyOf(request, reply, `/surveys/${request.params.id}`)
    if (!found) return reply
    const read = readSurveyForm(found.survey, request.body)
    if (!read.ok) {
      const page = surveyPage(
        found.ctx,
        found.survey,
        state(request, reply, typed(request.body), read.errors),
      )
      return html(reply, page, 400)
    }
    const stored = await answerSurvey(deps.db, deps.clock, found.ctx.city.id, found.survey.id, read.answers)
    if (!stored) return html(reply, surveyClosedPage(found.ctx), 404)
    return reply.redirect(`${found.ctx.base}/surveys/${found.survey.id}/done`, 303)
  })

  site.get('/:city/surveys/:id/done', async (request: Req, reply) => {
    const ctx = await cityPage(request as never, reply, `/surveys/${request.params.id}/done`)
    if (!ctx) return reply
    return html(reply, surveyDonePage(ctx))
  })

  site.get('/:city/surveys/a/:token', async (request: LinkReq, reply) => {
    const token = request.params.token ?? ''
    const ctx = await cityPage(request as never, reply, `/surveys/a/${token}`)
    if (!ctx) return reply
    const survey = TOKEN.test(token) ? await openInvitation(deps.db, deps.clock, ctx.city.id, token) : null
    if (!survey) return html(reply, surveyLinkUsedPage(ctx), 404)
    return html(reply, surveyPage(ctx, survey, state(request, reply), { link: token }))
  })

  site.post('/:city/surveys/a', tools.formRoute, async (request: LinkReq, reply) => {
    const ctx = await cityPage(request as never, reply, '/surveys/a')
    if (!ctx) return reply
    const token = field(request.body, 'link')
    const survey = TOKEN.test(token) ? await openInvitation(deps.db, deps.clock, ctx.city.id, token) : null
    if (!survey) return html(reply, surveyLinkUsedPage(ctx), 404)
    const read = readSurveyForm(survey, request.body)
    if (!read.ok) {
      const page = surveyPage(ctx, survey, state(request, reply, typed(request.body), read.errors), {
        link: token,
      })
      return html(reply, page, 400)
    }
    const agreed = field(request.body, 'agree') !== ''
    const outcome = await answerInvitation(deps.db, deps.clock, ctx.city.id, token, read.answers, agreed)
    if (outcome === 'used') return html(reply, surveyLinkUsedPage(ctx), 409)
    if (outcome === 'closed') return html(reply, surveyClosedPage(ctx), 404)
    return reply.redirect(`${ctx.base}/surveys/${survey.id}/done`, 303)
  })
}
