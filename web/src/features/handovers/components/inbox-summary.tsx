/** How many handed-over cases wait for assessment or the meeting. Scaffold: renders nothing until built. */
export function InboxSummary() {
  return null
}
