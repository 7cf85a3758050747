// The residents' web consultation (ウェブ相談): server-rendered pages under /soudan/<cityId>/,
// one plugin for both entry points — `npm start` (with the staff app) and `npm run public`.
//
// URLs (several cities in one deployment; the city's id is the tenant id):
//   /soudan                    → redirect to the default city's page (config.defaultCity)
//   /soudan/<city>/            what the window is, hours, phone, crisis lines
//   /soudan/<city>/write       the form; POST sends it, then /done shows the 受付番号
//   /soudan/<city>/return      受付番号 + 合言葉 → /thread (read replies, write again)
//   /soudan/<city>/leave       POST: close the thread page on this device
//   /soudan/style.css          the one stylesheet
// Any page takes ?lang=ja|ja-easy|en|zh|ko|vi|pt, remembered in a cookie.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { createResidentService, DEFAULT_THROTTLE, type Throttle } from './resident.service.ts'
import { registerPublicRoutes, type SendLimits } from './routes.ts'
import { prepareSite } from './site-plugins.ts'

export const PUBLIC_PREFIX = '/soudan'

export interface PublicSiteOptions {
  /** Also redirect / to the default city's page (the public-only entry point, which has no staff app at /). */
  redirectRoot?: boolean
  /** Per-code guessing throttle (tests shorten it). */
  throttle?: Throttle
  /** Per-address limits on sending and on code + passphrase tries (tests lower them). */
  limits?: Partial<SendLimits>
}

export const DEFAULT_LIMITS: SendLimits = {
  /** New consultations from one address in 10 minutes. */
  open: 5,
  /** Follow-up messages from one address in 10 minutes. */
  follow: 20,
  /** Code + passphrase tries from one address in 10 minutes (across codes). */
  comeBack: 20,
  windowMs: 10 * 60_000,
}

/** Mounts the public pages on `app`: `await publicSite(app, deps)`. */
export async function publicSite(app: FastifyInstance, deps: AppDeps, options: PublicSiteOptions = {}) {
  const defaultCity = deps.config.defaultCity
  if (options.redirectRoot) {
    app.get('/', (_request, reply) => reply.redirect(`${PUBLIC_PREFIX}/${encodeURIComponent(defaultCity)}/`))
  }
  await app.register(
    async (site) => {
      const csrf = await prepareSite(app, site, deps)
      const service = createResidentService(deps.db, deps.clock, options.throttle ?? DEFAULT_THROTTLE)
      registerPublicRoutes(site, {
        service,
        csrf,
        deps,
        limits: {
          ...DEFAULT_LIMITS,
          ...(deps.config.publicSendLimit ? { open: deps.config.publicSendLimit } : {}),
          ...options.limits,
        },
      })
    },
    { prefix: PUBLIC_PREFIX },
  )
}
