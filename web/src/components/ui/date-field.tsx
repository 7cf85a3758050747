import { dateReadingText } from '#web/lib/date-text.ts'
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
 * A date typed as text, 西暦 or 和暦 as staff write it (2026/12/1, R8.12.1, 令和8年12月1日): staff
 * copy dates from paper ledgers, and a native date picker is slow for that. What the server will
 * read — the same parser as the API's and the importer's — is read back beside the field as the
 * person types, so a wrong era or a day that never was shows before saving.
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
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onValueChange={onValueChange}
      required={required}
      error={error}
      plain={plain}
      support={support ?? '「2026/12/1」「R8.12.1」「令和8年12月1日」のように入力してください'}
      autoComplete="off"
      widthClass="w-44"
      alsoDescribedBy={`${id}-reading`}
      after={
        <span id={`${id}-reading`} aria-live="polite" className="text-std-16N-170 text-solid-gray-800">
          {dateReadingText(value)}
        </span>
      }
    />
  )
}
