/**
 * Text as a CSS string literal, for print headers written into @page margin boxes: ward and
 * meeting names are a city's data and may hold any character.
 */
export function cssString(text: string): string {
  return `"${text.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/\n/gu, '\\A ')}"`
}
