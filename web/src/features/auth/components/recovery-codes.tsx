import { useEffect, useRef } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { Notice } from '#web/components/ui/notice.tsx'

/** The recovery codes, shown once right after enrolment; the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section aria-labelledby="recovery-codes-heading" className="flex max-w-2xl flex-col gap-6">
      <h2
        id="recovery-codes-heading"
        ref={heading}
        tabIndex={-1}
        className="text-std-24B-150 focus:outline-none"
      >
        2段階認証を設定しました
      </h2>
      <Notice tone="warning" title="回復コードを控えてください（この画面でのみ表示します）">
        スマートフォンをなくした場合などに、確認コードの代わりに使えます。それぞれ1回だけ使えます。印刷するか書き写して、他人の目に触れない場所に保管してください。
      </Notice>
      <ol
        aria-label="回復コード"
        className="grid max-w-md grid-cols-2 gap-x-8 gap-y-2 font-mono text-std-17B-170 list-decimal pl-8"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div>
        <Button onClick={onDone}>回復コードを控えました</Button>
      </div>
    </section>
  )
}
