import { WARDS, type WardCode } from './codes.ts'

// The wards proper (…区); a 支所 is not named in a postal address.
const WARD_NAMES = WARDS.filter((w) => w.label.endsWith('区'))
  // Longest first, so that no shorter name could win at the same place.
  .toSorted((a, b) => b.label.length - a.label.length)

/**
 * The ward a postal address lies in, when it names one of the city's wards (京都市左京区…, or
 * 左京区… without the city), else null. An address naming another city before the ward
 * (大阪市北区) is not in one of ours.
 */
export function wardOfAddress(address: string | null | undefined): WardCode | null {
  if (!address) return null
  const text = address.normalize('NFKC').replace(/\s+/gu, '')
  let best: { code: WardCode; at: number } | null = null
  for (const w of WARD_NAMES) {
    const at = text.indexOf(w.label)
    if (at >= 0 && (!best || at < best.at)) best = { code: w.code, at }
  }
  if (!best) return null
  const before = text.slice(0, best.at)
  if (before.includes('市') && !before.endsWith('京都市')) return null
  return best.code
}
