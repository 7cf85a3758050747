import { type ReactNode, useState } from 'react'
import type { Resource } from '#shared/contracts/resources.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useUpdateResource } from '../api/update-resource.ts'
import { areaText, categoriesText, countsText, servesText, subsidyText } from '../resource-format.ts'
import { ResourceForm } from './resource-form.tsx'

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-3">
      <dt className="text-std-16B-170">{term}</dt>
      <dd className="text-std-16N-170">{children}</dd>
    </div>
  )
}

/**
 * One resource of the directory. Headquarters (`canEdit`) also sees the referral counts and may
 * edit it, take it out of the directory or put it back, each after a confirmation step.
 */
export function ResourceCard({
  resource: r,
  canEdit,
  onMessage,
}: {
  resource: Resource
  canEdit: boolean
  onMessage: (message: string) => void
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view')
  const update = useUpdateResource(r.id)
  const headingId = `resource-${r.id}-name`

  const toggleActive = () =>
    update.mutate(
      { active: !r.active },
      {
        onSuccess: () => {
          setMode('view')
          onMessage(r.active ? `「${r.name}」を一覧から外しました。` : `「${r.name}」を一覧に戻しました。`)
          // A resource taken out may leave the list: then the list's heading takes the focus.
          focusSoon(`resource-${r.id}-toggle`, 'resource-results')
        },
      },
    )

  return (
    <li>
      <article
        aria-labelledby={headingId}
        className={`rounded-8 border p-6 ${r.active ? 'border-solid-gray-300 bg-white' : 'border-dashed border-solid-gray-600 bg-solid-gray-50'}`}
      >
        <h3 id={headingId} className="text-std-20B-150">
          {r.name}
          {!r.active && <span className="ml-3 text-std-16B-170 text-solid-gray-800">（利用終了）</span>}
        </h3>
        <p className="text-std-16N-170 text-solid-gray-800">資源番号：{r.resourceNo}</p>
        {mode === 'edit' ? (
          <section aria-label={`「${r.name}」の編集`} className="mt-4 border-t border-solid-gray-300 pt-4">
            <ResourceForm
              resource={r}
              onDone={() => {
                setMode('view')
                onMessage(`「${r.name}」の変更を保存しました。`)
                focusSoon(`resource-${r.id}-edit`)
              }}
              onCancel={() => {
                setMode('view')
                focusSoon(`resource-${r.id}-edit`)
              }}
            />
          </section>
        ) : (
          <>
            <dl className="mt-3 flex flex-col gap-1">
              <Fact term="分類">{categoriesText(r) || '未設定'}</Fact>
              <Fact term="対象">{servesText(r) || '未設定'}</Fact>
              <Fact term="地域">{areaText(r)}</Fact>
              <Fact term="補助金採択">
                {r.subsidyFiscalYears.length ? `${subsidyText(r.subsidyFiscalYears)}` : 'なし'}
              </Fact>
              <Fact term="連絡先">{r.contact ?? '未登録'}</Fact>
              {r.referrals && <Fact term="つなぎの件数">{countsText(r.referrals)}</Fact>}
            </dl>
            {r.description && <p className="mt-3 whitespace-pre-wrap text-std-16N-170">{r.description}</p>}
            {canEdit && mode === 'view' && (
              <div className="mt-4 flex flex-wrap gap-3">
                <Button
                  id={`resource-${r.id}-edit`}
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setMode('edit')
                    focusSoon(`resource-${r.id}-name`)
                  }}
                >
                  編集<span className="sr-only">（{r.name}）</span>
                </Button>
                <Button
                  id={`resource-${r.id}-toggle`}
                  variant="tertiary"
                  size="sm"
                  onClick={() => setMode('confirm')}
                >
                  {r.active ? '一覧から外す' : '一覧に戻す'}
                  <span className="sr-only">（{r.name}）</span>
                </Button>
              </div>
            )}
            {canEdit && mode === 'confirm' && (
              <div className="mt-4">
                <ConfirmPanel
                  title={r.active ? `「${r.name}」を一覧から外しますか` : `「${r.name}」を一覧に戻しますか`}
                  confirmLabel={r.active ? '一覧から外す' : '一覧に戻す'}
                  danger={r.active}
                  busy={update.isPending}
                  onConfirm={toggleActive}
                  onCancel={() => {
                    setMode('view')
                    focusSoon(`resource-${r.id}-toggle`)
                  }}
                >
                  {r.active
                    ? '職員の検索結果に表示されなくなり、新しくつなぐこともできなくなります。これまでのつなぎの記録は残ります。'
                    : '職員の検索結果に再び表示され、ケースからつなげるようになります。'}
                  {update.error && (
                    <div className="mt-4">
                      <Notice tone="error" live="alert">
                        {isApiError(update.error) ? update.error.message : '保存に失敗しました。'}
                      </Notice>
                    </div>
                  )}
                </ConfirmPanel>
              </div>
            )}
          </>
        )}
      </article>
    </li>
  )
}
