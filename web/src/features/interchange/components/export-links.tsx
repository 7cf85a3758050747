import { buttonClass } from '#web/components/ui/button.tsx'
import { buildUrl } from '#web/lib/api-client.ts'

// The export is a binary download registered outside the JSON contracts.
const EXPORT_PATH = '/api/exports.xlsx'

/** Download everything stored, in the import format, without personal data (the server refuses it). */
export function ExportLinks() {
  return (
    <section aria-labelledby="export-title" className="flex max-w-3xl flex-col gap-4">
      <h2 id="export-title" className="text-std-24B-150">
        書き出し
      </h2>
      <p className="text-std-16N-170">
        登録されている記録を、取込と同じ形式のExcelブックで書き出します。書き出しは監査ログに記録されます。
      </p>
      <p>
        <a href={buildUrl(EXPORT_PATH)} download className={buttonClass('secondary')}>
          書き出す（個人情報を含まない）
        </a>
      </p>
      <p className="text-std-16N-170">
        氏名などの個人情報（要配慮個人情報）を含む書き出しは、画面からはできません。移行などで必要なときは、システム管理者に依頼してください（書き出しは監査ログに記録されます）。
      </p>
    </section>
  )
}
