import {
  AGE_BANDS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONCERNS,
  FIRST_CONSULTERS,
  GENDERS,
  labelOf,
  ROUTES,
  URGENCIES,
} from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { formatInstant, formatWareki } from '#shared/dates.ts'
import { CaseNo } from '#web/components/record-no.tsx'
import { type DescriptionItem, DescriptionList } from '#web/components/ui/description-list.tsx'
import { CASE_FIELD_LABELS as L } from '#web/lib/field-labels.ts'
import { useWardName } from '#web/lib/reference-data.ts'

function ageText(c: CaseDetail): string {
  const parts = [c.age !== null ? `${c.age}歳` : null, c.birthYear !== null ? `${c.birthYear}年生まれ` : null]
  return parts.filter(Boolean).join('・')
}

/** The case's record: intake fields, and handover or closure once they happen (the ward's side is the ward panel's). */
export function CaseOverview({ c }: { c: CaseDetail }) {
  const wardName = useWardName()
  const items: DescriptionItem[] = [
    { term: 'ケース番号', value: <CaseNo caseNo={c.caseNo} /> },
    { term: '状態', value: <strong>{labelOf(CASE_STATUSES, c.status)}</strong> },
    { term: L.openedOn, value: formatWareki(c.openedOn) },
    { term: '受付窓口', value: c.intakeUnit === 'window' ? '相談窓口' : wardName(c.intakeUnit) },
    { term: L.firstConsulter, value: labelOf(FIRST_CONSULTERS, c.firstConsulter) },
    { term: L.route, value: labelOf(ROUTES, c.route) },
    { term: L.concerns, value: c.concerns.map((x) => labelOf(CONCERNS, x)).join('、') },
    { term: L.urgency, value: labelOf(URGENCIES, c.urgency) },
    { term: L.name, value: c.name },
    { term: L.kana, value: c.kana },
    { term: L.gender, value: labelOf(GENDERS, c.gender) },
    { term: '年齢・生まれ年', value: ageText(c) },
    { term: L.ageBand, value: labelOf(AGE_BANDS, c.ageBand) },
    { term: L.ward, value: c.ward ? wardName(c.ward) : '不明' },
    { term: L.staffId, value: c.staffName },
    { term: '最終対応日', value: c.lastContactOn ? formatWareki(c.lastContactOn) : 'なし' },
    { term: '対応回数', value: `${c.contactCount}回` },
  ]
  if (c.handedOverOn || c.handedOverTo) {
    items.push(
      { term: '引継ぎ日', value: c.handedOverOn ? formatWareki(c.handedOverOn) : '' },
      { term: '引継ぎ先', value: c.handedOverTo ? wardName(c.handedOverTo) : '' },
      { term: 'アセスメントの要約', value: <span className="whitespace-pre-wrap">{c.handoverSummary}</span> },
    )
  }
  if (c.closedOn) {
    items.push(
      { term: '終結日', value: formatWareki(c.closedOn) },
      { term: '終結理由', value: labelOf(CLOSURE_REASONS, c.closureReason) },
      { term: '終結の補足', value: <span className="whitespace-pre-wrap">{c.closureNote}</span> },
    )
  }
  items.push({ term: '最終更新', value: formatInstant(c.updatedAt) })
  return <DescriptionList items={items} />
}
