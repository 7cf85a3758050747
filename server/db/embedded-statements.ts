import {
  type ParserOptions,
  PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
} from '@electric-sql/pglite'

type BackendMessage = Parameters<typeof parse.parseResults>[0][number]
type Parsers = PGlite['parsers']

/**
 * PGlite that parses and plans the statements every request runs (kept with `keep`: the session's
 * row with its account, an audit row) once, as a named statement, instead of on every call.
 *
 * PGlite's own `query` sends each statement as an unnamed one, in six calls into the WebAssembly
 * engine (parse, describe, bind, describe, execute, sync): PostgreSQL parses and plans it again
 * every time. For the session's lookup, a join of four tables, that was ~80% of its cost (~1 ms of
 * CPU in a signed-in request's ~6, measured on the bench city). A kept statement is parsed once
 * (with its parameter types and its rows' description, both kept) and afterwards runs as bind,
 * execute and sync in one call. Everything else — other statements, and every statement inside a transaction
 * (PGlite's transaction object runs its statements itself) — goes PGlite's own way.
 *
 * It runs under the same two locks as PGlite's `query`, so it never lands inside another caller's
 * transaction. A failure forgets the statement: the next call parses it again (PostgreSQL also
 * re-plans a named statement itself when a table it reads changes, and refuses to run it when
 * its rows would no longer match their description: that call fails, and the next one parses).
 */
export class KeptStatementsPGlite extends PGlite {
  /** Statement text → its name on the backend. */
  private readonly names = new Map<string, string>()
  /**
   * Names parsed on the backend, with their parameters' type ids and the description of their
   * rows: described once, when parsed, not on every call. Parsing a row description (a name and
   * six numbers per column, each read through PGlite's buffer reader) cost more than the row
   * itself: for case detail's ~40 columns, 15% of the CPU of the bench's bare route, which runs that
   * SELECT alone.
   */
  private readonly parsed = new Map<string, { types: number[]; rowDescription?: BackendMessage }>()
  private readonly mergedParsers = new WeakMap<ParserOptions, { base: Parsers; parsers: Parsers }>()

  /** From now on `text`, when run through `query` outside a transaction, is a named statement. */
  keep(text: string): void {
    if (!this.names.has(text)) this.names.set(text, `yorisoi_kept_${this.names.size + 1}`)
  }

  override async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    const name = this.names.get(text)
    if (!name || options?.blob) return super.query<T>(text, params, options)
    return this.runKeptInTurn<T>(name, text, () => params, options)
  }

  /**
   * Runs `text` as a kept statement (keeping it from now on) with the parameters `paramsOf` gives
   * once the connection is this call's: what arrives while it waits for its turn can still go in
   * (the audit rows of requests served meanwhile: audit-batch.ts).
   */
  async queryWhenTurnComes<T>(text: string, paramsOf: () => unknown[]): Promise<Results<T>> {
    this.keep(text)
    return this.runKeptInTurn<T>(this.names.get(text)!, text, paramsOf, undefined)
  }

  private async runKeptInTurn<T>(
    name: string,
    text: string,
    paramsOf: () => unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<T>> {
    await this._checkReady()
    return this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(async () => {
        try {
          return await this.runKept<T>(name, text, paramsOf(), options)
        } catch (error) {
          this.parsed.delete(name)
          throw error
        } finally {
          await this.syncToFs()
        }
      }),
    )
  }

  private async runKept<T>(
    name: string,
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<T>> {
    let kept = this.parsed.get(name)
    if (!kept) {
      // Close first: a statement of this name may survive a failed call.
      const { messages } = await this.execProtocol(
        join([
          protocol.serialize.close({ type: 'S', name }),
          protocol.serialize.parse({ name, text }),
          protocol.serialize.describe({ type: 'S', name }),
          protocol.serialize.sync(),
        ]),
        { syncToFs: false },
      )
      kept = {
        types: parse.parseDescribeStatementResults(messages),
        rowDescription: messages.find((m) => m.name === 'rowDescription'),
      }
      this.parsed.set(name, kept)
    }
    const { types, rowDescription } = kept
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null
      const serialize = options?.serializers?.[types[i]!] ?? this.serializers[types[i]!]
      return serialize ? serialize(value) : String(value)
    })
    const { messages } = await this.execProtocol(
      join([
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    )
    const described = rowDescription ? [rowDescription, ...messages] : messages
    return parse.parseResults(described, this.parsersWith(options?.parsers), {
      rowMode: options?.rowMode,
    })[0] as Results<T>
  }

  /**
   * PGlite's parsers with a caller's own on top, merged once per caller's set (Drizzle keeps one
   * per statement) instead of on every result, as PGlite's parseResults does when handed them.
   */
  private parsersWith(own: ParserOptions | undefined): Parsers {
    if (!own) return this.parsers
    let merged = this.mergedParsers.get(own)
    if (merged?.base !== this.parsers) {
      merged = { base: this.parsers, parsers: { ...this.parsers, ...own } as Parsers }
      this.mergedParsers.set(own, merged)
    }
    return merged.parsers
  }
}

function join(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}
