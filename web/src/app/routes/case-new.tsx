import { createRoute, useNavigate } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { IntakeForm } from '../../features/cases/components/intake-form.tsx'
import { RequireCaseRole } from '../require-role.tsx'
import { appRoute } from './root.tsx'

export const caseNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new',
  component: CaseNewPage,
})

function CaseNewPage() {
  const navigate = useNavigate()
  return (
    <RequireCaseRole>
      <PageHeading title="新規受付" />
      <p className="mb-8 text-std-16N-170">
        相談を受け付けた内容を登録します。「※必須」の項目以外は、分かる範囲で入力してください。
      </p>
      <IntakeForm onCreated={(created) => navigate({ to: '/cases/$id', params: { id: created.id } })} />
    </RequireCaseRole>
  )
}
