// One bounded load test: autocannon against a loopback address for a few seconds, after a short
// warm-up (connections opened, plans cached), reduced to the figures the benchmark prints.
import autocannon from 'autocannon'

/** Seconds each measurement runs; BENCH_USERS_SECONDS for a longer (steadier) or quicker run. */
const SECONDS = Number(process.env.BENCH_USERS_SECONDS) || 5

export interface Load {
  connections: number
  /** Mean requests per second answered with 2xx. */
  rps: number
  p50: number
  p99: number
  total: number
  /** Errors, timeouts and non-2xx answers. */
  failed: number
}

export async function loadTest(url: string, connections: number, cookie?: string): Promise<Load> {
  if (!/^http:\/\/127\.0\.0\.1:/u.test(url)) throw new Error('load tests run against loopback only')
  const options = { url, connections, headers: cookie ? { cookie } : {}, timeout: 10 }
  await autocannon({ ...options, duration: 1 })
  const r = await autocannon({ ...options, duration: SECONDS })
  return {
    connections,
    rps: r['2xx'] / SECONDS,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    failed: r.errors + r.timeouts + r.non2xx,
  }
}
