import type { ReactNode } from 'react'
import { describedBy, ErrorText, RequirementBadge, SupportText } from './field.tsx'

export interface Choice {
  value: string
  label: string
}

interface GroupShellProps {
  id: string
  legend: string
  required?: boolean | undefined
  support?: ReactNode
  error?: string | undefined
  role?: 'radiogroup'
  children: ReactNode
}

function GroupShell({ id, legend, required, support, error, role, children }: GroupShellProps) {
  return (
    <fieldset
      role={role}
      aria-describedby={describedBy(id, Boolean(error), Boolean(support))}
      aria-invalid={role && error ? true : undefined}
      className="flex flex-col gap-2"
    >
      <legend className="mb-2 text-std-17B-170">
        {legend}
        <RequirementBadge required={required} />
      </legend>
      <SupportText id={id}>{support}</SupportText>
      <div className="flex flex-wrap gap-x-6 gap-y-2">{children}</div>
      <ErrorText id={id} message={error} />
    </fieldset>
  )
}

const boxClass = 'size-6 shrink-0 accent-key-900'
const optionClass = 'flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170'

/** The first option carries the field's own id, so error summary links land on the group. */
function optionId(id: string, index: number, value: string) {
  return index === 0 ? id : `${id}-${value}`
}

export interface RadioGroupProps {
  id: string
  legend: string
  choices: readonly Choice[]
  value: string
  onValueChange: (value: string) => void
  required?: boolean
  support?: ReactNode
  error?: string | undefined
}

export function RadioGroup({
  id,
  legend,
  choices,
  value,
  onValueChange,
  required,
  support,
  error,
}: RadioGroupProps) {
  return (
    <GroupShell id={id} legend={legend} required={required} support={support} error={error} role="radiogroup">
      {choices.map((c, i) => (
        <label key={c.value} className={optionClass}>
          <input
            type="radio"
            id={optionId(id, i, c.value)}
            name={id}
            value={c.value}
            checked={value === c.value}
            onChange={() => onValueChange(c.value)}
            className={boxClass}
          />
          {c.label}
        </label>
      ))}
    </GroupShell>
  )
}

export interface CheckboxGroupProps {
  id: string
  legend: string
  choices: readonly Choice[]
  values: readonly string[]
  onValuesChange: (values: string[]) => void
  required?: boolean
  support?: ReactNode
  error?: string | undefined
}

export function CheckboxGroup({
  id,
  legend,
  choices,
  values,
  onValuesChange,
  required,
  support,
  error,
}: CheckboxGroupProps) {
  const toggle = (v: string, on: boolean) => {
    // Keep the list's order so the server receives codes as they are listed.
    const next = new Set(values)
    if (on) next.add(v)
    else next.delete(v)
    onValuesChange(choices.map((c) => c.value).filter((c) => next.has(c)))
  }
  return (
    <GroupShell id={id} legend={legend} required={required} support={support} error={error}>
      {choices.map((c, i) => (
        <label key={c.value} className={optionClass}>
          <input
            type="checkbox"
            id={optionId(id, i, c.value)}
            name={id}
            value={c.value}
            checked={values.includes(c.value)}
            onChange={(e) => toggle(c.value, e.target.checked)}
            aria-invalid={error ? true : undefined}
            className={boxClass}
          />
          {c.label}
        </label>
      ))}
    </GroupShell>
  )
}

/** A single yes/no checkbox (e.g. 有効). */
export function CheckboxField({
  id,
  label,
  checked,
  onCheckedChange,
  support,
}: {
  id: string
  label: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  support?: ReactNode
}) {
  return (
    <div className="flex flex-col gap-1">
      <SupportText id={id}>{support}</SupportText>
      <label className={optionClass}>
        <input
          type="checkbox"
          id={id}
          name={id}
          checked={checked}
          onChange={(e) => onCheckedChange(e.target.checked)}
          aria-describedby={support ? `${id}-support` : undefined}
          className={boxClass}
        />
        {label}
      </label>
    </div>
  )
}
