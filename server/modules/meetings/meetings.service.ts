import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import { addAgendaItem, listCandidates, removeAgendaItem, reorderAgenda } from './agenda.ts'
import { acknowledgeMeeting, createAgency, listInvitable, setAttendees } from './attendance.ts'
import { listCaseReviews, recordDecision } from './decisions.ts'
import { saveDraft } from './drafts.ts'
import { downloadMinutes } from './minutes.ts'
import { meetingPapers } from './papers.ts'
import {
  createMeeting,
  deleteMeeting,
  getAgendaCase,
  getMeeting,
  getMeetingDefaults,
  listMeetings,
  markMeetingHeld,
  updateMeeting,
} from './schedule-meetings.ts'

type Body<C extends { body?: z.ZodType }> = z.output<NonNullable<C['body']>>

/** The module's use cases; each authorises, runs in one transaction and audits. */
export function createMeetingsService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    list: (actor: Actor, query: z.output<NonNullable<typeof contract.listMeetings.query>>) =>
      listMeetings(deps, actor, query),
    create: (actor: Actor, input: Body<typeof contract.createMeeting>) => createMeeting(deps, actor, input),
    defaults: (actor: Actor) => getMeetingDefaults(deps, actor),
    get: (actor: Actor, meetingId: string) => getMeeting(deps, actor, meetingId),
    papers: (actor: Actor, meetingId: string, audience: string) =>
      meetingPapers(deps, actor, meetingId, audience),
    agendaCase: (actor: Actor, meetingId: string, caseId: string) =>
      getAgendaCase(deps, actor, meetingId, caseId),
    update: (actor: Actor, meetingId: string, input: Body<typeof contract.updateMeeting>) =>
      updateMeeting(deps, actor, meetingId, input),
    remove: (actor: Actor, meetingId: string) => deleteMeeting(deps, actor, meetingId),
    markHeld: (actor: Actor, meetingId: string) => markMeetingHeld(deps, actor, meetingId),
    candidates: (actor: Actor, meetingId: string) => listCandidates(deps, actor, meetingId),
    addAgendaItem: (actor: Actor, meetingId: string, input: Body<typeof contract.addAgendaItem>) =>
      addAgendaItem(deps, actor, meetingId, input),
    removeAgendaItem: (actor: Actor, meetingId: string, caseId: string) =>
      removeAgendaItem(deps, actor, meetingId, caseId),
    reorderAgenda: (actor: Actor, meetingId: string, caseIds: string[]) =>
      reorderAgenda(deps, actor, meetingId, caseIds),
    invitable: (actor: Actor, meetingId: string) => listInvitable(deps, actor, meetingId),
    createAgency: (actor: Actor, name: string) => createAgency(deps, actor, name),
    setAttendees: (actor: Actor, meetingId: string, input: Body<typeof contract.setAttendees>) =>
      setAttendees(deps, actor, meetingId, input.attendees),
    acknowledge: (actor: Actor, meetingId: string, textVersion?: number | null) =>
      acknowledgeMeeting(deps, actor, meetingId, textVersion),
    decide: (actor: Actor, meetingId: string, caseId: string, input: Body<typeof contract.recordDecision>) =>
      recordDecision(deps, actor, meetingId, caseId, input),
    saveDraft: (actor: Actor, meetingId: string, caseId: string, input: Body<typeof contract.saveDraft>) =>
      saveDraft(deps, actor, meetingId, caseId, input),
    caseReviews: (actor: Actor, caseId: string) => listCaseReviews(deps, actor, caseId),
    minutes: (actor: Actor, meetingId: string) => downloadMinutes(deps, actor, meetingId),
  }
}

export type MeetingsService = ReturnType<typeof createMeetingsService>
