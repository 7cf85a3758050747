import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import type * as contract from '#shared/contracts/inquiries.ts'
import type { InquirySettings } from '#shared/contracts/inquiries.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { requireInquirySettingsRole } from './inbox.policy.ts'

type SettingsInput = z.output<NonNullable<typeof contract.updateInquirySettings.body>>
const NAMES = Object.keys(INQUIRY_SETTING_KEYS) as (keyof typeof INQUIRY_SETTING_KEYS)[]

/** The city's four web consultation settings, each with its default until the administrator sets it. */
export async function readInquirySettings(db: Db, tenantId: string): Promise<InquirySettings> {
  const out: Record<string, unknown> = {}
  for (const name of NAMES) {
    out[name] =
      (await readSetting(db, tenantId, INQUIRY_SETTING_KEYS[name])) ??
      structuredClone(INQUIRY_SETTING_DEFAULTS[name])
  }
  return out as InquirySettings
}

export function createInquirySettingsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async get(actor: Actor) {
      requireInquirySettingsRole(actor)
      return readInquirySettings(db, actor.tenantId)
    },

    /**
     * Only what is sent changes. The audit row names the settings changed and the new numbers;
     * the crisis words are recorded by count only (they are the city's wording, not a record).
     */
    async update(actor: Actor, input: SettingsInput) {
      requireInquirySettingsRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const current = await readInquirySettings(tx, actor.tenantId)
        const next = {
          ...current,
          ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        }
        const changed = NAMES.filter((n) => JSON.stringify(next[n]) !== JSON.stringify(current[n]))
        for (const name of changed)
          await writeSetting(tx, actor.tenantId, INQUIRY_SETTING_KEYS[name], next[name])
        await writeAudit(tx, actor, now, {
          action: 'inquiry_settings.update',
          detail: Object.fromEntries(
            changed.map((n) => [n, n === 'crisisWords' ? { count: next.crisisWords.length } : next[n]]),
          ),
        })
        return next as InquirySettings
      })
    },
  }
}

export type InquirySettingsService = ReturnType<typeof createInquirySettingsService>
