// What the login page reads from its URL, without the router: the page is also its own first
// load (login-main.tsx), which carries no router.

export interface LoginSearch {
  /** Where to go once signed in (see safeRedirect). */
  redirect?: string
  expired?: boolean
  /** A deployment serving several cities: which city's staff signs in (see LoginForm). */
  city?: string
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  return {
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    expired:
      search.expired === 'true' || search.expired === '1' || search.expired === true ? true : undefined,
    city: typeof search.city === 'string' && search.city.trim() ? search.city.trim() : undefined,
  }
}

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/'
  return target
}
