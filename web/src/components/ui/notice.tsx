import type { ReactNode } from 'react'

type Tone = 'info' | 'success' | 'warning' | 'error'

const tones: Record<Tone, string> = {
  info: 'border-blue-900 bg-blue-50',
  success: 'border-success-2 bg-green-50',
  warning: 'border-warning-yellow-2 bg-yellow-50',
  error: 'border-error-2 bg-red-50',
}

const marks: Record<Tone, string> = { info: '情報', success: '完了', warning: '注意', error: 'エラー' }

export interface NoticeProps {
  tone?: Tone
  title?: string
  children?: ReactNode
  /** 'status' for polite announcements, 'alert' for errors that need attention now. */
  live?: 'status' | 'alert' | 'none'
}

/** A message box; the tone is written out as text too, so colour is never the only signal. */
export function Notice({ tone = 'info', title, children, live = 'none' }: NoticeProps) {
  const role = live === 'none' ? undefined : live
  return (
    <div role={role} className={`rounded-8 border-l-8 p-4 text-std-16N-170 ${tones[tone]}`}>
      {title && (
        <p className="text-std-17B-170">
          <span className="sr-only">{marks[tone]}：</span>
          {title}
        </p>
      )}
      {children && <div className={title ? 'mt-1' : ''}>{children}</div>}
    </div>
  )
}
