import type { CodeList } from '#shared/codes.ts'

/** A shared code list as select or radio options; labels come only from shared/codes.ts. */
export function optionsOf(list: CodeList<string>): { value: string; label: string }[] {
  return list.map((c) => ({ value: c.code, label: c.label }))
}
