import { describe, expect, it } from 'vitest'
import { getSession, login } from '#shared/contracts/auth.ts'
import { verifySecondFactor } from '#shared/contracts/two-factor.ts'
import { loginEndpoint, sessionEndpoint, verifyEndpoint } from './login-endpoints.ts'

describe('the login page’s endpoints', () => {
  it('are the contracts’ methods and paths', () => {
    for (const [endpoint, contract] of [
      [sessionEndpoint, getSession],
      [loginEndpoint, login],
      [verifyEndpoint, verifySecondFactor],
    ] as const) {
      expect({ method: endpoint.method, path: endpoint.path }).toEqual({
        method: contract.method,
        path: contract.path,
      })
    }
  })
})
