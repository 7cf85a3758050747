import { CONTACT_METHODS, COUNTERPARTS, labelOf, RELATIONSHIPS } from '#shared/codes.ts'
import type { Contact } from '#shared/contracts/contacts.ts'
import type { Person } from '#shared/contracts/people.ts'
import { formatDateBoth } from '#shared/dates.ts'

/** One line for the saved intake's first contact: when, how, how long, with whom. */
export function describeFirstContact(
  c: Pick<Contact, 'contactedOn' | 'time' | 'method' | 'minutes' | 'counterpart'>,
) {
  const when = c.time ? `${formatDateBoth(c.contactedOn)} ${c.time}` : formatDateBoth(c.contactedOn)
  const parts = [when, labelOf(CONTACT_METHODS, c.method)]
  if (c.minutes !== null) parts.push(`${c.minutes}分`)
  parts.push(`対象：${labelOf(COUNTERPARTS, c.counterpart)}`)
  return parts.join('・')
}

/** 2026年11月30日（令和8年11月30日） 09:30: when the next step is due, for the saved page. */
export function dueText(c: Pick<Contact, 'nextStepDueOn' | 'nextStepDueTime'>): string {
  if (!c.nextStepDueOn) return ''
  const day = formatDateBoth(c.nextStepDueOn)
  return c.nextStepDueTime ? `${day} ${c.nextStepDueTime}` : day
}

/** 母 山田 花子（72歳・同居）: the consulter as the saved page names them. */
export function consulterText(p: Pick<Person, 'relationship' | 'name' | 'age' | 'livesWith'>): string {
  const facts = [
    p.age === null ? '' : `${p.age}歳`,
    p.livesWith === null ? '' : p.livesWith ? '同居' : '別居',
  ]
    .filter(Boolean)
    .join('・')
  const who = [labelOf(RELATIONSHIPS, p.relationship), p.name ?? ''].filter(Boolean).join(' ')
  return facts ? `${who}（${facts}）` : who
}
