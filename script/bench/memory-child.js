// @ts-check
/**
 * Run by `memory.js` with `--expose-gc`: one watch of 100,000 polls with a fake clock and an
 * in-process source whose steps change on every poll (the worst case for the history). Prints, as
 * JSON, RSS and heap after a full collection at poll 1,000 and at poll 100,000 (at once, and at rest;
 * at rest also after a memory-reducing collection), and the summary's size.
 */
import { readFileSync } from 'node:fs'
import { BUILD } from './lib.js'

const POLLS = Number(process.argv[2] ?? 100_000)
const EARLY = 1_000

/** @type {typeof import('../../src/poll.js')} */
const { watch } = await import(`${BUILD}/poll.js`)
/** @type {typeof import('../../src/verdict.js')} */
const { judge, overallResult } = await import(`${BUILD}/verdict.js`)
/** @type {typeof import('../../src/summary.js')} */
const { renderSummary } = await import(`${BUILD}/summary.js`)

const gc = /** @type {(options?: { type: 'major', execution: 'sync', flavor: 'last-resort' }) => void} */ (
  globalThis.gc
)
/**
 * Between real looks (a second apart at the very least, 30 s by default) the process is idle; a tight
 * loop of fake looks never rests. So each point is measured twice: at once, and after this long at rest.
 */
const REST_MS = Number(process.env.REST_MS ?? 12_000)
/**
 * Bytes the process has freed with `madvise(MADV_FREE)`: still counted in RSS until the kernel needs
 * them (Linux's `LazyFree` in /proc/self/smaps_rollup; 0 where that file does not exist).
 */
function lazyFree() {
  try {
    const match = /^LazyFree:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))
    return Number(match?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

/** A pause after collecting: V8 11 (Node 20) unmaps the pages a collection freed on a helper thread. */
const SETTLE_MS = 500
const pause = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))

const usage = async () => {
  gc()
  gc()
  await pause(SETTLE_MS)
  const { rss, heapUsed, heapTotal } = process.memoryUsage()
  return { rss, heapUsed, heapTotal, lazyFree: lazyFree() }
}
/**
 * V8 13 (Node 24) keeps the pages a collection frees (the young generation's when it shrinks back at
 * rest, old-space pages emptied by compaction) in a pool, committed, and so in RSS: as much as the young
 * generation grew to in the tight loop of fake looks (32 MiB by 100,000 looks, 64 MiB by 300,000), with
 * the heap in use flat all along. Only a memory-reducing collection gives them back: the one V8's memory
 * reducer starts in an idle process, or one under memory pressure. Here the reducer never starts: no
 * collection runs during the rest, so its estimate of the allocation rate stays the tight loop's
 * (`--trace-memory-reducer` says "high alloc" every 8 s). V8 11 (Node 20) gave such pages back at once.
 * So the goal's RSS is taken after the collection the memory reducer would have made (`flavor:
 * 'last-resort'`; V8 11 takes it for a minor collection); RSS with the pool is reported beside it.
 */
const reduced = async () => {
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  await pause(SETTLE_MS)
  const { rss, heapUsed, heapTotal } = process.memoryUsage()
  return { rss, heapUsed, heapTotal }
}
const measure = async () => {
  const busy = await usage()
  await pause(REST_MS)
  const rest = await usage()
  return { busy, rest, reduced: await reduced() }
}

let time = Date.UTC(2026, 10, 25)
let polls = 0
/** @type {Record<number, Awaited<ReturnType<typeof measure>>>} */
const at = {}
const STATUSES = ['InProgress', 'WaitingForApproval', 'Blocked', 'NotStarted']
const source = {
  id: 'offer',
  label: 'bench/memory',
  async read() {
    polls++
    if (polls === EARLY || polls === POLLS) at[polls] = await measure()
    const status = polls >= POLLS ? 'Succeeded' : 'Running'
    const steps = Array.from({ length: 6 }, (_, i) => ({
      id: `step-${i}`,
      name: `Step ${i}`,
      description: '',
      status: STATUSES[(polls + i) % STATUSES.length] ?? 'InProgress',
      progress: polls % 100,
      estimatedTimeFrame: '< 15 min',
      messages: [{ text: `poll ${polls}: step ${i} moved on`, level: 'info', timestamp: new Date(time).toISOString() }]
    }))
    return { kind: /** @type {const} */ ('ok'), snapshot: { status, steps, messages: [] } }
  }
}
const settings = {
  waitFor: /** @type {const} */ ('completion'),
  timeoutMs: 35 * 86_400_000,
  intervalMs: 1_000,
  maxIntervalMs: 1_000,
  onTimeout: /** @type {const} */ ('fail'),
  failOnStuck: false
}
const result = await watch(source, settings, {
  now: () => time,
  // The event loop turns between looks, as it does between real ones.
  sleep: async (ms) => {
    time += ms
    await new Promise((resolve) => setImmediate(resolve))
  },
  random: () => 0.5,
  signal: new AbortController().signal
})
const verdict = judge(result, settings)
const summary = renderSummary([result], [verdict], overallResult([verdict]))
process.stdout.write(
  JSON.stringify({
    polls: result.polls,
    history: result.history.length,
    historyOmitted: result.historyOmitted,
    early: at[EARLY],
    late: at[POLLS],
    summaryBytes: Buffer.byteLength(summary)
  })
)
