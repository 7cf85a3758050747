import {
  AGE_BANDS,
  CONCERNS,
  FIRST_CONSULTERS,
  GENDERS,
  labelOf,
  NEW_CASE_ROUTES,
  REVIEW_KINDS,
  URGENCIES,
} from '#shared/codes.ts'
import { formatWareki } from '#shared/dates.ts'
import { type DescriptionItem, DescriptionList } from '#web/components/ui/description-list.tsx'
import { leadText } from '../meeting-format.ts'
import type { AgendaItem } from '../meeting-types.ts'

/** Free text keeps its line breaks; empty text stays '' so the list shows 「未入力」. */
function multiline(text: string | null) {
  return text ? <span className="whitespace-pre-wrap">{text}</span> : ''
}

function consentText(item: AgendaItem): string {
  const { consentOn, consentNote } = item.case
  if (!consentOn && !consentNote) return '未確認'
  const on = consentOn ? `${formatWareki(consentOn)}に同意` : ''
  return [on, consentNote].filter(Boolean).join('：')
}

/** 新規（経路：相談窓口） or 継続. */
export function agendaKindText(item: Pick<AgendaItem, 'kind' | 'route'>): string {
  const kind = labelOf(REVIEW_KINDS, item.kind)
  return item.kind === 'new' && item.route ? `${kind}（経路：${labelOf(NEW_CASE_ROUTES, item.route)}）` : kind
}

/**
 * What the meeting needs to know about a case on its agenda. The server sends no name to
 * agencies (name is null), so the row is left out rather than shown empty.
 */
export function AgendaCaseFacts({ item }: { item: AgendaItem }) {
  const c = item.case
  const items: DescriptionItem[] = [{ term: 'ケース番号', value: item.caseNo }]
  if (item.name !== null) items.push({ term: '氏名', value: item.name })
  items.push(
    { term: '区分', value: agendaKindText(item) },
    { term: '年齢区分', value: labelOf(AGE_BANDS, c.ageBand) },
    { term: '性別', value: labelOf(GENDERS, c.gender) },
    { term: '相談者', value: labelOf(FIRST_CONSULTERS, c.firstConsulter) },
    { term: '主訴・課題', value: c.concerns.map((x) => labelOf(CONCERNS, x)).join('、') },
    { term: '緊急度', value: labelOf(URGENCIES, c.urgency) },
    { term: 'アセスメントの要約', value: multiline(c.handoverSummary) },
    { term: '区の追加アセスメント', value: multiline(c.wardAssessment) },
    { term: '本人同意', value: consentText(item) },
    { term: '支援の経過（主担当から）', value: multiline(c.progressSummary) },
  )
  const prev = c.previousDecision
  if (prev) {
    items.push({
      term: '前回の決定',
      value: (
        <>
          主担当：{leadText(prev)}
          {prev.policy && (
            <>
              <br />
              支援方針：
              {multiline(prev.policy)}
            </>
          )}
          {prev.nextReviewOn && (
            <>
              <br />
              次回確認日：{formatWareki(prev.nextReviewOn)}
            </>
          )}
        </>
      ),
    })
  }
  return <DescriptionList items={items} />
}
