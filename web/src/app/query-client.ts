import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '#web/lib/api-error.ts'

type AuthLostHandler = (expired: boolean) => void

let onAuthLost: AuthLostHandler = () => {}

/** The router registers how to go to the login page; the cache only knows that auth was lost. */
export function setAuthLostHandler(handler: AuthLostHandler) {
  onAuthLost = handler
}

function handleError(error: unknown) {
  if (isApiError(error) && error.status === 401) onAuthLost(error.code === 'session_expired')
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      // Client errors (403, 404, 401) will not fix themselves; retry only network and server trouble.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
})
