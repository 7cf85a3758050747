/** The page's sections in page order: each id is the id of that section's heading. */
const CONTENTS = [
  { id: 'wards-heading', label: '区・支所' },
  { id: 'sections-heading', label: '保健福祉センターの課・室' },
  { id: 'windows-heading', label: '相談窓口' },
  { id: 'teams-heading', label: 'よりそい支援員（伴走支援）' },
  { id: 'window-info-heading', label: '受付時間・電話番号と緊急時の相談先' },
  { id: 'population-heading', label: '区ごとの人口' },
  { id: 'confidentiality-heading', label: '守秘義務の文面' },
  { id: 'org-sheet-heading', label: 'Excelで書き出す・取り込む' },
  { id: 'history-heading', label: '変更の履歴' },
] as const

/** このページの項目: in-page links, so an administrator jumps to a section instead of scrolling. */
export function OrgContents() {
  return (
    <nav aria-label="組織設定の項目" className="rounded-8 border border-solid-gray-420 p-4">
      <h2 className="mb-2 text-std-18B-160">このページの項目</h2>
      <ul className="grid gap-x-8 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {CONTENTS.map((c) => (
          <li key={c.id}>
            <a href={`#${c.id}`} className="text-std-16N-170 text-key-900 underline hover:decoration-2">
              {c.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
