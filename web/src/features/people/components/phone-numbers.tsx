import { labelOf, PHONE_LABELS } from '#shared/codes.ts'
import type { Person } from '#shared/contracts/people.ts'
import { cautionsOf } from '#web/lib/contact-cautions.ts'

/**
 * 連絡時の配慮, always in front of the numbers it governs: whoever reads a number has read
 * the cautions first (a screen reader too, as they come first in the reading order). The
 * warnings are bold on a yellow ground with a bar and the word 注意, never colour alone.
 */
export function ContactCautions({ person, id }: { person: Person; id: string }) {
  const cautions = cautionsOf(person)
  const warnings = cautions.filter((c) => c.warn)
  const allowed = cautions.filter((c) => !c.warn)
  return (
    <div
      id={id}
      className={`rounded-8 border-l-8 p-4 ${warnings.length ? 'border-warning-yellow-2 bg-yellow-50' : 'border-blue-900 bg-blue-50'}`}
    >
      <p className="text-std-17B-170">
        {warnings.length ? '注意：' : ''}連絡時の配慮（電話をかける前に確認）
      </p>
      {warnings.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {warnings.map((c) => (
            <li key={c.text} className="text-std-18B-160">
              {c.text}
            </li>
          ))}
        </ul>
      )}
      {allowed.length > 0 && <p className="mt-2 text-std-16N-170">{allowed.map((c) => c.text).join('／')}</p>}
    </div>
  )
}

/** The person's phone numbers as typed, each with its label, after the contact cautions. */
export function PhoneNumbers({ person }: { person: Person }) {
  const cautionsId = `person-${person.id}-cautions`
  return (
    <div className="flex flex-col gap-3">
      <ContactCautions person={person} id={cautionsId} />
      {person.phones.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">電話番号は登録されていません</p>
      ) : (
        <ul aria-label="電話番号" aria-describedby={cautionsId} className="flex flex-col gap-1">
          {person.phones.map((phone) => (
            <li key={`${phone.digits}-${phone.label}`} className="text-std-18B-160">
              {phone.label && (
                <span className="mr-2 text-std-16N-170">{labelOf(PHONE_LABELS, phone.label)}：</span>
              )}
              <a href={`tel:${phone.digits}`}>{phone.number}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
