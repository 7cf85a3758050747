import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as links from '#shared/contracts/survey-invitations.ts'
import * as contract from '#shared/contracts/surveys.ts'
import type { InvitationsService } from './invitations.service.ts'
import type { SurveyResponsesService } from './responses.service.ts'
import type { SurveysService } from './surveys.service.ts'

export function registerSurveyRoutes(
  app: FastifyInstance,
  surveys: SurveysService,
  responses: SurveyResponsesService,
  invitations: InvitationsService,
) {
  route(app, contract.listSurveys, ({ actor }) => surveys.list(actor))
  route(app, contract.getSurvey, ({ actor, params }) => surveys.get(actor, params.id))
  route(app, contract.createSurvey, ({ actor, body }) => surveys.create(actor, body))
  route(app, contract.updateSurvey, ({ actor, params, body }) => surveys.update(actor, params.id, body))
  route(app, contract.setSurveyStatus, ({ actor, params, body }) =>
    surveys.setStatus(actor, params.id, body.status),
  )
  route(app, contract.copySurvey, ({ actor, params }) => surveys.copy(actor, params.id))
  route(app, contract.listSurveyTemplates, ({ actor }) => surveys.templates(actor))
  route(app, contract.copySurveyTemplate, ({ actor, body }) => surveys.copyTemplate(actor, body.key))
  route(app, contract.addPaperResponse, ({ actor, params, body }) =>
    responses.addPaper(actor, params.id, body),
  )
  route(app, contract.getSurveyResults, ({ actor, params }) => responses.results(actor, params.id))
  route(app, contract.redactSurveyText, ({ actor, params, body }) => responses.redact(actor, params.id, body))
  route(app, links.countSurveyTargets, ({ actor, params, query }) =>
    invitations.count(actor, params.id, query),
  )
  route(app, links.makeSurveyInvitations, ({ actor, params, body }) =>
    invitations.make(actor, params.id, body),
  )
  route(app, links.listSurveyInvitations, ({ actor, params }) => invitations.list(actor, params.id))
}
