/** A part of the intake form: its values, their change, and the form's errors keyed by API field. */
export interface FieldsetProps<V> {
  values: V
  onChange: (values: V) => void
  errors: Record<string, string>
}
