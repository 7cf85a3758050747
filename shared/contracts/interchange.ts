import { z } from 'zod'
import { BASELINE_METRICS } from '../codes.ts'
import { dateInput, isoDate, textInput } from './common.ts'
import { defineContract, noContent } from './define.ts'

const importError = z.object({
  sheet: z.string().describe('Sheet key (cases, contacts …), or the file name when the file itself is bad'),
  row: z.number().int().describe('Row number as in Excel (header = 1); 0 for the file or sheet as a whole'),
  column: z.string().describe('Column key, or empty for the whole row or file'),
  reason: z.string().describe('Japanese reason; never quotes personal data'),
})

export const importResult = z.object({
  ok: z.boolean().describe('false when there are errors: then nothing was written'),
  dryRun: z.boolean(),
  errors: z.array(importError).describe('The first 1,000 errors found, by sheet and row'),
  errorCount: z.number().int().describe('Every error found; more than errors holds when over 1,000'),
  warnings: z.array(importError).describe('The first 1,000 warnings found'),
  warningCount: z.number().int().describe('Every warning found'),
  counts: z.record(z.string(), z.object({ added: z.number().int(), updated: z.number().int() })),
})
export type ImportResultDto = z.infer<typeof importResult>

/**
 * The ledger file is the raw request body (application/octet-stream, the xlsx or a CSV media
 * type), at most 30 MiB. Errors in the ledger are a 200 with ok: false and the list of errors.
 */
export const importLedger = defineContract({
  method: 'POST',
  path: '/api/imports',
  summary: 'Import a ledger (.xlsx or .csv) sent as the raw body; dryRun=true checks and counts only',
  tags: ['interchange'],
  query: z.object({
    dryRun: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    name: textInput()
      .max(200)
      .optional()
      .describe('File name (or header x-file-name); its extension picks the format'),
    encoding: z.enum(['utf-8', 'cp932']).optional(),
  }),
  response: importResult,
})

const metricValue = z
  .number({ error: '値は整数で入力してください' })
  .int({ error: '値は整数で入力してください' })
  .min(0, { error: '値は0以上で入力してください' })
  .nullable()

export const baseline = z
  .object({
    label: z.string(),
    from: isoDate,
    to: isoDate,
    values: z.object({
      under40: z.number().int().nullable(),
      '40plus': z.number().int().nullable(),
      unknown: z.number().int().nullable(),
      total: z.number().int().nullable(),
    }),
  })
  .meta({ id: 'Baseline' })
export type Baseline = z.infer<typeof baseline>

export const listBaselines = defineContract({
  method: 'GET',
  path: '/api/baselines',
  summary: 'Baseline figures (比較基準) by label, oldest period first',
  tags: ['interchange'],
  response: z.array(baseline),
})

const labelParams = z.object({ label: textInput().trim().min(1).max(100) })

export const putBaseline = defineContract({
  method: 'PUT',
  path: '/api/baselines/:label',
  summary: 'Enter or correct the baseline figures of a period',
  tags: ['interchange'],
  params: labelParams,
  body: z
    .object({
      from: dateInput.describe('開始日'),
      to: dateInput.describe('終了日'),
      values: z.object({
        under40: metricValue,
        '40plus': metricValue,
        unknown: metricValue,
        total: metricValue,
      }),
    })
    .refine((b) => b.from <= b.to, { path: ['to'], error: '終了日は開始日以降の日付を入力してください' }),
  response: baseline,
})

export const deleteBaseline = defineContract({
  method: 'DELETE',
  path: '/api/baselines/:label',
  summary: 'Remove the baseline figures of a period',
  tags: ['interchange'],
  params: labelParams,
  response: noContent,
  status: 204,
})

export const METRIC_KEYS = BASELINE_METRICS.map((m) => m.code)
