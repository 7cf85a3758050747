import type { Report } from '#shared/contracts/reports.ts'
import { findingsHtml } from './render-findings.ts'
import { formatCell, periodLabel, type ReportTable, reportTables } from './report-tables.ts'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

function tableHtml(t: ReportTable, index: number): string {
  const head = t.columns
    .map(
      (c, j) =>
        `<th scope="col"${j > 0 && c.kind !== 'text' ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`,
    )
    .join('')
  const body = t.rows
    .map((row, i) => {
      const total = t.totalRow && i === t.rows.length - 1 ? ' class="total"' : ''
      const cells = row
        .map((value, j) => {
          const text = escapeHtml(formatCell(value, t.columns[j]!.kind))
          if (j === 0) return `<th scope="row">${text}</th>`
          return t.columns[j]!.kind === 'text' ? `<td>${text}</td>` : `<td class="num">${text}</td>`
        })
        .join('')
      return `<tr${total}>${cells}</tr>`
    })
    .join('\n')
  return `<section aria-labelledby="t${index}">
<table>
<caption id="t${index}">${escapeHtml(t.title)}${t.note ? `<span class="note">${escapeHtml(t.note)}</span>` : ''}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`
}

const STYLE = `
@page { size: A4; margin: 15mm; }
body { font-family: "BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif;
  color: #1a1a1c; line-height: 1.6; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.period { margin: 0 0 1.5rem; }
section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: 0 0 .25rem; }
caption .note { display: block; font-weight: normal; font-size: .85rem; }
th, td { border: 1px solid #767676; padding: .2rem .5rem; }
thead th { background: #e8eef7; }
th[scope="row"] { text-align: left; font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #1a1a1c; }
footer { font-size: .8rem; color: #595959; }
h2 { font-size: 1.1rem; }
.findings ul { padding-left: 1.2rem; }
.findings p { margin: 0; }
.findings .figures { font-size: .85rem; color: #595959; margin-bottom: .5rem; }
@media print { body { padding: 0; } }
`

/**
 * The report as one standalone page (no scripts, fonts or images from anywhere): print it to
 * A4 or save it as PDF. Each table has a caption and header scopes for screen readers.
 */
export function renderReportHtml(report: Report): string {
  const period = escapeHtml(periodLabel(report))
  const tables = reportTables(report).map(tableHtml).join('\n')
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ひきこもり支援 取組検証 統計（${period}）</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>ひきこもり支援 取組検証 統計</h1>
<p class="period">対象期間：${period}</p>
${findingsHtml(report, escapeHtml)}
${tables}
</main>
<footer><p>件数は記録から集計したものです。個人を特定する情報は含みません。割合は小数点以下第1位まで表示しています。</p></footer>
</body>
</html>
`
}
