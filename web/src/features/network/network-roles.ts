import type { Role } from '#shared/codes.ts'

/** Who reads city-wide meetings (the server decides; this only spares others a page of errors). */
export const NETWORK_PAGE_ROLES: readonly Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'headquarters',
]
