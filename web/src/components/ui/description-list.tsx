import type { ReactNode } from 'react'

export interface DescriptionItem {
  term: string
  value: ReactNode
}

/** Label–value pairs of a record; an empty value reads 「未入力」 rather than nothing. */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 border-t border-solid-gray-300 sm:grid-cols-[12rem_1fr]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="border-solid-gray-300 pt-3 text-std-16B-170 sm:border-b sm:pb-3">{item.term}</dt>
          <dd className="border-b border-solid-gray-300 pb-3 text-std-16N-170 sm:pt-3">
            {item.value === null || item.value === undefined || item.value === '' ? (
              <span className="text-solid-gray-700">未入力</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
