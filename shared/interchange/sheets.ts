// The sheets of the interchange format (docs/ledger-format.md) as data: which sheets a
// ledger has, their columns, what each column holds and whether it is personal data. The
// importer validates with it and the exporter writes with it, so both always agree.
import {
  AGE_BANDS,
  BASELINE_METRICS,
  CARE_KINDS,
  CASE_LEADS,
  CLOSURE_REASONS,
  CONCERNS,
  CONTACT_METHODS,
  COUNTERPARTS,
  type CodeList,
  FIRST_CONSULTERS,
  GENDERS,
  NEW_CASE_ROUTES,
  QUESTION_KINDS,
  RELATIONSHIPS,
  RESOURCE_CATEGORIES,
  RESOURCE_SERVES,
  REVIEW_KINDS,
  ROUTES,
  SURVEY_AUDIENCES,
  URGENCIES,
} from '../codes.ts'
import { quote } from './quote.ts'

/**
 * How a cell is read: `text` as trimmed text; `date`, `time`, `integer` parsed; `code` one of
 * `codes` (label or code); `codes` several; `ward` a ward; `intake` 'window' or a ward;
 * `list` several free strings; `fiscal_years` several 年度; `answer` checked against its question;
 * `yes_no` はい/いいえ (and the column's own labels, 同居/別居); `kana` ふりがな; `phones` several
 * phone numbers, each maybe labelled (people-values.ts).
 */
export type ValueKind =
  | 'text'
  | 'date'
  | 'time'
  | 'integer'
  | 'code'
  | 'codes'
  | 'ward'
  | 'intake'
  | 'list'
  | 'fiscal_years'
  | 'answer'
  | 'yes_no'
  | 'kana'
  | 'phones'

/**
 * Kinds whose cells hold free text (whole, or as items of a list): what an export guards against
 * formulas and an import unguards (formula-guard.ts). Codes, dates and numbers are never guarded.
 */
export const isTextKind = (kind: ValueKind): boolean =>
  kind === 'text' || kind === 'list' || kind === 'answer' || kind === 'phones'

export interface ColumnDef {
  key: string
  ja: string
  /**
   * true: the column must be present and every row needs a value. 'conditional': needed only
   * with another value (checked per row by the sheet's rules). false: optional.
   */
  required: boolean | 'conditional'
  /** Personal data: left out of exports unless asked for, never quoted in messages. */
  personal: boolean
  kind: ValueKind
  codes?: CodeList<string>
  min?: number
  max?: number
}

export const SHEET_KEYS = [
  'cases',
  // Before contacts: a contact names the person it was with by their number.
  'people',
  'contacts',
  'meetings',
  'reviews',
  'surveys',
  'responses',
  'resources',
  'baselines',
] as const
export type SheetKey = (typeof SHEET_KEYS)[number]

export interface SheetDef {
  key: SheetKey
  ja: string
  columns: ColumnDef[]
}

type Opt = Partial<Omit<ColumnDef, 'key' | 'ja' | 'kind'>>
function col(key: string, ja: string, kind: ValueKind, opt: Opt = {}): ColumnDef {
  return { key, ja, kind, required: false, personal: false, ...opt }
}
const req = { required: true } as const
const cond = { required: 'conditional' } as const
const personal = { personal: true } as const
/** A yes_no column's own words for yes and no, besides はい/いいえ, 可/不可, ○/× (people-values.ts). */
const YES_NO: CodeList<'yes' | 'no'> = [
  { code: 'yes', label: 'はい' },
  { code: 'no', label: 'いいえ' },
]
const LIVES_WITH: CodeList<'yes' | 'no'> = [
  { code: 'yes', label: '同居' },
  { code: 'no', label: '別居' },
]

