import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { AppError, refused } from '#server/platform/errors.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import type * as contract from '#shared/contracts/cases.ts'
import { addDays, startOfWeek, tokyoDate } from '#shared/dates.ts'
import { resolveWard } from './case-rules.ts'
import { toCaseDetail, toCaseEvent, toCaseSummary, toSimilarCandidate } from './cases.dto.ts'
import { caseScopeOf, requireCaseScope, requireIntakeScope } from './cases.policy.ts'
import * as repo from './cases.repository.ts'
import * as search from './cases.search.repository.ts'
import { decodeCursor } from './list-cursor.ts'
import { searchTermsOf } from './search-terms.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type ListQuery = z.output<NonNullable<typeof contract.listCases.query>>
type WorklistQuery = z.output<NonNullable<typeof contract.getWorklist.query>>
type SimilarQuery = z.output<NonNullable<typeof contract.findSimilarCases.query>>

export const DEFAULT_NO_CONTACT_DAYS = 14
/** A search's list is ranked (at most 500 cases) and paged by number only. */
const AFTER_WITH_Q = '検索語（q）を指定した一覧では after を使えません。ページ番号で移動してください'
const FILTER_NAMES = [
  'status',
  'ageBand',
  'ward',
  'urgency',
  'firstConsulter',
  'staffId',
  'openedFrom',
  'openedTo',
  'q',
  'flag8050',
] as const

/**
 * The list and its audit row run on `db` itself, not in a transaction: a read's answer leaves
 * only after its audit row is committed (the writeAudit call returns), which is what the
 * transaction guaranteed — at READ COMMITTED each statement takes its own snapshot either way —
 * and BEGIN and COMMIT were two more round trips on every request. Case detail does the same.
 * Reads that lock rows, or write anything besides their audit row, keep their transaction.
 */
export async function listCases({ db, clock }: Deps, actor: Actor, query: ListQuery) {
  const scope = requireCaseScope(actor)
  const ward = query.ward ? ((await resolveWard(db, actor.tenantId, query.ward)) ?? query.ward) : undefined
  // Without a search, "relevance" is the opening date, newest first (one order, one index).
  const relevanceAlone = !query.q && (query.sort ?? 'relevance') === 'relevance'
  const sort = relevanceAlone ? 'openedOn' : (query.sort ?? 'relevance')
  const order = relevanceAlone ? 'desc' : query.order
  if (query.after && query.q) {
    throw new AppError('validation', AFTER_WITH_Q, [{ field: 'after', message: AFTER_WITH_Q }])
  }
  const after = query.after ? decodeCursor(query.after, sort, order) : undefined
  const found = await search.findCaseSummaries(db, actor.tenantId, scope, {
    ...query,
    ward,
    sort,
    order,
    after,
  })
  const { rows, total, totalIsLowerBound, totalIsEstimate, nextCursor } = found
  // Which filters were used, never their values: a search text can be a name.
  const filters = FILTER_NAMES.filter((f) => query[f] !== undefined && query[f] !== '' && query[f] !== false)
  await writeAudit(db, actor, clock.now(), { action: 'case.list', detail: { filters, count: rows.length } })
  const items = rows.map((r) => ({ ...toCaseSummary(r), match: r.match }))
  return {
    items,
    total,
    totalIsLowerBound,
    totalIsEstimate,
    nextCursor,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Per-case reads answer 404 outside the scope, so that nobody learns a case exists. */
export async function getCase({ db, clock }: Deps, actor: Actor, id: string) {
  const scope = caseScopeOf(actor)
  if (!scope) throw refused('case', id)
  const entry = { action: 'case.read', recordType: 'case', recordId: id }
  // One SELECT and the audit row, without BEGIN and COMMIT (see listCases).
  const view = await repo.findCaseView(db, actor.tenantId, id, scope)
  if (!view) throw refused('case', id)
  const detail = toCaseDetail(view)
  await writeAudit(db, actor, clock.now(), entry)
  return detail
}

export async function getCaseHistory({ db, clock }: Deps, actor: Actor, id: string) {
  const scope = caseScopeOf(actor)
  if (!scope) throw refused('case', id)
  return db.transaction(async (tx) => {
    if (!(await repo.findCaseView(tx, actor.tenantId, id, scope))) throw refused('case', id)
    const events = await repo.findCaseEvents(tx, actor.tenantId, id)
    await writeAudit(tx, actor, clock.now(), { action: 'case.history', recordType: 'case', recordId: id })
    return events.map(toCaseEvent)
  })
}

export async function findSimilarCases({ db, clock }: Deps, actor: Actor, query: SimilarQuery) {
  const scope = requireIntakeScope(actor)
  // Folded in SQL; a name of spaces only, or a phone of too few digits, asks for nothing.
  const name = query.name?.trim() || undefined
  const kana = query.kana?.trim() || undefined
  const phoneDigits = query.phone ? searchTermsOf(query.phone).digits : undefined
  const hasBirth = query.birthYear != null && query.ward && query.gender && query.gender !== 'unknown'
  if (!name && !kana && !phoneDigits && !hasBirth) return []
  return db.transaction(async (tx) => {
    const ward = hasBirth ? await resolveWard(tx, actor.tenantId, query.ward!) : undefined
    const birthWardGender = ward ? { birthYear: query.birthYear!, ward, gender: query.gender! } : undefined
    if (!name && !kana && !phoneDigits && !birthWardGender) return []
    const rows = await search.findSimilar(tx, actor.tenantId, scope, {
      name,
      kana,
      phoneDigits,
      birthWardGender,
      excludeId: query.excludeId,
    })
    await writeAudit(tx, actor, clock.now(), {
      action: 'case.similar_search',
      detail: { count: rows.length },
    })
    return rows.map(toSimilarCandidate)
  })
}

export async function getWorklist({ db, clock }: Deps, actor: Actor, query: WorklistQuery = {}) {
  const scope = requireIntakeScope(actor)
  const now = clock.now()
  const today = tokyoDate(now)
  return db.transaction(async (tx) => {
    const setting = await readSetting(tx, actor.tenantId, 'noContactDays')
    const noContactDays =
      typeof setting === 'number' && Number.isInteger(setting) && setting > 0
        ? setting
        : DEFAULT_NO_CONTACT_DAYS
    const lists = await search.findWorklist(tx, actor.tenantId, scope, {
      noContactSince: addDays(today, -noContactDays),
      weekStart: startOfWeek(today),
      today,
      flag8050: query.flag8050,
    })
    await writeAudit(tx, actor, now, {
      action: 'case.worklist',
      detail: {
        ...(query.flag8050 ? { filters: ['flag8050'] } : {}),
        urgent: lists.urgent.length,
        noContact: lists.noContact.length,
        openedThisWeek: lists.openedThisWeek.length,
      },
    })
    return {
      noContactDays,
      urgent: lists.urgent.map(toCaseSummary),
      noContact: lists.noContact.map(toCaseSummary),
      openedThisWeek: lists.openedThisWeek.map(toCaseSummary),
    }
  })
}
