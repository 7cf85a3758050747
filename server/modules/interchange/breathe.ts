// The importer shares its process with everyone else's requests, and on PGlite the store itself
// runs in this thread: a city's ledger is tens of thousands of rows, read, checked and written in
// loops and statements that each take a moment but together take seconds. Giving the event loop
// a turn between them keeps timers, sockets and other requests moving during an import.
import { setImmediate } from 'node:timers/promises'

/** Lets pending timers, I/O and other requests run before going on. */
export const breathe = (): Promise<void> => setImmediate()

/** Rows handled between two turns of the event loop in per-row loops. */
export const ROWS_PER_TURN = 500
