import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { NodeFS } from '@electric-sql/pglite/nodefs'

/**
 * PGlite's folder, with PostgreSQL's fsync reaching the disk.
 *
 * PGlite starts PostgreSQL with `-F` (fsync off), and even without it nothing would reach the
 * disk: its Emscripten file system for Node (NODEFS) has no fsync operation, so PostgreSQL's
 * fsync() returns success having done nothing, and fdatasync() is a no-op in Emscripten's
 * syscall layer (electric-sql/pglite#1107). A commit was then only in the OS's cache: safe from
 * a crash of the process, lost with the machine's power.
 *
 * This file system gives NODEFS the missing fsync (the host's fsync on the file, or on the folder
 * for PostgreSQL's directory syncs), and PGLITE_DURABLE_PARAMS turns fsync on and makes the
 * WAL use fsync() rather than fdatasync(), so every commit and checkpoint goes through it.
 */
export const PGLITE_DURABLE_PARAMS = ['-c', 'fsync=on', '-c', 'wal_sync_method=fsync'] as const

/** The parts of Emscripten's NODEFS this needs (they are not in PGlite's types). */
interface NodefsInternals {
  stream_ops: { fsync?: (stream: NodefsStream) => number }
  realPath(node: unknown): string
}
interface NodefsStream {
  /** The host's file descriptor, for regular files. */
  nfd?: number
  node: unknown
}
type ErrnoErrorClass = new (errno: number) => Error

/** Host fsyncs made for PostgreSQL since the process started: a figure for tests and diagnosis. */
export const hostFsyncs = { count: 0 }

/** Emscripten's (WASI) errno for EIO: PostgreSQL then treats the failed fsync as the PANIC it is. */
const EIO = 29

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts)
    const addFsync = (mod: { NODEFS: unknown; FS: unknown }) => {
      const nodefs = mod.NODEFS as unknown as NodefsInternals
      const ErrnoError = (mod.FS as { ErrnoError: ErrnoErrorClass }).ErrnoError
      nodefs.stream_ops.fsync = (stream) => {
        try {
          if (typeof stream.nfd === 'number') fsyncSync(stream.nfd)
          else fsyncPath(nodefs.realPath(stream.node))
          hostFsyncs.count++
          return 0
        } catch {
          throw new ErrnoError(EIO)
        }
      }
    }
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] },
    }
  }
}

/** fsync of a file or folder by its path (Windows cannot open a folder for it, nor needs to). */
export function fsyncPath(path: string) {
  if (process.platform === 'win32' && statSync(path).isDirectory()) return
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Every file and folder under dir to disk: for files PostgreSQL did not write itself (a new
 * store's initdb output, a restored backup), which its checkpoints know nothing of.
 */
export function fsyncTree(dir: string) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) fsyncTree(path)
    else if (entry.isFile()) fsyncPath(path)
  }
  fsyncPath(dir)
}