export const SHEETS: readonly SheetDef[] = [
  {
    key: 'cases',
    ja: '相談ケース',
    columns: [
      col('case_id', 'ケース番号', 'text', req),
      col('opened_on', '受付日', 'date', req),
      col('intake_unit', '受付機関', 'intake', req),
      col('ward', '居住区', 'ward'),
      col('age', '年齢', 'integer', { min: 0 }),
      col('age_band', '年齢区分', 'code', { codes: AGE_BANDS }),
      col('first_consulter', '相談者', 'code', { ...req, codes: FIRST_CONSULTERS }),
      col('route', '経路', 'code', { codes: ROUTES }),
      col('concerns', '主訴・課題', 'codes', { codes: CONCERNS }),
      col('urgency', '緊急度', 'code', { codes: URGENCIES }),
      col('handed_over_on', '引継ぎ日', 'date'),
      col('handed_over_to', '引継ぎ先', 'ward', cond),
      col('closed_on', '終結日', 'date'),
      col('closure_reason', '終結理由', 'code', { ...cond, codes: CLOSURE_REASONS }),
      col('name', '氏名', 'text', personal),
      col('kana', 'ふりがな', 'text', personal),
      col('gender', '性別', 'code', { codes: GENDERS }),
    ],
  },
  {
    // Every column but the first three is personal data (docs/ledger-format.md).
    key: 'people',
    ja: '相談者・世帯員',
    columns: [
      col('case_id', 'ケース番号', 'text', req),
      col('person_no', '番号', 'integer', { ...req, min: 1 }),
      col('relationship', '続柄', 'code', { ...req, codes: RELATIONSHIPS }),
      col('consulter', '相談者', 'yes_no', { ...personal, codes: YES_NO }),
      col('name', '氏名', 'text', personal),
      col('kana', 'ふりがな', 'kana', personal),
      col('age', '年齢', 'integer', { ...personal, min: 0, max: 150 }),
      col('lives_with', '同居', 'yes_no', { ...personal, codes: LIVES_WITH }),
      col('phones', '電話番号', 'phones', personal),
      col('mail', 'メールアドレス', 'text', personal),
      col('address', '住所', 'text', personal),
      col('best_time', '連絡のつきやすい時間', 'text', personal),
      col('may_name_city', '市役所名を名乗る', 'yes_no', { ...personal, codes: YES_NO }),
      col('may_leave_message', '留守電', 'yes_no', { ...personal, codes: YES_NO }),
      col('keep_from_person', '本人に知られないように', 'yes_no', { ...personal, codes: YES_NO }),
      col('care', '介護・支援機関', 'codes', { ...personal, codes: CARE_KINDS }),
    ],
  },
  {
    key: 'contacts',
    ja: '対応記録',
    columns: [
      col('case_id', 'ケース番号', 'text', req),
      col('contacted_on', '対応日', 'date', req),
      col('time', '時刻', 'time'),
      col('method', '手法', 'code', { ...req, codes: CONTACT_METHODS }),
      // Required unless person_no names whom the contact was with (checked by planContacts).
      col('counterpart', '対象', 'code', { ...cond, codes: COUNTERPARTS }),
      col('staff', '担当者', 'text'),
      col('minutes', '所要時間(分)', 'integer', { min: 0 }),
      col('summary', '内容', 'text', personal),
      col('person_no', '相手の番号', 'integer', { min: 1 }),
    ],
  },
  {
    key: 'meetings',
    ja: '支援調整会議',
    columns: [
      col('meeting_id', '会議番号', 'text', req),
      col('ward', '区', 'ward', req),
      col('held_on', '開催日', 'date', req),
      col('agencies', '出席関係機関', 'list'),
      col('sections', '出席課・室', 'list'),
    ],
  },
  {
    key: 'reviews',
    ja: '検討ケース',
    columns: [
      col('meeting_id', '会議番号', 'text', req),
      col('case_id', 'ケース番号', 'text', req),
      col('kind', '区分', 'code', { ...req, codes: REVIEW_KINDS }),
      col('route', '新規ケース経路', 'code', { ...cond, codes: NEW_CASE_ROUTES }),
      col('lead', '主担当', 'code', { ...req, codes: CASE_LEADS }),
      col('lead_unit', '主担当機関', 'text'),
      col('policy', '支援方針', 'text', personal),
      col('next_review_on', '次回確認日', 'date'),
    ],
  },
  {
    key: 'surveys',
    ja: 'アンケート設問',
    columns: [
      col('survey_id', 'アンケート番号', 'text', req),
      // Required as a column; a value is needed on the first row of each survey only.
      col('title', '名称', 'text', req),
      col('audience', '対象', 'code', { codes: SURVEY_AUDIENCES }),
      col('question_no', '設問番号', 'integer', { ...req, min: 1 }),
      col('question', '設問', 'text', req),
      col('kind', '形式', 'code', { ...req, codes: QUESTION_KINDS }),
      col('options', '選択肢', 'list', cond),
      // Not in the shared spec (silent on them): kept so that an export imports back losslessly.
      col('required', '必須', 'yes_no', { codes: YES_NO }),
      col('allow_other', 'その他（自由記述）', 'yes_no', { codes: YES_NO }),
    ],
  },
  {
    key: 'responses',
    ja: 'アンケート回答',
    columns: [
      col('survey_id', 'アンケート番号', 'text', req),
      col('respondent_id', '回答者番号', 'text', req),
      col('answered_on', '回答日', 'date'),
      col('question_no', '設問番号', 'integer', { ...req, min: 1 }),
      // Free-text answers can describe a person: treated as personal data in exports.
      col('answer', '回答', 'answer', personal),
      // The text written with 「その他」 (a question with allow_other): personal like a free text.
      col('other_text', 'その他の内容', 'text', personal),
    ],
  },
  {
    key: 'resources',
    ja: '社会資源',
    columns: [
      col('resource_id', '資源番号', 'text', req),
      col('name', '名称', 'text', req),
      col('categories', '分類', 'codes', { codes: RESOURCE_CATEGORIES }),
      col('serves', '対象', 'codes', { codes: RESOURCE_SERVES }),
      col('ward', '地域', 'ward'),
      col('subsidy_fy', '補助金採択年度', 'fiscal_years'),
      // An organisation's public contact (phone, address of the project), not a person's.
      col('contact', '連絡先', 'text'),
    ],
  },
  {
    key: 'baselines',
    ja: '比較基準',
    columns: [
      col('label', '名称', 'text', req),
      col('from', '開始日', 'date', req),
      col('to', '終了日', 'date', req),
      col('metric', '項目', 'code', { ...req, codes: BASELINE_METRICS }),
      col('value', '値', 'integer', { min: 0 }),
    ],
  },
]

