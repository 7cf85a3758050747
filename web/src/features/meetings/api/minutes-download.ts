import { meetingMinutesXlsxPath } from '#shared/contracts/meetings.ts'

/** The minutes workbook's address and a file name for the download link. */
export function minutesDownload(meetingId: string, meetingNo: string) {
  return { href: meetingMinutesXlsxPath(meetingId), fileName: `議事録_${meetingNo}.xlsx` }
}
