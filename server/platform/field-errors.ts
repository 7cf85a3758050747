import { type FieldError, invalid } from './errors.ts'

/** Collects every field error of a request, so that the form can show them all at once. */
export class FieldErrors {
  readonly list: FieldError[] = []
  add(field: string, message: string) {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message })
  }
  /** Throwing inside the transaction rolls back anything already written. */
  throwIfAny() {
    if (this.list.length) throw invalid(this.list)
  }
}
