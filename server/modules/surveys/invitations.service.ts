// One-time links for a target list (issue 12). Headquarters counts the list, then makes one link
// per recipient: mailed through the outbox where a mail address is recorded, otherwise returned
// once, with its QR code, for a printed letter. What is stored is a batch with counts and, per
// link, the token's hash — no name, no address and, unless the survey ties consented answers to
// cases, no case. The letters' names and addresses are read from the records for this answer only.
import { randomUUID } from 'node:crypto'
import QRCode from 'qrcode'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, invalid, notFound } from '#server/platform/errors.ts'
import { deriveLinkToken, linkTokenHash } from '#server/platform/link-token.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import type { SurveyTargetKind } from '#shared/codes.ts'
import type { SurveyLetter, TargetInput } from '#shared/contracts/survey-invitations.ts'
import * as links from './invitations.repository.ts'
import { findRecipients } from './survey-targets.sql.ts'
import { requireSurveyManager } from './surveys.policy.ts'
import * as repo from './surveys.repository.ts'

/** The residents' page a link opens; the token is its last segment (the request log redacts it). */
export function invitationUrl(publicUrl: string, tenantId: string, token: string): string {
  return `${publicUrl}/soudan/${encodeURIComponent(tenantId)}/surveys/a/${token}`
}

function checkPeriod(input: TargetInput) {
  if (input.to < input.from)
    throw invalid([{ field: 'to', message: '終了日は開始日以降の日付を入力してください' }])
}

const toBatch = (b: links.BatchRow, answered: number) => ({
  id: b.id,
  kind: b.targetKind as SurveyTargetKind,
  from: b.periodFrom,
  to: b.periodTo,
  mail: b.mailCount,
  letters: b.letterCount,
  answered,
  createdAt: b.createdAt.toISOString(),
})

export function createInvitationsService({ db, clock, config }: Pick<AppDeps, 'db' | 'clock' | 'config'>) {
  return {
    async count(actor: Actor, surveyId: string, input: TargetInput) {
      requireSurveyManager(actor)
      checkPeriod(input)
      if (!(await repo.findSurvey(db, actor.tenantId, surveyId))) throw notFound()
      const recipients = await findRecipients(db, actor.tenantId, input.kind, input.from, input.to)
      const mail = recipients.filter((r) => r.mail).length
      const made = await links.findBatch(db, actor.tenantId, surveyId, input.kind, input.from, input.to)
      await writeAudit(db, actor, clock.now(), {
        action: 'survey.targets_counted',
        recordType: 'survey',
        recordId: surveyId,
        detail: { kind: input.kind, from: input.from, to: input.to, total: recipients.length },
      })
      return {
        ...input,
        total: recipients.length,
        mail,
        letters: recipients.length - mail,
        alreadyMade: !!made,
      }
    },

    async list(actor: Actor, surveyId: string) {
      requireSurveyManager(actor)
      if (!(await repo.findSurvey(db, actor.tenantId, surveyId))) throw notFound()
      return (await links.findBatches(db, actor.tenantId, surveyId)).map((r) => toBatch(r.batch, r.answered))
    },

    async make(actor: Actor, surveyId: string, input: TargetInput) {
      requireSurveyManager(actor)
      checkPeriod(input)
      const now = clock.now()
      const made = await db.transaction(async (tx) => {
        const survey = await repo.findSurvey(tx, actor.tenantId, surveyId)
        if (!survey) throw notFound()
        if (survey.status !== 'published')
          throw conflict('回答用リンクは、アンケートを公開してから作成してください')
        const recipients = await findRecipients(tx, actor.tenantId, input.kind, input.from, input.to)
        if (recipients.length === 0) throw conflict('この対象と期間に当てはまる方がいません')
        const mailCount = recipients.filter((r) => r.mail).length
        const batch = await links.insertBatch(tx, {
          tenantId: actor.tenantId,
          surveyId,
          targetKind: input.kind,
          periodFrom: input.from,
          periodTo: input.to,
          mailCount,
          letterCount: recipients.length - mailCount,
          createdAt: now,
        })
        // Made before (or at this very moment by a colleague): the same people are not asked twice.
        if (!batch) throw conflict('この対象と期間の回答用リンクは作成済みです')
        const issued = recipients.map((r) => {
          const id = randomUUID()
          return {
            r,
            id,
            token: deriveLinkToken(config.sessionSecret, 'survey-invitation', actor.tenantId, id),
          }
        })
        await links.insertInvitations(
          tx,
          issued.map(({ r, id, token }) => ({
            tenantId: actor.tenantId,
            id,
            surveyId,
            batchId: batch.id,
            delivery: r.mail ? 'mail' : 'letter',
            tokenHash: linkTokenHash(token),
            caseId: survey.linkToCase ? r.caseId : null,
          })),
        )
        for (const { r, id } of issued)
          if (r.mail)
            await enqueueMail(tx, {
              tenantId: actor.tenantId,
              kind: 'survey_invitation',
              toAddress: r.mail,
              threadId: null,
              invitationId: id,
              now,
            })
        await writeAudit(tx, actor, now, {
          action: 'survey.invitations_made',
          recordType: 'survey',
          recordId: surveyId,
          detail: { batchId: batch.id, kind: input.kind, mail: batch.mailCount, letters: batch.letterCount },
        })
        return { batch, letters: issued.filter(({ r }) => !r.mail) }
      })
      const letters: SurveyLetter[] = []
      for (const { r, token } of made.letters) {
        const url = invitationUrl(config.publicUrl, actor.tenantId, token)
        letters.push({
          addressee: r.name,
          address: r.address,
          url,
          qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
        })
      }
      return { batch: toBatch(made.batch, 0), letters }
    },
  }
}

export type InvitationsService = ReturnType<typeof createInvitationsService>
