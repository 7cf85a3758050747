import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { accompanimentModule } from './accompaniment/index.ts'
import { accountsModule } from './accounts/index.ts'
import { auditModule } from './audit/index.ts'
import { authModule } from './auth/index.ts'
import { casesModule } from './cases/index.ts'
import { contactsModule } from './contacts/index.ts'
import { handoversModule } from './handovers/index.ts'
import { inquiriesStaffModule } from './inquiries/index.ts'
import { intakeModule } from './intake/index.ts'
import { interchangeModule } from './interchange/index.ts'
import { mailModule } from './mail/index.ts'
import { meetingsModule } from './meetings/index.ts'
import { networkModule } from './network/index.ts'
import { orgModule } from './org/index.ts'
import { peopleModule } from './people/index.ts'
import { reportsModule } from './reports/index.ts'
import { resourcesModule } from './resources/index.ts'
import { seminarsModule } from './seminars/index.ts'
import { surveysModule } from './surveys/index.ts'
import { createTwoFactorService, twoFactorModule } from './two-factor/index.ts'

/** Every domain module, in the order their routes are registered. */
export const modules: ((app: FastifyInstance, deps: AppDeps) => void)[] = [
  signIn,
  accountsModule,
  orgModule,
  auditModule,
  casesModule,
  intakeModule,
  contactsModule,
  peopleModule,
  handoversModule,
  meetingsModule,
  accompanimentModule,
  resourcesModule,
  surveysModule,
  networkModule,
  seminarsModule,
  interchangeModule,
  reportsModule,
  inquiriesStaffModule,
  mailModule,
]

/** The password step (auth) asks the two-factor service for the second; two-factor's endpoints follow. */
function signIn(app: FastifyInstance, deps: AppDeps) {
  const twoFactor = createTwoFactorService(deps.db, deps.clock, deps.config.twoFactorKey)
  authModule(app, deps, twoFactor)
  twoFactorModule(app, deps, twoFactor)
}
