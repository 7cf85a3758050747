// The web consultation (ウェブ相談, issue 11). What other code may use of this module.

// Retention (closing idle threads, removing the text after the city's retention period): the
// staff server's hourly schedule and the operator's `inquiries retention` command.
export { runInquiries } from './retention.cli.ts'
export { type RetentionReport, runInquiryRetention } from './retention.ts'
export { type RetentionSchedule, scheduleInquiryRetention } from './retention-schedule.ts'
