import type { Referral, ReferralCounts, Resource } from '#shared/contracts/resources.ts'
import type { ReferralView } from './referrals.repository.ts'
import type { OutcomeCount, ResourceView } from './resources.repository.ts'

export function emptyCounts(): ReferralCounts {
  return { total: 0, arranging: 0, connected: 0, not_used: 0 }
}

/** Grouped counts → per resource id, every outcome present (zeros included). */
export function countsByResource(rows: OutcomeCount[]): Map<string, ReferralCounts> {
  const out = new Map<string, ReferralCounts>()
  for (const r of rows) {
    const counts = out.get(r.resourceId) ?? emptyCounts()
    if (r.outcome === 'arranging' || r.outcome === 'connected' || r.outcome === 'not_used') {
      counts[r.outcome] += r.n
    }
    counts.total += r.n
    out.set(r.resourceId, counts)
  }
  return out
}

export function toResource(r: ResourceView, referrals: ReferralCounts | null): Resource {
  return {
    id: r.id,
    resourceNo: r.resourceNo,
    name: r.name,
    categories: r.categories as Resource['categories'],
    serves: r.serves as Resource['serves'],
    ward: r.ward,
    wardName: r.ward ? (r.wardName ?? r.ward) : null,
    subsidyFiscalYears: [...r.subsidyFiscalYears].sort((a, b) => a - b),
    contact: r.contact,
    description: r.description,
    active: r.active,
    referrals,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export function toReferral(r: ReferralView): Referral {
  return {
    id: r.id,
    caseId: r.caseId,
    resourceId: r.resourceId,
    resourceNo: r.resourceNo,
    resourceName: r.resourceName,
    resourceActive: r.resourceActive,
    referredOn: r.referredOn,
    outcome: r.outcome as Referral['outcome'],
    outcomeOn: r.outcomeOn,
    note: r.note,
    accountName: r.accountName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

/** The fields of a referral as its case's history names them (prefixed 'referral.'). */
export const REFERRAL_FIELDS = ['resource', 'referredOn', 'outcome', 'outcomeOn', 'note'] as const
