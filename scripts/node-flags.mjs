// The V8 flags the product's processes run with (package.json, which cannot import this, so a test
// checks that they agree; the e2e server, scripts/e2e.mjs; the bench's children, bench/child.ts).
// Why each (ARCHITECTURE.md, "What keeps the import fast and small"):
// - --max-semi-space-size=8: Node 24 lets the young generation grow to 64 MB semi-spaces on a
//   machine with much memory, ~130 MB of RSS before any work.
// - --heap-growing-percent=50 (servers): the old generation may grow to 1.5 times what was live
//   after the last full collection, not up to 4 times (an import's garbage piled up to ~450 MB
//   before a full collection).
// - --heap-growing-percent=30 instead, for the command line only: it imports ledgers of any size,
//   and at 20 times the bench city the importer's garbage took its peak RSS past 400 MB in some
//   runs with 50 (396, 420 MB; with 30, 387 and 403 MB: closer, not yet always under). The
//   import's rate at the bench city did not change (5,107 and 4,556 rows/s with 50, 5,041 and
//   4,708 with 30, alternating runs).
// - --liftoff-only, for the command line only (`npm run yorisoi`, where a ledger of any size is
//   imported): PGlite's WebAssembly compiled by the baseline compiler only. V8's optimising
//   compiler takes ~600 MB for a moment to compile one of PGlite's functions (measured with
//   --trace-wasm-compilation-times: one function of 105 KB, once per process), and the CLI's import
//   at 1x peaks at 283 MB with the flag, 748 MB without it. The staff and public servers run
//   without it: their queries run twice as fast once compiled (the full report at 20 times the
//   bench city on PGlite: ~1.8 s → ~0.9 s), for that one moment's memory (the server's RSS drops
//   back to ~315 MB after it).
//
// And one setting of the C library's allocator, for the command line: MALLOC_ARENA_MAX=2. glibc
// gives each thread that allocates (V8's garbage-collector and compiler threads, libuv's) an arena
// of its own, up to eight per core, and an arena keeps the most it ever held: a 20x import
// (PGlite) had ~50 MB resident in such arenas. With two, 20 MB less at 1x (273 and 293 MB
// against 258; 253 with one) and 30 MB less at 20x (358 against 329 MB, same harness), no
// slower (1x import 21 s against 25 s). It must be in the environment before the process starts
// (glibc reads it at its first allocation), so package.json sets it in front of the command.
export const CLI_ENV = { MALLOC_ARENA_MAX: '2' }
const YOUNG_GENERATION = '--max-semi-space-size=8'
export const SERVER_FLAGS = [YOUNG_GENERATION, '--heap-growing-percent=50']
export const CLI_FLAGS = ['--liftoff-only', YOUNG_GENERATION, '--heap-growing-percent=30']
