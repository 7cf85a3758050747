import { cssString } from '#web/lib/css-string.ts'
import { useMe } from '#web/lib/session.ts'

/** Who must confirm the minutes on paper, left to right as a centre's 回覧 stamps them. */
const CONFIRMERS = ['センター長（議長）', '寄り添い支援係長', '記録担当'] as const

/**
 * The printed minutes' frame: the title in every page's header with 取扱注意 (the minutes record
 * decisions on named cases, so they are always handled with care), page numbers N / M
 * (meeting-minutes-print.css), and at the end 作成者 and a 確認欄 for the stamps of those who
 * confirm them. The meeting's records do not say who drafted the minutes, so 作成者 is the staff
 * member who prints them, who answers for the paper copy.
 */
export function MinutesPrintFrame({ title }: { title: string }) {
  const me = useMe()
  const css = `@media print { @page minutes {
  @top-left { content: ${cssString(title)}; font-size: 9pt; color: #1a1a1a; }
  @top-right { content: "【取扱注意】"; font-size: 11pt; font-weight: bold; color: #1a1a1a; }
} }`
  return (
    <>
      <style>{css}</style>
      <section aria-labelledby="minutes-sign-off" className="minutes-sign-off">
        <h2 id="minutes-sign-off" className="mb-4 text-std-24B-150">
          作成者・確認欄
        </h2>
        <p className="mb-4 text-std-16N-170">
          作成者：{me.unit.name}　{me.name}
        </p>
        <table className="minutes-confirm w-full max-w-2xl border-collapse text-std-16N-170">
          <caption className="mb-2 text-left text-std-18B-160">確認欄</caption>
          <thead>
            <tr>
              {CONFIRMERS.map((who) => (
                <th key={who} scope="col" className="border border-solid-gray-800 px-3 py-2">
                  {who}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {CONFIRMERS.map((who) => (
                <td key={who} className="h-24 border border-solid-gray-800">
                  <span className="sr-only">{who}の確認（印刷して押印・署名）</span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </>
  )
}
