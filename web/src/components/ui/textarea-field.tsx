import type { ReactNode } from 'react'
import { controlClass, describedBy, FieldShell } from './field.tsx'

export interface TextareaFieldProps {
  id: string
  label: string
  value: string
  onValueChange: (value: string) => void
  required?: boolean
  support?: ReactNode
  error?: string | undefined
  rows?: number
  maxLength?: number
}

export function TextareaField({
  id,
  label,
  value,
  onValueChange,
  required,
  support,
  error,
  rows = 4,
  maxLength,
}: TextareaFieldProps) {
  return (
    <FieldShell id={id} label={label} required={required} support={support} error={error}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(error), Boolean(support))}
        className={`${controlClass} w-full max-w-2xl`}
      />
    </FieldShell>
  )
}
