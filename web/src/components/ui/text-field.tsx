import type { InputHTMLAttributes, ReactNode } from 'react'
import { controlClass, describedBy, FieldShell } from './field.tsx'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value' | 'placeholder'>

export interface TextFieldProps extends InputProps {
  id: string
  label: string
  value: string
  onValueChange: (value: string) => void
  required?: boolean
  support?: ReactNode
  error?: string | undefined
  plain?: boolean
  after?: ReactNode
  /** Tailwind width class; forms size inputs to the expected answer. */
  widthClass?: string
  /** The id of more text about the control outside the field (e.g. a password's strength). */
  alsoDescribedBy?: string
}

export function TextField({
  id,
  label,
  value,
  onValueChange,
  required,
  support,
  error,
  plain,
  after,
  widthClass = 'w-full max-w-lg',
  alsoDescribedBy,
  ...rest
}: TextFieldProps) {
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      support={support}
      error={error}
      plain={plain}
      after={after}
    >
      <input
        {...rest}
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [describedBy(id, Boolean(error), Boolean(support)), alsoDescribedBy].filter(Boolean).join(' ') ||
          undefined
        }
        className={`${controlClass} ${widthClass}`}
      />
    </FieldShell>
  )
}
