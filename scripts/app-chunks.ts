// How the web build groups modules into files (vite.config.ts's codeSplitting). Left to itself
// the bundler made 93 files, one for every set of pages sharing a module: each small file costs
// its import glue and compresses without the words of the others, so the app downloaded 311 kB
// gzip in all where its code compressed as one is 285 kB. Here every module of the app that two
// or more pages use, or that the app's shell loads, goes into one `common` file; a page's own
// modules stay in its page's file. The login page (login.html) keeps its small files: it must
// load no staff-app code (issue 14's 80 kB budget), so nothing it loads is moved.
import type { Rolldown } from 'vite'

type Info = NonNullable<ReturnType<Rolldown.ChunkingContext['getModuleInfo']>>

const HTML = /\.html$/

function isEntry(info: Info): boolean {
  return info.isEntry || info.dynamicImporters.length > 0
}

/** Which entries (HTML pages and lazily loaded pages) load `id` in their first load: its static importers, walked up. */
function entriesOf(ctx: Rolldown.ChunkingContext, id: string): Set<string> {
  const entries = new Set<string>()
  const seen = new Set([id])
  const queue = [id]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const info = ctx.getModuleInfo(next)
    if (!info) continue
    if (isEntry(info)) entries.add(next)
    for (const importer of info.importers) {
      if (!seen.has(importer)) {
        seen.add(importer)
        queue.push(importer)
      }
    }
  }
  return entries
}

/** The codeSplitting group's name function: 'common', or null to leave the module where the bundler puts it. */
export function appChunks() {
  return (id: string, ctx: Rolldown.ChunkingContext): string | null => {
    // Vite's own helpers (\0…) and the HTML entries and their scripts are placed by the bundler.
    if (id.startsWith('\0') || HTML.test(id)) return null
    const info = ctx.getModuleInfo(id)
    if (!info || isEntry(info) || info.importers.some((i) => HTML.test(i))) return null
    const entries = [...entriesOf(ctx, id)]
    if (entries.some((e) => e.endsWith('login.html'))) return null
    const inShell = entries.some((e) => e.endsWith('index.html'))
    return inShell || entries.length >= 2 ? 'common' : null
  }
}
