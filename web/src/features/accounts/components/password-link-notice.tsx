import { useEffect, useRef, useState } from 'react'
import { formatInstant } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'

/**
 * The one-time password link. The server keeps only its hash, so this is the only time it can be
 * shown: the administrator copies it and hands it to the account's owner.
 */
export function PasswordLinkNotice({ link }: { link: { path: string; expiresAt: string } }) {
  const url = new URL(link.path, window.location.origin).toString()
  const ref = useRef<HTMLHeadingElement>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    ref.current?.focus()
  }, [])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  return (
    <section
      aria-labelledby="password-link-title"
      className="rounded-8 border-2 border-success-2 bg-green-50 p-6"
    >
      <h2 id="password-link-title" ref={ref} tabIndex={-1} className="text-std-20B-150">
        パスワード設定用リンクを発行しました
      </h2>
      <p className="mt-2 text-std-16N-170">
        このリンクは<strong>今だけ表示されます</strong>
        。画面を離れると二度と表示できません。本人に安全な方法で伝えてください。
      </p>
      <p className="mt-2 text-std-16N-170">
        有効期限：{formatInstant(link.expiresAt)}まで（一度使うと無効になります）
      </p>
      <p className="mt-4 break-all rounded-4 border border-solid-gray-600 bg-white p-3 font-mono text-std-16N-170">
        {url}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button variant="secondary" onClick={copy}>
          リンクをコピー
        </Button>
        <span role="status" className="text-std-16N-170">
          {copied ? 'コピーしました' : ''}
        </span>
      </div>
    </section>
  )
}
