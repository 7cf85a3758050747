import { type ReactNode, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import type { AgendaItem } from '../meeting-types.ts'
import { agendaKindText } from './agenda-case-facts.tsx'

export type CaseState = 'decided' | 'drafted' | 'undecided' | 'unsaved'

const STATE_TEXT: Record<CaseState, string> = {
  decided: '決定済',
  drafted: '方針案あり',
  undecided: '未決定',
  unsaved: '未保存の変更あり',
}

const STATE_CLASS: Record<CaseState, string> = {
  decided: 'border-success-2 bg-green-50 text-success-2',
  drafted: 'border-blue-900 bg-blue-50 text-blue-900',
  undecided: 'border-solid-gray-600 bg-white text-solid-gray-800',
  unsaved: 'border-warning-orange-2 bg-yellow-50 text-solid-gray-900',
}

/** The state in words (never colour alone). */
export function StateBadge({ state }: { state: CaseState }) {
  return (
    <span className={`inline-block rounded-4 border px-2 text-std-16B-170 ${STATE_CLASS[state]}`}>
      {STATE_TEXT[state]}
    </span>
  )
}

export const agendaSectionId = (prefix: string, caseId: string) => `${prefix}-${caseId}`

/** Which agenda sections are open; the first one starts open. */
export function useOpenSections(agenda: AgendaItem[]) {
  const [open, setOpen] = useState<Set<string>>(() => new Set(agenda[0] ? [agenda[0].caseId] : []))
  const toggle = (caseId: string, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (to ?? !next.has(caseId)) next.add(caseId)
      else next.delete(caseId)
      return next
    })
  return {
    isOpen: (caseId: string) => open.has(caseId),
    toggle,
    openAll: () => setOpen(new Set(agenda.map((a) => a.caseId))),
    closeAll: () => setOpen(new Set()),
  }
}

/**
 * The agenda's table of contents: a jump link per case with its state. A jump opens the case's
 * section and moves focus to its heading button, so keyboard and screen reader users land there.
 */
export function AgendaToc({
  prefix,
  agenda,
  stateOf,
  sections,
  summary,
}: {
  prefix: string
  agenda: AgendaItem[]
  stateOf: (item: AgendaItem) => CaseState
  sections: ReturnType<typeof useOpenSections>
  summary: ReactNode
}) {
  const jumpTo = (caseId: string) => {
    sections.toggle(caseId, true)
    requestAnimationFrame(() => {
      const button = document.getElementById(`${agendaSectionId(prefix, caseId)}-toggle`)
      button?.scrollIntoView({ block: 'start' })
      button?.focus({ preventScroll: true })
    })
  }
  return (
    <nav aria-labelledby={`${prefix}-toc-title`} className="rounded-8 border border-solid-gray-300 p-4">
      <h3 id={`${prefix}-toc-title`} className="text-std-18B-160">
        議題の目次
      </h3>
      <p className="mt-1 text-std-16N-170">{summary}</p>
      <ol className="mt-3 grid gap-x-6 gap-y-2 md:grid-cols-2">
        {agenda.map((item, i) => (
          <li key={item.caseId} className="flex flex-wrap items-center gap-2">
            <a
              href={`#${agendaSectionId(prefix, item.caseId)}`}
              onClick={(e) => {
                e.preventDefault()
                jumpTo(item.caseId)
              }}
            >
              {i + 1}. {item.caseNo}
              {item.name ? ` ${item.name}` : ''}
            </a>
            <StateBadge state={stateOf(item)} />
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={sections.openAll}>
          すべて開く
        </Button>
        <Button variant="secondary" size="sm" onClick={sections.closeAll}>
          すべて閉じる
        </Button>
      </div>
    </nav>
  )
}

/**
 * One agenda case as a disclosure: an h3 holding a button with aria-expanded. A closed
 * section stays mounted (hidden), so what is typed in it survives closing it.
 */
export function AgendaSection({
  prefix,
  item,
  index,
  state,
  sections,
  children,
}: {
  prefix: string
  item: AgendaItem
  index: number
  state: CaseState
  sections: ReturnType<typeof useOpenSections>
  children: ReactNode
}) {
  const id = agendaSectionId(prefix, item.caseId)
  const open = sections.isOpen(item.caseId)
  return (
    <section
      id={id}
      aria-labelledby={`${id}-toggle`}
      className="scroll-mt-4 rounded-8 border border-solid-gray-300"
    >
      <h3 className="text-std-18B-160">
        <button
          type="button"
          id={`${id}-toggle`}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => sections.toggle(item.caseId)}
          className="flex min-h-12 w-full flex-wrap items-center gap-3 rounded-8 px-4 py-2 text-left hover:bg-key-50"
        >
          <span aria-hidden="true">{open ? '▼' : '▶'}</span>
          <span>
            {index + 1}. {item.caseNo}
            {item.name ? `（${item.name}）` : ''}
          </span>
          <span className="text-std-16N-170">{agendaKindText(item)}</span>
          <StateBadge state={state} />
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!open} className="flex flex-col gap-6 px-4 pt-2 pb-6">
        {children}
      </div>
    </section>
  )
}
