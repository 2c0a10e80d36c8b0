// @ts-check
/**
 * `npm run bench`: figures, not tests.
 * 1. Cold start of a one-shot check (`wait-for: none`) against the simulator, as a ratio to `node`
 *    importing `@actions/core` alone (goal: at most 1.3).
 * 2. Bundle size, and peak memory of a one-shot check.
 * 3. With a fake clock, a 6-hour wait at default settings in which nothing changes: requests made
 *    (goal: at most 60) and the worst delay between a change and its detection (goal: at most max-interval).
 * 4. With a fake clock, a realistic publish (validation 10 min, certification 2 days, provisioning 6 h,
 *    packaging 40 min): requests and worst detection delay per step, paced by the steps' estimates
 *    against plain backoff (goal: no more requests, short steps seen within interval × 2).
 * The pure modules come from `.bench/build` (compiled by the npm script); the bundle from dist/.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startSimulator } from '../simulator/server.js'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 21)

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`
const mib = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

const dir = mkdtempSync(join(tmpdir(), 'offer-status-bench-'))
// Reports the process's peak resident memory on exit, to stderr.
const rssProbe = join(dir, 'rss.mjs')
writeFileSync(
  rssProbe,
  "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`))\n"
)
const baseline = join(ROOT, '.bench', 'core-only.mjs')
writeFileSync(baseline, "import '@actions/core'\n")

/** @typedef {{ wall: number, rss: number, status: number | null, stdout: string }} Timed */

/**
 * Wall time and peak RSS (KiB) of one run of `node args`. Asynchronous: the simulator answers from
 * this very process, so its event loop must keep turning.
 */
function timeRun(/** @type {string[]} */ args, /** @type {NodeJS.ProcessEnv} */ env) {
  return /** @type {Promise<Timed>} */ (
    new Promise((done, fail) => {
      const started = process.hrtime.bigint()
      const child = spawn(process.execPath, ['--import', rssProbe, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (/** @type {Buffer} */ chunk) => (stdout += chunk.toString()))
      child.stderr.on('data', (/** @type {Buffer} */ chunk) => (stderr += chunk.toString()))
      child.on('error', fail)
      child.on('close', (status) => {
        const wall = Number(process.hrtime.bigint() - started) / 1e6
        const rss = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN)
        done({ wall, rss, status, stdout })
      })
    })
  )
}

const sim = await startSimulator({ token: 'bench-token' })
const output = join(dir, 'output')
const summary = join(dir, 'summary')
/** @type {NodeJS.ProcessEnv} */
const actionEnv = {
  PATH: process.env.PATH,
  GITHUB_OUTPUT: output,
  GITHUB_STEP_SUMMARY: summary,
  'INPUT_PUBLISHER-ID': 'contoso',
  'INPUT_OFFER-ID': 'publisher-review',
  INPUT_TOKEN: 'bench-token',
  'INPUT_WAIT-FOR': 'none',
  INPUT_TIMEOUT: '30s',
  'INPUT_ON-TIMEOUT': 'fail',
  INPUT_INTERVAL: '30s',
  'INPUT_MAX-INTERVAL': '10m',
  'INPUT_API-VERSION': '2017-10-31',
  'INPUT_BASE-URL': sim.url
}

// Warm the file cache once, then alternate the two commands so that drift hits both alike.
await timeRun([baseline], { PATH: process.env.PATH })
await timeRun([join(ROOT, 'dist', 'index.js')], actionEnv)
/** @type {{ wall: number, rss: number }[]} */ const base = []
/** @type {{ wall: number, rss: number }[]} */ const action = []
for (let i = 0; i < RUNS; i++) {
  writeFileSync(output, '')
  writeFileSync(summary, '')
  base.push(await timeRun([baseline], { PATH: process.env.PATH }))
  const run = await timeRun([join(ROOT, 'dist', 'index.js')], actionEnv)
  if (run.status !== 0) throw new Error(`the one-shot check failed (exit ${run.status}):\n${run.stdout}`)
  action.push(run)
}
await sim.close()
if (!readFileSync(output, 'utf8').includes('Running')) throw new Error('the one-shot check set no status output')

