import { formatWareki, parseWesternDate } from '../../../../shared/dates.ts'
import { TextField } from './text-field.tsx'

export interface DateFieldProps {
  id: string
  label: string
  value: string
  onValueChange: (value: string) => void
  required?: boolean
  error?: string | undefined
  support?: string
  plain?: boolean
}

/**
 * A 西暦 date typed as text (2021/8/31 or 2021-08-31): staff copy dates from paper ledgers, and a
 * native date picker is slow for that. The 和暦 appears beside it once the date is real.
 */
export function DateField({
  id,
  label,
  value,
  onValueChange,
  required,
  error,
  support,
  plain,
}: DateFieldProps) {
  const iso = parseWesternDate(value)
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onValueChange={onValueChange}
      required={required}
      error={error}
      plain={plain}
      support={support ?? '西暦で「2021/8/31」のように入力してください'}
      inputMode="numeric"
      autoComplete="off"
      widthClass="w-44"
      after={
        <span aria-live="polite" className="text-std-16N-170 text-solid-gray-800">
          {iso ? formatWareki(iso) : ''}
        </span>
      }
    />
  )
}
