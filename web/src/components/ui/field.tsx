import type { ReactNode } from 'react'

/** ids of the parts around a control; the error id comes first in aria-describedby (DA pattern). */
export function describedBy(id: string, hasError: boolean, hasSupport: boolean): string | undefined {
  const ids = [hasError ? `${id}-error` : null, hasSupport ? `${id}-support` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

export function RequirementBadge({ required }: { required?: boolean | undefined }) {
  return required ? (
    <span className="ml-2 text-std-16N-170 text-error-2">※必須</span>
  ) : (
    <span className="ml-2 text-std-16N-170 text-solid-gray-700">任意</span>
  )
}

export function SupportText({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null
  return (
    <p id={`${id}-support`} className="text-std-16N-170 text-solid-gray-700">
      {children}
    </p>
  )
}

export function ErrorText({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null
  return (
    <p id={`${id}-error`} className="text-std-16N-170 text-error-2">
      ＊{message}
    </p>
  )
}

export interface FieldShellProps {
  id: string
  label: string
  required?: boolean | undefined
  support?: ReactNode
  error?: string | undefined
  children: ReactNode
  /** Shown right of the control, e.g. the 和暦 of a typed date. */
  after?: ReactNode
  /** Search filters are all optional by nature, so they carry no 必須/任意 badge. */
  plain?: boolean | undefined
}

/** Label, support text above the control, error text below it: the Digital Agency form layout. */
export function FieldShell({ id, label, required, support, error, children, after, plain }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-std-17B-170">
        {label}
        {!plain && <RequirementBadge required={required} />}
      </label>
      <SupportText id={id}>{support}</SupportText>
      <div className="flex flex-wrap items-center gap-4">
        {children}
        {after}
      </div>
      <ErrorText id={id} message={error} />
    </div>
  )
}

/** Shared look of text-like controls; a thicker red border marks an invalid one. */
export const controlClass =
  'min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-std-16N-170 text-solid-gray-900 ' +
  'hover:border-black aria-[invalid=true]:border-2 aria-[invalid=true]:border-error-2 ' +
  'disabled:border-solid-gray-300 disabled:bg-solid-gray-50 disabled:text-solid-gray-700'
