// The ward's side of a case: handover inbox, additional assessment, ward intake route, consent.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'

// Scaffold: the module's routes are registered here once built.
export function handoversModule(_app: FastifyInstance, _deps: AppDeps) {}
