import { randomInt } from 'node:crypto'
import { sha256 } from '#server/platform/crypto.ts'
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from '#shared/contracts/two-factor.ts'

/**
 * Fresh recovery codes, as shown to the person (xxxxx-xxxxx). 10 characters of a 31-letter
 * alphabet without look-alikes (0/o, 1/l/i) give ~49 bits each, so a plain SHA-256 (bound to the
 * account) is enough to store them: unlike a password, there is no small space to search.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: RECOVERY_CODE_LENGTH },
      () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)],
    ).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** The stored form of a normalised code (no hyphen, lower case). */
export function hashRecoveryCode(tenantId: string, accountId: string, code: string): string {
  return sha256(`recovery:${tenantId}:${accountId}:${code.replace(/-/g, '')}`)
}
