import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { invalid, isUniqueViolation, notFound } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import { type CodeList, findWard, RESOURCE_CATEGORIES, RESOURCE_SERVES } from '#shared/codes.ts'
import type * as contract from '#shared/contracts/resources.ts'
import { countsByResource, emptyCounts, toResource } from './resources.dto.ts'
import { requireDirectoryMaintainer, seesWholeDirectory } from './resources.policy.ts'
import * as repo from './resources.repository.ts'

type ListQuery = z.output<NonNullable<typeof contract.listResources.query>>
type CreateInput = z.output<NonNullable<typeof contract.createResource.body>>
type UpdateInput = z.output<NonNullable<typeof contract.updateResource.body>>

const WARD_NOT_FOUND = '区が見つかりません。一覧から選択してください'
const NO_TAKEN = 'この資源番号はすでに使われています'

/** A ward typed as its code or its name (with or without 区/支所); undefined when the city has none such. */
async function resolveWard(db: Db, tenantId: string, input: string): Promise<string | undefined> {
  const cityWards = await orgRecords.wards(db, tenantId)
  const text = input.trim()
  const stem = (s: string) => s.replace(/(区役所|支所|区)$/u, '')
  const code = findWard(text) ?? cityWards.find((w) => w.code === text || stem(w.name) === stem(text))?.code
  return cityWards.some((w) => w.code === code) ? code : undefined
}

/**
 * The write, or the number-taken field error when a concurrent request took the same resource
 * number between our check and our write (the unique index decides).
 */
async function writeOrTaken<T>(write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (error) {
    if (isUniqueViolation(error, 'resources_no_idx'))
      throw invalid([{ field: 'resourceNo', message: NO_TAKEN }])
    throw error
  }
}

function uniqueYears(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b)
}

/** Codes once each, in the order of their list (as the form and the ledger list them). */
function inListOrder<C extends string>(list: CodeList<C>, values: readonly C[]): C[] {
  return list.map((c) => c.code).filter((c) => values.includes(c))
}

async function viewWithCounts(db: Db, tenantId: string, id: string) {
  const view = await repo.findResource(db, tenantId, id)
  if (!view) throw notFound()
  const counts = countsByResource(await repo.countReferralsByOutcome(db, tenantId, [id]))
  return toResource(view, counts.get(id) ?? emptyCounts())
}

export function createResourcesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    /** The directory holds no personal data, so reading it is not audited. */
    async list(actor: Actor, query: ListQuery) {
      const whole = seesWholeDirectory(actor)
      let ward: string | undefined
      if (query.ward) {
        ward = query.ward === 'citywide' ? 'citywide' : await resolveWard(db, actor.tenantId, query.ward)
        if (!ward) throw invalid([{ field: 'ward', message: WARD_NOT_FOUND }])
      }
      const { rows, total } = await repo.findResources(db, actor.tenantId, {
        q: query.q || undefined,
        category: query.category,
        serves: query.serves,
        ward,
        subsidised: query.subsidised === undefined ? undefined : query.subsidised === 'true',
        includeInactive: whole && query.includeInactive === 'true',
        page: query.page,
        pageSize: query.pageSize,
      })
      const counts = whole
        ? countsByResource(
            await repo.countReferralsByOutcome(
              db,
              actor.tenantId,
              rows.map((r) => r.id),
            ),
          )
        : undefined
      return {
        items: rows.map((r) => toResource(r, counts ? (counts.get(r.id) ?? emptyCounts()) : null)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    /** Any resource by id (one taken out of the directory stays readable for its referrals). */
    async get(actor: Actor, id: string) {
      return viewWithCounts(db, actor.tenantId, id)
    },

    async create(actor: Actor, input: CreateInput) {
      requireDirectoryMaintainer(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const errors = new FieldErrors()
        let ward: string | null = null
        if (input.ward) {
          ward = (await resolveWard(tx, actor.tenantId, input.ward)) ?? null
          if (!ward) errors.add('ward', WARD_NOT_FOUND)
        }
        if (input.resourceNo && (await repo.resourceNoTaken(tx, actor.tenantId, input.resourceNo))) {
          errors.add('resourceNo', NO_TAKEN)
        }
        errors.throwIfAny()
        let resourceNo = input.resourceNo
        while (!resourceNo) {
          const n = await repo.nextResourceSequence(tx, actor.tenantId)
          const candidate = `R-${String(n).padStart(4, '0')}`
          if (!(await repo.resourceNoTaken(tx, actor.tenantId, candidate))) resourceNo = candidate
        }
        const row = await writeOrTaken(
          repo.insertResource(tx, {
            tenantId: actor.tenantId,
            resourceNo,
            name: input.name,
            categories: inListOrder(RESOURCE_CATEGORIES, input.categories),
            serves: inListOrder(RESOURCE_SERVES, input.serves),
            ward,
            subsidyFiscalYears: uniqueYears(input.subsidyFiscalYears),
            contact: input.contact,
            description: input.description,
            active: true,
            createdAt: now,
            updatedAt: now,
          }),
        )
        await writeAudit(tx, actor, now, {
          action: 'resource.create',
          recordType: 'resource',
          recordId: row.id,
          detail: { resourceNo },
        })
        return viewWithCounts(tx, actor.tenantId, row.id)
      })
    },

    /** Only the fields sent change; `active` takes a resource out of the directory or back. */
    async update(actor: Actor, id: string, input: UpdateInput) {
      requireDirectoryMaintainer(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await repo.findResource(tx, actor.tenantId, id)
        if (!before) throw notFound()
        const errors = new FieldErrors()
        const values: Partial<repo.ResourceRow> = {}
        if (input.resourceNo !== undefined) {
          if (await repo.resourceNoTaken(tx, actor.tenantId, input.resourceNo, id)) {
            errors.add('resourceNo', NO_TAKEN)
          }
          values.resourceNo = input.resourceNo
        }
        if (input.name !== undefined) values.name = input.name
        if (input.categories) values.categories = inListOrder(RESOURCE_CATEGORIES, input.categories)
        if (input.serves) values.serves = inListOrder(RESOURCE_SERVES, input.serves)
        if (input.subsidyFiscalYears) values.subsidyFiscalYears = uniqueYears(input.subsidyFiscalYears)
        if (input.ward !== undefined) {
          values.ward = input.ward ? ((await resolveWard(tx, actor.tenantId, input.ward)) ?? null) : null
          if (input.ward && !values.ward) errors.add('ward', WARD_NOT_FOUND)
        }
        if (input.contact !== undefined) values.contact = input.contact || null
        if (input.description !== undefined) values.description = input.description || null
        if (input.active !== undefined) values.active = input.active
        errors.throwIfAny()
        const fields = (Object.keys(values) as (keyof repo.ResourceRow)[]).filter(
          (k) => JSON.stringify(values[k]) !== JSON.stringify(before[k]),
        )
        if (fields.length > 0) {
          await writeOrTaken(repo.updateResourceRow(tx, actor.tenantId, id, { ...values, updatedAt: now }))
        }
        await writeAudit(tx, actor, now, {
          action: 'resource.update',
          recordType: 'resource',
          recordId: id,
          detail: { fields },
        })
        return viewWithCounts(tx, actor.tenantId, id)
      })
    },
  }
}

export type ResourcesService = ReturnType<typeof createResourcesService>
