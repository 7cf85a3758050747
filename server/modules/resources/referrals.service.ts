import type { z } from 'zod'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/resources.ts'
import { tokyoDate } from '#shared/dates.ts'
import * as referralsRepo from './referrals.repository.ts'
import { toReferral } from './resources.dto.ts'
import * as resourcesRepo from './resources.repository.ts'

type AddInput = z.output<NonNullable<typeof contract.addReferral.body>>
type UpdateInput = z.output<NonNullable<typeof contract.updateReferral.body>>

const RESOURCE_NOT_FOUND = '社会資源が見つかりません。一覧から選択してください'
const RESOURCE_INACTIVE = '利用を終了した社会資源にはつなげません。別の社会資源を選択してください'
const OUTCOME_DATE_REQUIRED = '結果の日付を入力してください'
const BEFORE_REFERRAL = 'つないだ日より前の日付です'
const FUTURE_DATE = '未来の日付は入力できません'

const resourceLabel = (r: { resourceNo: string; name: string }) => `${r.resourceNo} ${r.name}`

/**
 * つなぎ: who may read a case (the cases module's scope: window, ward, lead worker) reads and
 * records its referrals. Headquarters and administrators have no case scope, so they get 404
 * like anyone outside it.
 */
export function createReferralsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        await caseRecords.findReadable(tx, actor, caseId)
        const rows = await referralsRepo.findReferralsOfCase(tx, actor.tenantId, caseId)
        await writeAudit(tx, actor, clock.now(), {
          action: 'referral.list',
          recordType: 'case',
          recordId: caseId,
          detail: { count: rows.length },
        })
        return rows.map(toReferral)
      })
    },

    async add(actor: Actor, caseId: string, input: AddInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const theCase = await caseRecords.findReadable(tx, actor, caseId)
        const errors = new FieldErrors()
        const resource = await resourcesRepo.findResource(tx, actor.tenantId, input.resourceId)
        if (!resource) errors.add('resourceId', RESOURCE_NOT_FOUND)
        else if (!resource.active) errors.add('resourceId', RESOURCE_INACTIVE)
        caseRecords.checkDate(errors, 'referredOn', input.referredOn, tokyoDate(now), theCase.openedOn)
        errors.throwIfAny()
        const row = await referralsRepo.insertReferral(tx, {
          tenantId: actor.tenantId,
          caseId,
          resourceId: input.resourceId,
          referredOn: input.referredOn,
          outcome: 'arranging',
          note: input.note,
          accountId: actor.accountId,
          createdAt: now,
          updatedAt: now,
        })
        await caseRecords.recordEvent(tx, actor, now, caseId, 'referral_added', [
          { field: 'referral.resource', from: null, to: resourceLabel(resource!) },
          { field: 'referral.referredOn', from: null, to: input.referredOn },
          { field: 'referral.outcome', from: null, to: 'arranging' },
          ...(input.note ? [{ field: 'referral.note', from: null, to: input.note }] : []),
        ])
        await writeAudit(tx, actor, now, {
          action: 'referral.create',
          recordType: 'referral',
          recordId: row.id,
          detail: { caseId, resourceId: input.resourceId },
        })
        return toReferral((await referralsRepo.findReferral(tx, actor.tenantId, caseId, row.id))!)
      })
    },

    /** The outcome (and its date) once known; 調整中 again clears the date. */
    async update(actor: Actor, caseId: string, referralId: string, input: UpdateInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        await caseRecords.findReadable(tx, actor, caseId)
        const before = await referralsRepo.findReferral(tx, actor.tenantId, caseId, referralId)
        if (!before) throw refused('referral', referralId)
        const errors = new FieldErrors()
        const outcomeOn = input.outcome === 'arranging' ? null : input.outcomeOn
        if (input.outcome !== 'arranging') {
          if (!outcomeOn) errors.add('outcomeOn', OUTCOME_DATE_REQUIRED)
          else if (outcomeOn > tokyoDate(now)) errors.add('outcomeOn', FUTURE_DATE)
          else if (outcomeOn < before.referredOn) errors.add('outcomeOn', BEFORE_REFERRAL)
        }
        errors.throwIfAny()
        const after = {
          outcome: input.outcome,
          outcomeOn,
          note: input.note === undefined ? before.note : input.note,
        }
        const changes = (['outcome', 'outcomeOn', 'note'] as const)
          .filter((f) => after[f] !== before[f])
          .map((f) => ({ field: `referral.${f}`, from: before[f], to: after[f] }))
        if (changes.length > 0) {
          // The resource names the referral in the history; it does not change.
          const label = resourceLabel({ resourceNo: before.resourceNo, name: before.resourceName })
          await referralsRepo.updateReferralRow(tx, actor.tenantId, referralId, { ...after, updatedAt: now })
          await caseRecords.recordEvent(tx, actor, now, caseId, 'referral_updated', [
            { field: 'referral.resource', from: label, to: label },
            ...changes,
          ])
        }
        await writeAudit(tx, actor, now, {
          action: 'referral.update',
          recordType: 'referral',
          recordId: referralId,
          detail: { caseId, fields: changes.map((c) => c.field.replace(/^referral\./, '')) },
        })
        return toReferral((await referralsRepo.findReferral(tx, actor.tenantId, caseId, referralId))!)
      })
    },
  }
}

export type ReferralsService = ReturnType<typeof createReferralsService>
