import type {
  CaseloadRole,
  CaseloadThresholds,
  CaseloadWard,
  CaseloadWorker,
} from '#shared/contracts/accompaniment.ts'

/** One group of open led cases as SQL counted them: per lead, worker and ward. */
export interface LedCaseCount {
  lead: string | null
  workerId: string | null
  ward: string | null
  open: number
  inactive: number
  overdue: number
}

type Lead = 'accompaniment' | 'ward_section' | 'specialist'

const KIND_OF_LEAD: Record<Lead, { kind: CaseloadWorker['kind']; role: CaseloadRole; unnamed: string }> = {
  accompaniment: {
    kind: 'accompaniment_worker',
    role: 'accompaniment_worker',
    unnamed: '（支援員の記録なし）',
  },
  ward_section: { kind: 'ward_section', role: 'ward_staff', unnamed: '（課・室の記録なし）' },
  specialist: { kind: 'agency', role: 'agency_member', unnamed: '（機関の記録なし）' },
}

export type WorkerFigures = CaseloadWorker & { lead: Lead; wards: Set<string> }

/**
 * Adds up the counted groups per worker — the whole city's load, since an accompaniment worker
 * or an agency may lead cases in several wards — and keeps, with a ward chosen, the workers
 * leading at least one of its cases. A worker is overloaded above the role's threshold; leads
 * recorded without a worker (imported ledgers) are listed but never flagged.
 */
export function workersOf(
  counts: LedCaseCount[],
  ward: string | null,
  thresholds: CaseloadThresholds,
): WorkerFigures[] {
  const byWorker = new Map<string, WorkerFigures>()
  for (const c of counts) {
    const lead = c.lead as Lead
    const key = `${lead}:${c.workerId ?? ''}`
    let w = byWorker.get(key)
    if (!w) {
      const { kind, role, unnamed } = KIND_OF_LEAD[lead]
      w = {
        kind,
        id: c.workerId,
        name: unnamed,
        ward: null,
        role,
        openCases: 0,
        noRecentActivity: 0,
        reviewsOverdue: 0,
        openCasesInWard: ward ? 0 : null,
        threshold: thresholds[role],
        overloaded: false,
        lead,
        wards: new Set(),
      }
      byWorker.set(key, w)
    }
    w.openCases += c.open
    w.noRecentActivity += c.inactive
    w.reviewsOverdue += c.overdue
    if (c.ward) w.wards.add(c.ward)
    if (ward && c.ward === ward) w.openCasesInWard = (w.openCasesInWard ?? 0) + c.open
  }
  const workers = [...byWorker.values()].filter((w) => !ward || w.wards.has(ward))
  for (const w of workers) w.overloaded = w.id !== null && w.openCases > w.threshold
  return workers
}

/** Per ward: its open led cases, and how many of the workers leading them are overloaded. */
export function wardsOf(
  counts: LedCaseCount[],
  workers: WorkerFigures[],
  wards: { code: string; name: string }[],
): CaseloadWard[] {
  return wards.map((w) => {
    const here = counts.filter((c) => c.ward === w.code)
    const leading = workers.filter((x) => x.wards.has(w.code))
    return {
      ward: w.code,
      wardName: w.name,
      openCases: here.reduce((n, c) => n + c.open, 0),
      noRecentActivity: here.reduce((n, c) => n + c.inactive, 0),
      reviewsOverdue: here.reduce((n, c) => n + c.overdue, 0),
      workers: leading.length,
      overloadedWorkers: leading.filter((x) => x.overloaded).length,
    }
  })
}

const KIND_ORDER: CaseloadWorker['kind'][] = ['accompaniment_worker', 'ward_section', 'agency']

/** Overloaded first, then by kind and the heaviest load, so what needs attention comes first. */
export function byAttention(a: CaseloadWorker, b: CaseloadWorker): number {
  return (
    Number(b.overloaded) - Number(a.overloaded) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    b.openCases - a.openCases ||
    a.name.localeCompare(b.name, 'ja')
  )
}