const baseMs = median(base.map((r) => r.wall))
const actionMs = median(action.map((r) => r.wall))
const bundle = readFileSync(join(ROOT, 'dist', 'index.js'))

// 3. A 6-hour wait with a fake clock.
const compiled = '../.bench/build/poll.js'
/** @type {typeof import('../src/poll.js')} */
const { watch, DEFAULT_REQUEST_TIMEOUT_MS } = await import(compiled)

/** A small seeded PRNG (mulberry32), so the figures repeat. */
function prng(/** @type {number} */ seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SIX_HOURS = 6 * 3_600_000
const defaults = {
  waitFor: /** @type {const} */ ('completion'),
  timeoutMs: SIX_HOURS,
  intervalMs: 30_000,
  maxIntervalMs: 600_000,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
}
const running = (/** @type {number} */ progress) => ({
  kind: /** @type {const} */ ('ok'),
  snapshot: {
    status: 'Running',
    messages: [],
    steps: [
      { id: 'certification', name: 'Certification', description: '', status: 'InProgress', progress, messages: [] }
    ]
  }
})

/** One simulated wait; `changeAt` (ms from the start) is when the status changes, if ever. */
async function sixHours(/** @type {number} */ seed, /** @type {number | undefined} */ changeAt) {
  let time = 0
  /** @type {number[]} */ const reads = []
  const source = {
    id: 'offer',
    label: 'bench/offer',
    async read() {
      reads.push(time)
      time += 200 // a realistic request
      return running(changeAt !== undefined && time >= changeAt ? 20 : 10)
    }
  }
  await watch(source, defaults, {
    now: () => time,
    sleep: async (/** @type {number} */ ms) => void (time += ms),
    random: prng(seed),
    signal: new AbortController().signal
  })
  return reads
}

let maxRequests = 0
let worstGap = 0
const SEEDS = 200
for (let seed = 1; seed <= SEEDS; seed++) {
  const reads = await sixHours(seed, undefined)
  maxRequests = Math.max(maxRequests, reads.length)
  for (let i = 1; i < reads.length; i++) worstGap = Math.max(worstGap, (reads[i] ?? 0) - (reads[i - 1] ?? 0))
}
/** @type {number[]} */ const delays = []
const random = prng(42)
for (let seed = 1; seed <= SEEDS; seed++) {
  const changeAt = Math.floor(random() * (SIX_HOURS - 700_000))
  const reads = await sixHours(seed, changeAt)
  const seen = reads.find((at) => at + 200 >= changeAt)
  if (seen !== undefined) delays.push(seen + 200 - changeAt)
}

// 4. A realistic publish with a fake clock: validation 10 min, certification 2 days, provisioning 6 h,
// packaging 40 min, each reporting progress now and then. Paced by the steps' estimates, against plain
// backoff (the same publish with no estimates).
const PUBLISH = [
  { id: 'validation', name: 'Validation', estimate: '< 15 min', ms: 10 * 60_000, updates: 1 },
  { id: 'certification', name: 'Certification', estimate: '~2-3 days', ms: 2 * 86_400_000, updates: 8 },
  { id: 'provisioning', name: 'Provisioning', estimate: '< 1 day', ms: 6 * 3_600_000, updates: 3 },
  { id: 'packaging', name: 'Packaging', estimate: '< 1 hour', ms: 40 * 60_000, updates: 2 }
]
const PUBLISH_MS = PUBLISH.reduce((sum, s) => sum + s.ms, 0)

/** The offer at time `t` of the publish; `withEstimates: false` hides the estimates (plain backoff). */
function publishAt(/** @type {number} */ t, /** @type {boolean} */ withEstimates, /** @type {boolean} */ withUpdates) {
  let start = 0
  const steps = PUBLISH.map((step) => {
    const into = t - start
    start += step.ms
    const status = into >= step.ms ? 'Complete' : into >= 0 ? 'InProgress' : 'NotStarted'
    // progress moves in `updates` even jumps while the step runs
    const progress =
      status === 'Complete'
        ? 100
        : status === 'InProgress' && withUpdates
          ? Math.floor((into / step.ms) * (step.updates + 1)) * Math.floor(100 / (step.updates + 1))
          : 0
    return {
      id: step.id,
      name: step.name,
      description: '',
      status,
      progress,
      ...(withEstimates ? { estimatedTimeFrame: step.estimate } : {}),
      messages: []
    }
  })
  return { status: t >= PUBLISH_MS ? 'Succeeded' : 'Running', steps, messages: [] }
}

/** Requests made and, per step, the delay between its completion and the first look that saw it. */
async function publish(/** @type {number} */ seed, /** @type {boolean} */ paced, /** @type {boolean} */ withUpdates) {
  let time = 0
  /** @type {number[]} */ const reads = []
  const source = {
    id: 'offer',
    label: 'bench/publish',
    async read() {
      time += 200
      reads.push(time)
      return { kind: /** @type {const} */ ('ok'), snapshot: publishAt(time, paced, withUpdates) }
    }
  }
  await watch(
    source,
    { ...defaults, timeoutMs: 4 * 86_400_000 },
    {
      now: () => time,
      sleep: async (/** @type {number} */ ms) => void (time += ms),
      random: prng(seed),
      signal: new AbortController().signal
    }
  )
  let end = 0
  const detection = PUBLISH.map((step) => {
    end += step.ms
    const seen = reads.find((at) => at >= end) ?? Infinity
    return seen - end
  })
  return { requests: reads.length, detection }
}

/** @type {string[][]} */
const publishRows = []
for (const withUpdates of [true, false]) {
  /** @type {Record<string, { requests: number[], worst: number[] }>} */
  const runs = {
    plain: { requests: [], worst: PUBLISH.map(() => 0) },
    paced: { requests: [], worst: PUBLISH.map(() => 0) }
  }
  for (let seed = 1; seed <= 50; seed++) {
    for (const mode of /** @type {const} */ (['plain', 'paced'])) {
      const { requests, detection } = await publish(seed, mode === 'paced', withUpdates)
      const run = runs[mode]
      if (!run) continue
      run.requests.push(requests)
      detection.forEach((d, i) => (run.worst[i] = Math.max(run.worst[i] ?? 0, d)))
    }
  }
  const label = withUpdates ? 'progress reported' : 'no progress reported'
  for (const mode of /** @type {const} */ (['plain', 'paced'])) {
    const run = runs[mode]
    if (!run) continue
    publishRows.push([
      `Realistic publish (${label}), ${mode}: requests, median / worst of 50 seeds`,
      `${median(run.requests)} / ${Math.max(...run.requests)}`
    ])
    publishRows.push([
      `… worst detection delay per step (${PUBLISH.map((s) => s.name).join(', ')})`,
      run.worst.map((d) => `${(d / 1000).toFixed(0)}s`).join(', ')
    ])
  }
}

const rows = [
  ['Node', process.version],
  [`Cold start, one-shot check (median of ${RUNS})`, ms(actionMs)],
  [`node importing @actions/core alone (median of ${RUNS})`, ms(baseMs)],
  ['Ratio (goal ≤ 1.3)', (actionMs / baseMs).toFixed(2)],
  ['Bundle dist/index.js', `${mib(bundle.length)} (${mib(gzipSync(bundle).length)} gzipped)`],
  ['Peak RSS, one-shot check (median)', mib(median(action.map((r) => r.rss)) * 1024)],
  ['Peak RSS, @actions/core alone (median)', mib(median(base.map((r) => r.rss)) * 1024)],
  [`6 h wait, nothing changes: most requests over ${SEEDS} seeds (goal ≤ 60)`, String(maxRequests)],
  ['6 h wait: longest gap between two looks (goal ≤ 10m)', `${(worstGap / 60_000).toFixed(2)} min`],
  [
    `6 h wait, one change at a random time: worst detection delay over ${SEEDS} runs`,
    `${(Math.max(...delays) / 60_000).toFixed(2)} min`
  ],
  ['… median detection delay', `${(median(delays) / 60_000).toFixed(2)} min`],
  ...publishRows
]
const width = Math.max(...rows.map(([k]) => (k ?? '').length))
for (const [k, v] of rows) console.log(`${(k ?? '').padEnd(width)}  ${v}`)
