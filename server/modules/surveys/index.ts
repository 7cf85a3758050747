// アンケート: headquarters builds surveys (or copies the evaluation's three), types in paper answers
// and reads the results; answers are anonymous and feed the report's 表4–表8 like imported ones.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { createInvitationsService } from './invitations.service.ts'
import { createSurveyResponsesService } from './responses.service.ts'
import { registerSurveyRoutes } from './surveys.routes.ts'
import { createSurveysService } from './surveys.service.ts'

export function surveysModule(app: FastifyInstance, deps: AppDeps) {
  registerSurveyRoutes(
    app,
    createSurveysService(deps),
    createSurveyResponsesService(deps),
    createInvitationsService(deps),
  )
}
export { invitationUrl } from './invitations.service.ts'
export {
  answerInvitation,
  answerSurvey,
  openInvitation,
  openSurvey,
  type PublicSurvey,
} from './public-answers.ts'
export { type SurveyChoice, surveyChoices } from './survey-choices.ts'
export { requireSurveyManager } from './surveys.policy.ts'
