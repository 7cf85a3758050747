// Cities in the store: the reference city's organisation for a new one, its first
// administrator's link, and the store's preparation at start.

export { prepareStore } from './prepare-store.ts'
export { type CityInfo, ensureCity, issueFirstAdminLink } from './reference-city.ts'
