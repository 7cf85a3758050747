/**
 * 8050世帯: derived by the server from the case and its people (the person 40 or over living
 * with a parent of 70 or over, or with care needs or services involved). The badge says it in
 * words, so that it never rests on colour.
 */
export function Household8050Badge({ compact = false }: { compact?: boolean }) {
  if (compact)
    return (
      <span className="ml-2 whitespace-nowrap rounded-4 border-2 border-warning-orange-2 px-1 text-std-16B-170 text-solid-gray-900">
        8050<span className="sr-only">世帯</span>
      </span>
    )
  return (
    <p className="mb-6 flex flex-wrap items-center gap-3 text-std-16N-170">
      <span className="rounded-4 border-2 border-warning-orange-2 bg-yellow-50 px-2 text-std-17B-170 text-solid-gray-900">
        8050世帯
      </span>
      <span>
        本人が40歳以上で、70歳以上または介護・支援機関の関わる親と同居しています（相談者・世帯から判定）。
      </span>
    </p>
  )
}
