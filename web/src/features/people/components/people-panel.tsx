import { useEffect, useRef, useState } from 'react'
import { CARE_KINDS, labelOf } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import type { Person } from '#shared/contracts/people.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { type DescriptionItem, DescriptionList } from '#web/components/ui/description-list.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { usePeople } from '#web/lib/people-query.ts'
import { personTitle } from '#web/lib/person-labels.ts'
import { useWardName } from '#web/lib/reference-data.ts'
import { useDeletePerson } from '../api/change-people.ts'
import { PersonForm } from './person-form.tsx'
import { PhoneNumbers } from './phone-numbers.tsx'

const FLASH_ID = 'people-flash'

function livesWithText(v: boolean | null) {
  return v === null ? '不明' : v ? '同居' : '別居'
}

function PersonEntry({
  caseId,
  person: p,
  canWrite,
  onChanged,
}: {
  caseId: string
  person: Person
  canWrite: boolean
  onChanged: (message: string) => void
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const [deleteError, setDeleteError] = useState('')
  const remove = useDeletePerson(caseId, p.id)
  const wardName = useWardName()
  const headingId = `person-${p.id}-title`
  const editId = `person-${p.id}-edit`
  const title = personTitle(p)
  const items: DescriptionItem[] = [
    { term: 'ふりがな', value: p.kana },
    { term: '年齢', value: p.age === null ? '' : `${p.age}歳` },
    { term: '同居・別居', value: livesWithText(p.livesWith) },
    { term: '連絡のつきやすい時間', value: p.bestTime },
    { term: 'メールアドレス', value: p.mail },
    { term: '住所', value: p.address ? `${p.address}${p.ward ? `（${wardName(p.ward)}）` : ''}` : '' },
    { term: '介護・支援機関', value: p.care.map((c) => labelOf(CARE_KINDS, c)).join('、') },
  ]

  return (
    <li className="border-l-4 border-key-900 pl-4">
      <article aria-labelledby={headingId} className="flex flex-col gap-4">
        <h3 id={headingId} tabIndex={-1} className="text-std-20B-150">
          {title}{' '}
          <span className="ml-3 rounded-4 border-2 border-solid-gray-600 px-2 text-std-16B-170">
            {p.consulter ? '相談者' : '世帯員'}
          </span>
        </h3>
        {mode === 'edit' ? (
          <div className="rounded-8 border border-solid-gray-300 p-4">
            <PersonForm
              caseId={caseId}
              person={p}
              onDone={(saved) => {
                setMode('view')
                onChanged(`「${personTitle(saved)}」を更新しました。`)
              }}
              onCancel={() => {
                setMode('view')
                focusSoon(editId)
              }}
            />
          </div>
        ) : (
          <>
            <PhoneNumbers person={p} />
            <DescriptionList items={items} />
          </>
        )}
        {mode === 'delete' && (
          <ConfirmPanel
            title={`「${title}」を削除しますか`}
            confirmLabel="削除する"
            danger
            busy={remove.isPending}
            onConfirm={() => {
              setDeleteError('')
              remove.mutate(p.version, {
                onSuccess: () => onChanged(`「${title}」を削除しました。`),
                // The server says why (a contact names the person, or someone changed them first).
                onError: (error) =>
                  setDeleteError(
                    isApiError(error)
                      ? (error.problem.detail ?? error.problem.title)
                      : '削除できませんでした。もう一度お試しください。',
                  ),
              })
            }}
            onCancel={() => {
              setMode('view')
              setDeleteError('')
              focusSoon(editId)
            }}
          >
            <p>電話番号などの連絡先も削除されます。元に戻せません。</p>
            {deleteError && (
              <div className="mt-4">
                <Notice tone="error" live="alert" title="削除できません">
                  {deleteError}
                </Notice>
              </div>
            )}
          </ConfirmPanel>
        )}
        {canWrite && mode === 'view' && (
          <div className="flex flex-wrap gap-4">
            <Button
              id={editId}
              variant="secondary"
              size="sm"
              onClick={() => {
                setMode('edit')
                focusSoon(`person-${p.id}-relationship`)
              }}
            >
              編集<span className="sr-only">（{title}）</span>
            </Button>
            <Button variant="tertiary" size="sm" onClick={() => setMode('delete')}>
              削除<span className="sr-only">（{title}）</span>
            </Button>
          </div>
        )}
      </article>
    </li>
  )
}

/**
 * 相談者・世帯 on the case page: who consulted and who lives with the person, how to reach
 * them, and the cautions before every number. Whoever may record contacts may change them
 * (`canWrite`); the server decides on every request.
 */
export function PeoplePanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const people = usePeople(c.id)
  const [adding, setAdding] = useState(false)
  const [flash, setFlash] = useState({ message: '', n: 0 })
  const changed = (message: string) => setFlash((f) => ({ message, n: f.n + 1 }))
  // Focus goes to the message once it is on screen (the form that had focus is gone by then),
  // again for each save, even when the words are the same.
  const flashRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (flash.n > 0) flashRef.current?.focus()
  }, [flash.n])

  return (
    <section aria-labelledby="case-people" className="mb-12">
      <h2 id="case-people" className="mb-4 text-std-24B-150">
        相談者・世帯
      </h2>
      <div role="status" className="mb-4 empty:hidden">
        {flash.message && (
          <p
            id={FLASH_ID}
            ref={flashRef}
            tabIndex={-1}
            className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170"
          >
            {flash.message}
          </p>
        )}
      </div>
      {people.isPending && <Loading what="相談者・世帯" />}
      {people.error && <QueryError error={people.error} />}
      {people.data && people.data.length === 0 && (
        <p className="mb-6 text-std-16N-170">相談者・世帯員はまだ登録されていません。</p>
      )}
      {people.data && people.data.length > 0 && (
        <ol className="mb-6 flex flex-col gap-8">
          {people.data.map((p) => (
            <PersonEntry key={p.id} caseId={c.id} person={p} canWrite={canWrite} onChanged={changed} />
          ))}
        </ol>
      )}
      {canWrite &&
        (adding ? (
          <section aria-labelledby="person-new" className="rounded-8 border border-solid-gray-300 p-6">
            <h3 id="person-new" className="mb-6 text-std-20B-150">
              相談者・世帯員を追加
            </h3>
            <PersonForm
              caseId={c.id}
              onDone={(saved) => {
                setAdding(false)
                changed(`「${personTitle(saved)}」を追加しました。`)
              }}
              onCancel={() => {
                setAdding(false)
                focusSoon('person-add-open')
              }}
            />
          </section>
        ) : (
          <Button
            id="person-add-open"
            onClick={() => {
              setAdding(true)
              focusSoon('person-new-relationship')
            }}
          >
            相談者・世帯員を追加
          </Button>
        ))}
    </section>
  )
}
