// PostgreSQL keeps, for the life of a connection, the plans of what it runs again and again inside
// the database: the foreign-key checks of every inserted row, functions, triggers. A plan is made
// once and kept until a table it reads changes shape or statistics (DDL on it, VACUUM, ANALYZE) or
// a schema is created (which drops them all: the undo log's does, at the start of the moves). A long
// write that fills a table from (nearly) empty outgrows the plans made at its start: with no
// statistics yet, the planner takes `tenant_id = $1` for a few rows, and the check of
// case history's foreign key was planned on a smaller index that leads with the tenant only
// (cases_lead_unit_idx), then read every case of the city for each event written: an import of the
// bench city took ~0.5 s per 200 events once 8,000 cases were in, against ~0.02 s with the primary
// key (a 5x import: 536 s instead of 72). The embedded store is one connection for years, and has no
// autovacuum to refresh anything in between.
// So a long write discards the connection's plans now and then, as its tables double: before its
// 1st, 2nd, 4th, 8th, … statement (13 times for the ~7,500 moves of 20 times the bench city).
// Each is planned again on next use, from the tables as they are then.

/** Whether to discard the connection's plans before the `n`th statement (1, 2, 4, 8, …) of a long write. */
export const replanDue = (n: number): boolean => n > 0 && (n & (n - 1)) === 0

export const DISCARD_PLANS = 'discard plans'
