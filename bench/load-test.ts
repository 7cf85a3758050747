// One bounded load test: autocannon against a loopback address for a few seconds, after a short
// warm-up (connections opened, plans cached), reduced to the figures the benchmark prints. Before
// the warm-up and before the test, `quiet` waits until the server has finished what earlier
// requests left in flight (autocannon stops sending at the end, the server does not stop working).
import autocannon from 'autocannon'

/** Seconds each measurement runs; BENCH_USERS_SECONDS for a longer (steadier) or quicker run. */
const SECONDS = Number(process.env.BENCH_USERS_SECONDS) || 5

export interface Load {
  connections: number
  seconds: number
  /** Mean requests per second answered with 2xx. */
  rps: number
  p50: number
  p99: number
  total: number
  /** Errors, timeouts and non-2xx answers. */
  failed: number
}

/**
 * `seconds`: how long the measured run lasts (default SECONDS); `warmUp: false` leaves out the
 * warm-up, for a run right after one of the same endpoint (the many-users bench's short pairs).
 */
export async function loadTest(
  url: string,
  connections: number,
  quiet: () => Promise<void>,
  cookie?: string,
  { seconds = SECONDS, warmUp = true }: { seconds?: number; warmUp?: boolean } = {},
): Promise<Load> {
  if (!/^http:\/\/127\.0\.0\.1:/u.test(url)) throw new Error('load tests run against loopback only')
  const options = { url, connections, headers: cookie ? { cookie } : {}, timeout: 10 }
  if (warmUp) {
    await quiet()
    await autocannon({ ...options, duration: 1 })
  }
  await quiet()
  const r = await autocannon({ ...options, duration: seconds })
  return {
    connections,
    seconds,
    rps: r['2xx'] / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    failed: r.errors + r.timeouts + r.non2xx,
  }
}
