import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { notFound } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/inquiries.ts'
import type { InquiryTemplate } from '#shared/contracts/inquiries.ts'
import { requireInboxRole } from './inbox.policy.ts'
import * as repo from './templates.repository.ts'

type CreateInput = z.output<NonNullable<typeof contract.createInquiryTemplate.body>>
type UpdateInput = z.output<NonNullable<typeof contract.updateInquiryTemplate.body>>

function toTemplate(row: Awaited<ReturnType<typeof repo.findTemplate>> & object): InquiryTemplate {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    sortOrder: row.sortOrder,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * 定型文: kept by the window's counsellors who reply with them. They hold no one's personal data,
 * so reading them is not audited; changes are, with the fields changed.
 */
export function createTemplatesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor, includeInactive: boolean) {
      requireInboxRole(actor)
      return (await repo.findTemplates(db, actor.tenantId, includeInactive)).map(toTemplate)
    },

    async create(actor: Actor, input: CreateInput) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await repo.insertTemplate(tx, { tenantId: actor.tenantId, ...input, updatedAt: now })
        await writeAudit(tx, actor, now, {
          action: 'inquiry_template.create',
          recordType: 'inquiry_template',
          recordId: row.id,
        })
        return toTemplate(row)
      })
    },

    /** Deactivating (active: false) keeps the template for the record and takes it out of the picker. */
    async update(actor: Actor, id: string, input: UpdateInput) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
        const row = await repo.updateTemplate(tx, actor.tenantId, id, { ...sent, updatedAt: now })
        if (!row) throw notFound()
        await writeAudit(tx, actor, now, {
          action: 'inquiry_template.update',
          recordType: 'inquiry_template',
          recordId: id,
          detail: { fields: Object.keys(sent) },
        })
        return toTemplate(row)
      })
    },
  }
}

export type TemplatesService = ReturnType<typeof createTemplatesService>
