// City-wide meetings (担当者会議, 支援ミーティング) and anonymised case-study shares.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'

// Scaffold: the module's routes are registered here once built.
export function networkModule(_app: FastifyInstance, _deps: AppDeps) {}
