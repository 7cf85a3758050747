// The city's organisation: wards, units (window, ward centres and their sections, the
// accompaniment team, headquarters, agencies) and the staff directory.
import { z } from 'zod'
import { codesOf, UNIT_KINDS } from '../codes.ts'
import { defineContract } from './define.ts'

export const unit = z
  .object({
    id: z.uuid(),
    kind: z.enum(codesOf(UNIT_KINDS)),
    name: z.string(),
    wardCode: z.string().nullable(),
    sectionCode: z.string().nullable(),
  })
  .meta({ id: 'Unit' })
export type Unit = z.infer<typeof unit>

export const listUnits = defineContract({
  method: 'GET',
  path: '/api/units',
  summary: 'Organisation units of the city (for forms)',
  tags: ['org'],
  response: z.array(unit),
})

export const listWards = defineContract({
  method: 'GET',
  path: '/api/wards',
  summary: 'Wards of the city',
  tags: ['org'],
  response: z.array(z.object({ code: z.string(), name: z.string() })),
})

export const listStaff = defineContract({
  method: 'GET',
  path: '/api/staff',
  summary: 'Active staff who can be named on cases and contacts (window and ward)',
  tags: ['org'],
  response: z.array(z.object({ id: z.uuid(), name: z.string(), unitName: z.string() })),
})
