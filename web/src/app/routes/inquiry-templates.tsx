import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { TemplatesManager } from '#web/features/inquiries/components/templates-manager.tsx'
import { RequireAbility } from '../require-role.tsx'

/** The page as the router shows it (the route, loaded on first visit: inquiry-templates.route.ts). */
export function GuardedTemplatesPage() {
  return (
    <RequireAbility ability="inquiries">
      <TemplatesPage />
    </RequireAbility>
  )
}

function TemplatesPage() {
  const [flash, setFlashState] = useState({ text: '', n: 0 })
  const flashRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (flash.n > 0) flashRef.current?.focus()
  }, [flash.n])
  return (
    <>
      <PageHeading title="定型文の管理" />
      <p className="-mt-4 mb-6">
        <Link to="/inquiries">ウェブ相談の一覧へ戻る</Link>
      </p>
      <p className="mb-6 text-std-16N-170">
        ウェブ相談に返信するときに選べる文章です。選んだ後に相談に合わせて書き換えて送ります。使わなくなった定型文は「使わない」にすると、返信の画面に表示されなくなります。
      </p>
      <div role="status" ref={flashRef} tabIndex={-1} className="mb-6 scroll-mt-4 empty:hidden">
        {flash.text && (
          <p className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170">
            {flash.text}
          </p>
        )}
      </div>
      <TemplatesManager onDone={(text) => setFlashState((f) => ({ text, n: f.n + 1 }))} />
    </>
  )
}
