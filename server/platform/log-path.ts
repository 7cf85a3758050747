const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A run of URL-safe characters long enough to be a secret (one-time link tokens are 43). */
const SECRET_LIKE = /[A-Za-z0-9_-]{20,}/

/**
 * The path as logged: no query string (it can hold names typed into a search), and any segment
 * that looks like a token replaced. No route takes a secret in its path; this is the second
 * line, for a link pasted into the address bar by hand or an old client calling an old URL.
 * Record ids (UUIDs) stay: they are what makes a log line useful and are not secrets.
 */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? ''
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment
      try {
        decoded = decodeURIComponent(segment)
      } catch {
        // A malformed escape is logged as sent, unless it looks like a secret.
      }
      return !UUID.test(decoded) && SECRET_LIKE.test(decoded) ? ':redacted' : segment
    })
    .join('/')
}
