import { stringifySearchWith } from '@tanstack/react-router'

/**
 * Search params stay plain text in both directions. The router's default reads values as JSON
 * or numbers, so a search for 12345 came back as a number and ?flag8050=true was written as
 * %22true%22; every route's validateSearch parses the text it expects instead.
 */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search))
}

/** Text as it is; booleans and numbers (set by a route) as their text. */
export const stringifySearch = stringifySearchWith(JSON.stringify)
