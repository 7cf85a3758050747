import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { ImportError } from './read/ledger.types.ts'
import { baseLedger, importDir, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const CASE_HEAD = [
  'case_id',
  'opened_on',
  'intake_unit',
  'first_consulter',
  'age',
  'age_band',
  'handed_over_on',
  'handed_over_to',
  'name',
]
const aCase = (over: Partial<Record<string, string>> = {}) =>
  CASE_HEAD.map(
    (k) =>
      ({ case_id: 'C-1', opened_on: '2021-04-05', intake_unit: 'window', first_consulter: 'self', ...over })[
        k
      ] ?? '',
  )

/**
 * Imports a ledger that has the base sheets plus `extra` files, into a city that already holds the
 * base ledger, and checks that the import reports exactly `expected` and writes nothing.
 */
async function expectRejected(
  write: (dir: string) => string[] | undefined,
  expected: Partial<ImportError>[],
) {
  const city = await ctx.newCity()
  await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])
  const before = await storedCounts(ctx.db, city.tenantId)
  const dir = tempDir()
  const paths = write(dir) ?? [dir]
  const result = await importDir(ctx.db, city.tenantId, paths)
  expect(result.ok).toBe(false)
  expect(result.errors).toEqual(expected.map((e) => expect.objectContaining(e)))
  expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
  return result
}

describe('every bad value is reported and nothing is written', () => {
  it('an unknown code', async () => {
    await expectRejected(
      (d) => void writeCsv(d, 'cases', [CASE_HEAD, aCase({ first_consulter: '隣人' })]),
      [{ sheet: 'cases', row: 2, column: 'first_consulter' }],
    )
  })

  it('an impossible date (2021-02-30) and an unreadable one', async () => {
    await expectRejected(
      (d) =>
        void writeCsv(d, 'cases', [
          CASE_HEAD,
          aCase({ opened_on: '2021-02-30' }),
          aCase({ case_id: 'C-2', opened_on: '去年' }),
        ]),
      [
        { sheet: 'cases', row: 2, column: 'opened_on' },
        { sheet: 'cases', row: 3, column: 'opened_on' },
      ],
    )
  })

  it('an age contradicting the age band', async () => {
    await expectRejected(
      (d) => void writeCsv(d, 'cases', [CASE_HEAD, aCase({ age: '45', age_band: '39歳以下' })]),
      [{ sheet: 'cases', row: 2, column: 'age_band', reason: '年齢区分が年齢と合いません' }],
    )
  })

  it('a handover without its ward, and a date before the opening', async () => {
    await expectRejected(
      (d) => void writeCsv(d, 'cases', [CASE_HEAD, aCase({ handed_over_on: '2021-04-01' })]),
      [
        {
          sheet: 'cases',
          row: 2,
          column: 'handed_over_to',
          reason: '引継ぎ日があるときは引継ぎ先が必要です',
        },
        { sheet: 'cases', row: 2, column: 'handed_over_on', reason: '受付日より前の日付です' },
      ],
    )
  })

  it('a contact before its case opened, and one of an unknown case', async () => {
    await expectRejected(
      (d) =>
        void writeCsv(d, 'contacts', [
          ['case_id', 'contacted_on', 'method', 'counterpart', 'summary'],
          ['2021-00001', '2021-04-01', 'phone', 'self', '秘密の内容'],
          ['NO-SUCH', '2021-04-10', 'phone', 'self', ''],
        ]),
      [
        { sheet: 'contacts', row: 2, column: 'contacted_on', reason: '受付日より前の日付です' },
        { sheet: 'contacts', row: 3, column: 'case_id', reason: 'ケース番号「NO-SUCH」のケースがありません' },
      ],
    )
  })

  it('a review naming an unknown meeting, and a new case without its route', async () => {
    await expectRejected(
      (d) =>
        void writeCsv(d, 'reviews', [
          ['meeting_id', 'case_id', 'kind', 'lead'],
          ['M-404', '2021-00001', 'continuing', 'rediscuss'],
          ['M-1', '2021-00001', 'new', 'rediscuss'],
        ]),
      [
        { sheet: 'reviews', row: 2, column: 'meeting_id', reason: '会議番号「M-404」の会議がありません' },
        { sheet: 'reviews', row: 3, column: 'route' },
      ],
    )
  })

  it('a duplicate respondent, an answer outside the options, an unknown question', async () => {
    await expectRejected(
      (d) => {
        writeCsv(d, 'surveys', [
          ['survey_id', 'title', 'audience', 'question_no', 'question', 'kind', 'options'],
          ['S-1', '相談者アンケート', '相談者', '1', '満足度', 'single', '満足;普通;不満'],
          ['S-1', '', '', '2', 'ご意見', 'text', ''],
        ])
        writeCsv(d, 'responses', [
          ['survey_id', 'respondent_id', 'question_no', 'answer'],
          ['S-1', 'R-1', '1', '満足'],
          ['S-1', 'R-1', '1', '普通'],
          ['S-1', 'R-2', '1', 'とても満足'],
          ['S-1', 'R-3', '9', ''],
        ])
        return undefined
      },
      [
        { sheet: 'responses', row: 3, column: 'respondent_id' },
        { sheet: 'responses', row: 4, column: 'answer' },
        { sheet: 'responses', row: 5, column: 'question_no' },
      ],
    )
  })

  it('duplicate identifiers within a file: the second is the error', async () => {
    await expectRejected(
      (d) => void writeCsv(d, 'cases', [CASE_HEAD, aCase(), aCase()]),
      [
        {
          sheet: 'cases',
          row: 3,
          column: 'case_id',
          reason: 'ケース番号「C-1」が重複しています（最初は2行目）',
        },
      ],
    )
  })

  it('a missing required column', async () => {
    await expectRejected(
      (d) =>
        void writeCsv(d, 'contacts', [
          ['case_id', 'contacted_on', 'counterpart'],
          ['2021-00001', '2021-05-01', 'self'],
        ]),
      [{ sheet: 'contacts', row: 1, column: 'method', reason: '必須の列「手法」がありません' }],
    )
  })

  it('an empty file, a file that is not a spreadsheet, a 50 MB file', async () => {
    await expectRejected(
      (d) => {
        writeFileSync(join(d, 'cases.csv'), '')
        return [join(d, 'cases.csv')]
      },
      [{ sheet: 'cases.csv', row: 0, reason: 'ファイルが空です' }],
    )
    await expectRejected(
      (d) => {
        writeFileSync(join(d, 'cases.pdf'), '%PDF-1.4')
        return [join(d, 'cases.pdf')]
      },
      [{ sheet: 'cases.pdf', row: 0 }],
    )
    await expectRejected(
      (d) => {
        writeFileSync(join(d, 'cases.csv'), '')
        truncateSync(join(d, 'cases.csv'), 50 * 1024 * 1024)
        return [join(d, 'cases.csv')]
      },
      [{ sheet: 'cases.csv', row: 0, column: '' }],
    )
  })

  it('never quotes personal values in its messages', async () => {
    const result = await expectRejected(
      (d) => void writeCsv(d, 'cases', [CASE_HEAD, aCase({ name: '山田 花子', age: 'よんじゅう' })]),
      [{ sheet: 'cases', row: 2, column: 'age' }],
    )
    expect(JSON.stringify(result)).not.toContain('山田')
  })
})
