// The V8 flags every process of the product runs with: `npm start`, `npm run yorisoi`, `demo` and
// `public` (package.json, which cannot import this, so a test checks that they agree), the e2e
// server (scripts/e2e.mjs) and the bench's children (bench/child.ts). Why each (ARCHITECTURE.md,
// "What keeps the import fast and small"):
// - --liftoff-only: PGlite's WebAssembly compiled by the baseline compiler only, 50–90 MB less.
// - --max-semi-space-size=8: Node 24 lets the young generation grow to 64 MB semi-spaces on a
//   machine with much memory, ~130 MB of RSS before any work.
// - --heap-growing-percent=50: the old generation may grow to 1.5 times what was live after the
//   last full collection, not up to 4 times; an import at 20 times the bench city then peaks
//   under 400 MB.
export const NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=8', '--heap-growing-percent=50']
