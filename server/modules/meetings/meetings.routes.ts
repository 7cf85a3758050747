import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { route } from '#server/platform/http.ts'
import { problemSchema } from '#shared/contracts/define.ts'
import * as contract from '#shared/contracts/meetings.ts'
import type { MeetingsService } from './meetings.service.ts'

export function registerMeetingRoutes(app: FastifyInstance, meetings: MeetingsService) {
  route(app, contract.listMeetings, ({ actor, query }) => meetings.list(actor, query))
  route(app, contract.createMeeting, ({ actor, body }) => meetings.create(actor, body))
  route(app, contract.getMeetingDefaults, ({ actor }) => meetings.defaults(actor))
  route(app, contract.getMeeting, ({ actor, params }) => meetings.get(actor, params.meetingId))
  route(app, contract.getMeetingPapers, ({ actor, params, query }) =>
    meetings.papers(actor, params.meetingId, query.for),
  )
  route(app, contract.updateMeeting, ({ actor, params, body }) =>
    meetings.update(actor, params.meetingId, body),
  )
  route(app, contract.deleteMeeting, ({ actor, params }) => meetings.remove(actor, params.meetingId))
  route(app, contract.markMeetingHeld, ({ actor, params }) => meetings.markHeld(actor, params.meetingId))
  route(app, contract.getMeetingCandidates, ({ actor, params }) =>
    meetings.candidates(actor, params.meetingId),
  )
  route(app, contract.addAgendaItem, ({ actor, params, body }) =>
    meetings.addAgendaItem(actor, params.meetingId, body),
  )
  route(app, contract.getAgendaCase, ({ actor, params }) =>
    meetings.agendaCase(actor, params.meetingId, params.caseId),
  )
  route(app, contract.removeAgendaItem, ({ actor, params }) =>
    meetings.removeAgendaItem(actor, params.meetingId, params.caseId),
  )
  route(app, contract.reorderAgenda, ({ actor, params, body }) =>
    meetings.reorderAgenda(actor, params.meetingId, body.caseIds),
  )
  route(app, contract.getInvitable, ({ actor, params }) => meetings.invitable(actor, params.meetingId))
  route(app, contract.createAgency, ({ actor, body }) => meetings.createAgency(actor, body.name))
  route(app, contract.setAttendees, ({ actor, params, body }) =>
    meetings.setAttendees(actor, params.meetingId, body),
  )
  route(app, contract.acknowledgeMeeting, ({ actor, params, body }) =>
    meetings.acknowledge(actor, params.meetingId, body.textVersion),
  )
  route(app, contract.recordDecision, ({ actor, params, body }) =>
    meetings.decide(actor, params.meetingId, params.caseId, body),
  )
  route(app, contract.saveDraft, ({ actor, params, body }) =>
    meetings.saveDraft(actor, params.meetingId, params.caseId, body),
  )
  route(app, contract.listCaseReviews, ({ actor, params }) => meetings.caseReviews(actor, params.id))

  // The minutes are binary, so they are a plain route; it still needs a session and is audited.
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: contract.MEETING_MINUTES_XLSX_PATH,
    schema: {
      summary: 'The minutes (議事録) of a meeting as an Excel workbook (the ward’s coordinator and staff)',
      tags: ['meetings'],
      params: z.object({ meetingId: z.uuid({ error: '識別子の形式が正しくありません' }) }),
      produces: [contract.MEETING_MINUTES_XLSX_TYPE],
      response: { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
    },
    preHandler: [app.authenticate],
    handler: async (request, typedReply) => {
      const reply = typedReply as FastifyReply
      const { meetingNo, body } = await meetings.minutes(request.actor!, request.params.meetingId)
      return (
        reply
          .type(contract.MEETING_MINUTES_XLSX_TYPE)
          // An imported meeting number may hold any character: the plain name stays ASCII.
          .header(
            'content-disposition',
            `attachment; filename="minutes.xlsx"; filename*=UTF-8''${encodeURIComponent(`minutes_${meetingNo}.xlsx`)}`,
          )
          .header('cache-control', 'no-store')
          .send(body)
      )
    },
  })
}
