// RFC 6238 through the otpauth library: SHA-1, 6 digits, 30-second steps — what every
// authenticator app understands from a QR code. One step either side is accepted for clock drift.
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

const PERIOD_SECONDS = 30
const DRIFT_STEPS = 1

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The time step a code belongs to, or null when it is not a code of this secret around `now`. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const secret = Secret.fromBase32(secretBase32)
  const timestamp = now.getTime()
  const delta = TOTP.validate({ token: code, secret, period: PERIOD_SECONDS, timestamp, window: DRIFT_STEPS })
  if (delta === null) return null
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta
}

/** The otpauth:// URI an app reads from the QR code, and the QR code as an SVG document. */
export async function enrolmentUri(secretBase32: string, issuer: string, label: string) {
  const totp = new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    period: PERIOD_SECONDS,
  })
  const otpauthUri = totp.toString()
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return { otpauthUri, qrSvg }
}
