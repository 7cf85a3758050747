/** The next meetings the signed-in user takes part in. Scaffold: renders nothing until built. */
export function UpcomingMeetings() {
  return null
}
