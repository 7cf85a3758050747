// 議事録: the minutes of a meeting as an Excel workbook, for the ward's coordinator and staff.
// Cases appear by their number only (no names): the minutes are passed around the centre.

import ExcelJS from 'exceljs'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { forbidden } from '#server/platform/errors.ts'
import { workbookBuffer } from '#server/platform/xlsx-write.ts'
import {
  CASE_LEADS,
  labelOf,
  MEETING_STATUSES,
  NEW_CASE_ROUTES,
  REVIEW_KINDS,
  UNIT_KINDS,
} from '#shared/codes.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import { formatDateBoth } from '#shared/dates.ts'
import { buildMeetingDetail, openMeeting } from './meeting-detail.ts'
import { mayReadMinutes } from './meetings.policy.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>

export async function renderMinutesXlsx(m: MeetingDetail): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Yorisoi'
  book.created = new Date(`${m.heldOn}T00:00:00Z`)
  const sheet = book.addWorksheet('議事録')
  sheet.addRow([`${m.wardName} ひきこもり支援調整会議 議事録`]).font = { bold: true, size: 13 }
  sheet.addRow([])
  const facts: [string, string][] = [
    ['会議番号', m.meetingNo],
    ['開催日', formatDateBoth(m.heldOn)],
    ['開始時刻', m.startTime ?? ''],
    ['場所', m.place ?? ''],
    ['議長', m.chair ?? ''],
    ['状態', labelOf(MEETING_STATUSES, m.status)],
    ['全体メモ', m.minutesNote ?? ''],
  ]
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
  }
  sheet.addRow([])
  sheet.addRow(['出席者']).font = { bold: true, size: 12 }
  heading(sheet.addRow(['名称', '区分', '出欠']))
  for (const a of m.attendees) {
    sheet.addRow([a.name, labelOf(UNIT_KINDS, a.kind), a.attended ? '出席' : '欠席・未記録'])
  }
  sheet.addRow([])
  sheet.addRow(['検討ケース']).font = { bold: true, size: 12 }
  heading(
    sheet.addRow([
      '順',
      'ケース番号',
      '区分',
      '新規ケース経路',
      '主担当',
      '主担当機関',
      '担当者',
      '支援方針',
      '役割分担',
      '次回確認日',
    ]),
  )
  for (const item of m.agenda) {
    const d = item.decision
    const row = sheet.addRow([
      item.position,
      item.caseNo,
      labelOf(REVIEW_KINDS, item.kind),
      labelOf(NEW_CASE_ROUTES, item.route),
      d ? labelOf(CASE_LEADS, d.lead) : '未決定',
      d?.leadUnitName ?? '',
      d?.leadAccountName ?? '',
      d?.policy ?? '',
      d ? d.assignments.map((a) => `${a.unitName}：${a.task}`).join('\n') : '',
      d?.nextReviewOn ? formatDateBoth(d.nextReviewOn) : '',
    ])
    row.alignment = { vertical: 'top', wrapText: true }
  }
  const widths = [14, 40, 12, 22, 22, 28, 16, 40, 40, 24]
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w
  })
  return workbookBuffer(book)
}

function heading(row: ExcelJS.Row) {
  row.font = { bold: true }
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
    cell.border = { bottom: { style: 'thin' } }
  })
}

export async function downloadMinutes({ db, clock }: Deps, actor: Actor, meetingId: string) {
  const now = clock.now()
  const detail = await db.transaction(async (tx) => {
    const opened = await openMeeting(tx, actor, meetingId)
    if (!mayReadMinutes(opened.role, opened.facts)) throw forbidden()
    const result = await buildMeetingDetail(tx, actor, opened, now)
    await writeAudit(tx, actor, now, {
      action: 'meeting.minutes',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { cases: result.casesShown },
    })
    return result.detail
  })
  return { meetingNo: detail.meetingNo, body: await renderMinutesXlsx(detail) }
}
