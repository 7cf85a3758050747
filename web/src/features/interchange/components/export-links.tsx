import { buttonClass } from '../../../components/ui/button.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { buildUrl } from '../../../lib/api-client.ts'

// The export is a binary download registered outside the JSON contracts.
const EXPORT_PATH = '/api/exports.xlsx'

/** Download everything stored, in the import format; with personal data for administrators only. */
export function ExportLinks({ mayExportPersonal }: { mayExportPersonal: boolean }) {
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
      {mayExportPersonal && (
        <>
          <Notice tone="warning" title="個人情報を含む書き出し">
            氏名などの個人情報と、ひきこもりの相談内容という要配慮個人情報を含みます。移行などで必要なときだけ書き出し、保存先と受け渡しの方法に注意し、用が済んだら削除してください。
          </Notice>
          <p>
            <a
              href={buildUrl(EXPORT_PATH, undefined, { personal: 'true' })}
              download
              className={buttonClass('secondary')}
            >
              個人情報を含めて書き出す
            </a>
          </p>
        </>
      )}
    </section>
  )
}
