import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination, shownRange } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { type ResourceListQuery, useResources } from '#web/features/resources/api/list-resources.ts'
import { ResourceCard } from '#web/features/resources/components/resource-card.tsx'
import {
  RESOURCE_FILTER_KEYS,
  ResourceFilters,
  type ResourceFilterValues,
} from '#web/features/resources/components/resource-filters.tsx'
import { ResourceForm } from '#web/features/resources/components/resource-form.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useMe } from '#web/lib/session.ts'
import { resourcesRoute } from './resources.route.ts'

const PAGE_SIZE = 20

export function ResourcesPage() {
  const me = useMe()
  const maintainer = me.can.maintainResources
  const wholeDirectory = me.can.seeWholeDirectory
  const search = resourcesRoute.useSearch()
  const navigate = useNavigate({ from: '/resources' })
  const page = search.page ?? 1
  const [adding, setAdding] = useState(false)
  const [flash, setFlash] = useState('')
  const list = useResources({ ...search, page, pageSize: PAGE_SIZE } as ResourceListQuery)
  const filterErrors = isApiError(list.error) ? list.error.fieldErrors : {}

  const filters: ResourceFilterValues = {}
  for (const key of RESOURCE_FILTER_KEYS) if (search[key]) filters[key] = search[key]
  const filtered = Object.keys(filters).length > 0

  return (
    <>
      <PageHeading title="社会資源">
        {maintainer && !adding && (
          <Button
            id="resource-add-open"
            onClick={() => {
              setAdding(true)
              focusSoon('resource-new-name')
            }}
          >
            社会資源を登録する
          </Button>
        )}
      </PageHeading>
      <p className="mb-6 max-w-3xl text-std-16N-170">
        本人や家族をつなぐ先になる居場所・就労支援・家族会などの一覧です。
        {maintainer
          ? '本市担当課が登録・更新します。'
          : 'ケースからつなぐときは、ケースの画面の「社会資源へのつなぎ」から記録してください。'}
      </p>
      <FlashStatus message={flash} />
      {adding && (
        <section
          id="resource-new"
          aria-labelledby="resource-new-title"
          className="mb-8 rounded-8 border border-solid-gray-300 p-6"
        >
          <h2 id="resource-new-title" className="mb-6 text-std-20B-150">
            社会資源を登録する
          </h2>
          <ResourceForm
            onDone={(saved) => {
              setAdding(false)
              setFlash(`「${saved.name}」を資源番号 ${saved.resourceNo} で登録しました。`)
              focusSoon('resource-add-open')
            }}
            onCancel={() => {
              setAdding(false)
              focusSoon('resource-add-open')
            }}
          />
        </section>
      )}
      <ResourceFilters
        // A new key when the URL changes (e.g. browser back) so the form shows the URL's filters.
        key={JSON.stringify(filters)}
        initial={filters}
        errors={filterErrors}
        showInactiveChoice={wholeDirectory}
        onApply={(values) => navigate({ search: values })}
      />
      <section aria-labelledby="resource-results">
        <h2 id="resource-results" tabIndex={-1} className="mb-2 text-std-20B-150">
          {filtered ? '検索結果' : '社会資源の一覧'}
        </h2>
        <p role="status" className="mb-4 text-std-16N-170">
          {list.data ? `全${list.data.total}件` : ''}
          {list.data ? shownRange(page, PAGE_SIZE, list.data.total) : ''}
        </p>
        {list.isPending && <Loading what="社会資源" />}
        {list.error && <QueryError error={list.error} />}
        {list.data && list.data.items.length === 0 && (
          <p className="text-std-16N-170">
            {filtered
              ? '条件に合う社会資源はありません。条件を変えて検索してください。'
              : maintainer
                ? '社会資源はまだ登録されていません。「社会資源を登録する」から登録してください。'
                : '社会資源はまだ登録されていません。本市担当課が登録すると、ここに表示されます。'}
          </p>
        )}
        {list.data && list.data.items.length > 0 && (
          <>
            <ul className="flex flex-col gap-4">
              {list.data.items.map((r) => (
                <ResourceCard key={r.id} resource={r} canEdit={maintainer} onMessage={setFlash} />
              ))}
            </ul>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
            />
          </>
        )}
      </section>
    </>
  )
}
