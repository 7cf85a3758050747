import { type ReactNode, useLayoutEffect, useRef } from 'react'

/**
 * Gives every body cell the text of its column's header as data-label, which the stylesheet
 * shows before the cell when a narrow table turns into stacked rows (styles.css, .data-table).
 * Columns are counted with colSpan; a cell spanning several columns (an empty-list row) gets
 * none. A sortable header names its column in its own data-label, without the sort hint.
 */
function labelCells(table: HTMLTableElement) {
  const headerRow = table.tHead?.rows[table.tHead.rows.length - 1]
  if (!headerRow) return
  const labels: string[] = []
  for (const th of Array.from(headerRow.cells)) {
    const label = (th.dataset.label ?? th.textContent ?? '').trim()
    for (let i = 0; i < th.colSpan; i++) labels.push(label)
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0
      for (const cell of Array.from(row.cells)) {
        const label = cell.colSpan === 1 ? labels[column] : undefined
        if (label && cell.dataset.label !== label) cell.dataset.label = label
        else if (!label && cell.dataset.label !== undefined) delete cell.dataset.label
        column += cell.colSpan
      }
    }
  }
}

/**
 * A box that scrolls must be reachable by keyboard and say what it holds (axe
 * scrollable-region-focusable): only while the table is wider than its box does the box take
 * focus, as a region named by the caption.
 */
function markScrolling(box: HTMLDivElement, caption: string) {
  if (box.scrollWidth > box.clientWidth) {
    box.tabIndex = 0
    box.setAttribute('role', 'region')
    box.setAttribute('aria-label', caption)
  } else if (box.hasAttribute('tabindex')) {
    box.removeAttribute('tabindex')
    box.removeAttribute('role')
    box.removeAttribute('aria-label')
  }
}

/**
 * A data table with a caption. Wide enough, it is a table (scrolling sideways inside its own box
 * if its columns need more room); in a narrow box — a phone, or a desktop window at 200 % zoom —
 * each row becomes a block of "header: value" lines, so no column is squeezed to one character
 * and the page never scrolls sideways.
 */
export function Table({
  caption,
  captionHidden,
  keepRows,
  children,
}: {
  caption: string
  captionHidden?: boolean
  /**
   * Stays a table in a narrow box: for two short columns (a chart's data: month and count),
   * which fit a phone as they are and read worse as one block per row.
   */
  keepRows?: boolean
  children: ReactNode
}) {
  const table = useRef<HTMLTableElement>(null)
  const box = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = table.current
    const outer = box.current
    if (!element || !outer) return
    labelCells(element)
    markScrolling(outer, caption)
    // Rows are often their own components that re-render without this one.
    const rows = new MutationObserver(() => labelCells(element))
    rows.observe(element, { childList: true, subtree: true, characterData: true })
    const size = new ResizeObserver(() => markScrolling(outer, caption))
    size.observe(outer)
    size.observe(element)
    return () => {
      rows.disconnect()
      size.disconnect()
    }
  }, [caption])
  return (
    <div ref={box} className={keepRows ? 'data-table-box data-table-box-rows' : 'data-table-box'}>
      <table ref={table} className="data-table w-full border-collapse text-left text-std-16N-170">
        <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-std-18B-160'}>{caption}</caption>
        {children}
      </table>
    </div>
  )
}

export function Th({ children, className = '' }: { children?: ReactNode; className?: string }) {
  return (
    <th
      scope="col"
      className={`border-b-2 border-solid-gray-800 bg-solid-gray-50 px-3 py-2 text-std-16B-170 ${className}`}
    >
      {children}
    </th>
  )
}

export function Td({ children, className = '' }: { children?: ReactNode; className?: string }) {
  return <td className={`border-b border-solid-gray-300 px-3 py-2 align-top ${className}`}>{children}</td>
}

export type SortOrder = 'asc' | 'desc'

/**
 * A column header that sorts the table. aria-sort sits on the th; the button says what a
 * press will do, since the current order is already announced through aria-sort.
 */
export function SortableTh({
  label,
  active,
  order,
  onSort,
}: {
  label: string
  active: boolean
  order: SortOrder
  onSort: (order: SortOrder) => void
}) {
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined
  const next: SortOrder = active && order === 'desc' ? 'asc' : 'desc'
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      data-label={label}
      className="border-b-2 border-solid-gray-800 bg-solid-gray-50 px-1 py-1"
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex min-h-10 items-center gap-1 rounded-4 px-2 text-std-16B-170 text-key-900 underline hover:bg-key-50"
      >
        {label}
        <span aria-hidden="true">{active ? (order === 'asc' ? '▲' : '▼') : '⇅'}</span>
        <span className="sr-only">（{next === 'asc' ? '昇順' : '降順'}で並べ替え）</span>
      </button>
    </th>
  )
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="border-b border-solid-gray-300 px-3 py-6 text-solid-gray-800">
        {children}
      </td>
    </tr>
  )
}
