// The demo city's family support (issue 12): one city-wide 家族向け研修会 ahead with families
// registered (one waiting), and a ward's 家族教室 held last month, so the seminar pages show
// what they are for when the demo is tried. Seeded once: a store that has seminars keeps them.
import { count, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { seminarRegistrations, seminars } from '#server/db/schema/index.ts'
import { randomToken, sha256 } from '#server/platform/crypto.ts'
import { addDays } from '#shared/dates.ts'

export async function seedDemoSeminars(db: Db, tenantId: string, today: string): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(seminars).where(eq(seminars.tenantId, tenantId))
  if ((existing?.n ?? 0) > 0) return
  const [ahead] = await db
    .insert(seminars)
    .values({
      tenantId,
      kind: 'seminar',
      ward: null,
      title: '家族向け研修会「ひきこもりの理解と家族の関わり方」',
      theme: '本人との会話のきっかけ、相談先の使い方',
      heldOn: addDays(today, 14),
      startTime: '14:00',
      endTime: '16:00',
      place: '市民会館 第1会議室（デモ）',
      capacity: 3,
      audience: 'ひきこもり状態にある方のご家族',
    })
    .returning({ id: seminars.id })
  await db.insert(seminars).values({
    tenantId,
    kind: 'family_meeting',
    ward: 'kita',
    title: '北区 家族教室（デモ）',
    theme: '家族同士の語り合い',
    heldOn: addDays(today, -30),
    startTime: '10:00',
    endTime: '12:00',
    place: '北区保健福祉センター（デモ）',
    capacity: 10,
    audience: 'ご家族',
  })
  // Fictional nicknames; the cancel links are random and never shown (the demo sends no mail).
  const families = [
    { name: 'みなと 花子（仮名）', attendees: 2, status: 'confirmed' },
    { name: 'そら（ニックネーム）', attendees: 1, status: 'confirmed' },
    { name: 'うみ 太郎（仮名）', attendees: 1, status: 'waitlisted' },
  ]
  for (const f of families) {
    await db.insert(seminarRegistrations).values({
      tenantId,
      seminarId: ahead!.id,
      ...f,
      cancelTokenHash: sha256(randomToken()),
    })
  }
}
