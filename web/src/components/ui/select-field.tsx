import type { ReactNode } from 'react'
import { controlClass, describedBy, FieldShell } from './field.tsx'

export interface SelectOption {
  value: string
  label: string
}

export interface SelectGroup {
  label: string
  options: SelectOption[]
}

export interface SelectFieldProps {
  id: string
  label: string
  value: string
  onValueChange: (value: string) => void
  options?: SelectOption[]
  groups?: SelectGroup[]
  /** Text of the empty choice; omit to force a choice. */
  emptyLabel?: string
  required?: boolean
  support?: ReactNode
  error?: string | undefined
  plain?: boolean
}

export function SelectField({
  id,
  label,
  value,
  onValueChange,
  options = [],
  groups = [],
  emptyLabel,
  required,
  support,
  error,
  plain,
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} required={required} support={support} error={error} plain={plain}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(error), Boolean(support))}
        className={`${controlClass} w-full max-w-md`}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  )
}
