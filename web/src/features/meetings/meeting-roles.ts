/** Roles that open the meetings pages; the server still decides which meetings each one sees. */
export const MEETING_PAGE_ROLES = ['ward_coordinator', 'ward_staff', 'agency_member'] as const

/** Roles that read the minutes (議事録): the ward's own people, not the invited agencies. */
export const MINUTES_ROLES = ['ward_coordinator', 'ward_staff'] as const