export function sheetDef(key: SheetKey): SheetDef {
  return SHEETS.find((s) => s.key === key)!
}

const normalise = (s: string) => s.trim().toLowerCase()

/** The sheet a workbook sheet or CSV file names, by its key or its Japanese name. */
export function findSheet(name: string): SheetDef | undefined {
  const n = normalise(name)
  return SHEETS.find((s) => s.key === n || normalise(s.ja) === n)
}

export interface HeaderMatch {
  /** Header as written → its column. */
  columns: Map<string, ColumnDef>
  /** Headers that name no column of the sheet (a warning). */
  unknown: string[]
  /** Required columns the sheet lacks (an error). */
  missing: ColumnDef[]
  /** Keys of the columns present. */
  present: Set<string>
}

/** Matches a sheet's headers to its columns: Japanese or key, case-insensitive, trimmed. */
export function matchHeaders(sheet: SheetDef, headers: readonly string[]): HeaderMatch {
  const columns = new Map<string, ColumnDef>()
  const unknown: string[] = []
  const present = new Set<string>()
  for (const header of headers) {
    const h = normalise(header)
    if (!h) continue
    const def = sheet.columns.find((c) => c.key === h || normalise(c.ja) === h)
    if (def && !present.has(def.key)) {
      columns.set(header, def)
      present.add(def.key)
    } else unknown.push(header)
  }
  const missing = sheet.columns.filter((c) => c.required === true && !present.has(c.key))
  return { columns, unknown, missing, present }
}

export const missingColumnReason = (c: ColumnDef) => `必須の列「${c.ja}」がありません`
export const unknownColumnReason = (header: string) => `列${quote(header)}は取込形式にないため無視しました`
export const unknownSheetReason = (name: string) => `シート${quote(name)}は取込形式にないため無視しました`
