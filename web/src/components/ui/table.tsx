import type { ReactNode } from 'react'

/** A data table with a caption; wide tables scroll sideways instead of squeezing columns. */
export function Table({
  caption,
  captionHidden,
  children,
}: {
  caption: string
  captionHidden?: boolean
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
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
