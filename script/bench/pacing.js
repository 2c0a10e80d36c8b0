// @ts-check
/**
 * Requests over a 6-hour wait at default settings (interval 30s, max-interval 10m), fake clock,
 * 200 seeds of jitter, each request taking 200 ms. Four kinds of wait, as real steps behave:
 * a multi-day step, a "< 1 hour" step stuck for the whole 6 hours, a "< 15 min" step that takes 2
 * hours, and steps with no estimate whose progress moves every 5 minutes. Goals for each: at most 60
 * requests, and no wait between two looks longer than max-interval (which bounds how late any change
 * is seen). Then Product Ingestion through its real source against the simulator: never two looks
 * at one item within a minute. Last, for information, a realistic publish of four steps.
 */
import { startSimulator, DEFAULT_GRAPH_TOKEN } from '../../simulator/server.js'
import { BUILD, median, minutes, prng, sourcesFor } from './lib.js'

const MIN = 60_000
const HOUR = 60 * MIN
const SIX_HOURS = 6 * HOUR
const SEEDS = 200
const REQUEST_MS = 200
export const REQUESTS_GOAL = 60
const DEFAULTS = { intervalMs: 30_000, maxIntervalMs: 10 * MIN }

/**
 * @typedef {import('../../src/snapshot.js').OfferSnapshot} OfferSnapshot
 * @typedef {import('../../src/snapshot.js').Step} Step
 */

/** @param {string} id @param {string} status @param {Partial<Step>} [more] @returns {Step} */
const step = (id, status, more = {}) => ({ id, name: id, description: '', status, messages: [], ...more })
/** @param {Step[]} steps @returns {OfferSnapshot} */
const running = (steps) => ({ status: 'Running', steps, messages: [] })

/** @type {[string, (t: number) => OfferSnapshot][]} */
const WAITS = [
  [
    'a "~2-3 days" step',
    () =>
      running([
        step('validation', 'Complete'),
        step('certification', 'InProgress', { estimatedTimeFrame: '~2-3 days' })
      ])
  ],
  [
    'a "< 1 hour" step stuck for 6 hours',
    () => running([step('packaging', 'InProgress', { estimatedTimeFrame: '< 1 hour' })])
  ],
  [
    'a "< 15 min" step that takes 2 hours, then a "~2-3 days" one',
    (t) =>
      running([
        step('validation', t < 2 * HOUR ? 'InProgress' : 'Complete', { estimatedTimeFrame: '< 15 min' }),
        step('certification', t < 2 * HOUR ? 'NotStarted' : 'InProgress', { estimatedTimeFrame: '~2-3 days' })
      ])
  ],
  [
    'no estimates, progress moving every 5 minutes',
    (t) =>
      running([
        step('certification', t < 3 * HOUR ? 'InProgress' : 'Complete', { progress: Math.floor(t / (5 * MIN)) % 100 }),
        step('live', t < 3 * HOUR ? 'NotStarted' : 'InProgress', { progress: Math.floor(t / (5 * MIN)) % 100 })
      ])
  ]
]

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function pacing() {
  /** @type {typeof import('../../src/poll.js')} */
  const { watch } = await import(`${BUILD}/poll.js`)
  /** @type {import('./lib.js').Row[]} */
  const rows = []

  /** The times (from the start) at which the API answered, and the sleeps between looks. */
  async function wait(
    /** @type {(t: number) => OfferSnapshot} */ at,
    /** @type {number} */ seed,
    /** @type {number} */ timeoutMs
  ) {
    let time = 0
    /** @type {number[]} */ const looks = []
    /** @type {number[]} */ const sleeps = []
    const source = {
      id: 'offer',
      label: 'bench/offer',
      async read() {
        time += REQUEST_MS
        looks.push(time)
        return { kind: /** @type {const} */ ('ok'), snapshot: at(time) }
      }
    }
    await watch(
      source,
      { ...DEFAULTS, waitFor: 'completion', timeoutMs },
      {
        now: () => time,
        sleep: async (ms) => {
          sleeps.push(ms)
          time += ms
        },
        random: prng(seed),
        signal: new AbortController().signal
      }
    )
    return { looks, sleeps }
  }

  for (const [name, at] of WAITS) {
    let most = 0
    let longest = 0
    let worstDelay = 0
    /** @type {number[]} */ const counts = []
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { looks, sleeps } = await wait(at, seed, SIX_HOURS)
      counts.push(looks.length)
      most = Math.max(most, looks.length)
      // The last sleep only waits out the deadline.
      longest = Math.max(longest, ...sleeps.slice(0, -1))
      for (let i = 1; i < looks.length; i++) worstDelay = Math.max(worstDelay, (looks[i] ?? 0) - (looks[i - 1] ?? 0))
    }
    rows.push({
      figure: `6 h, ${name}: requests, median / worst of ${SEEDS} seeds`,
      value: `${median(counts)} / ${most}`,
      goal: `≤ ${REQUESTS_GOAL}`,
      ok: most <= REQUESTS_GOAL
    })
    rows.push({
      figure: `… longest wait between looks (worst detection delay, with the 200 ms request)`,
      value: `${minutes(longest)} (${minutes(worstDelay)})`,
      goal: `≤ ${minutes(DEFAULTS.maxIntervalMs)}`,
      ok: longest <= DEFAULTS.maxIntervalMs
    })
  }

  rows.push(...(await ingestion()))
  rows.push(...(await publish(wait)))
  return rows
}

/**
 * Product Ingestion at default settings (no `interval` input), through the real sources and the
 * HTTP port against the simulator, with a fake clock: the shortest time between two looks at one item.
 * @returns {Promise<import('./lib.js').Row[]>}
 */
async function ingestion() {
  /** @type {typeof import('../../src/portfolio.js')} */
  const { watchAll } = await import(`${BUILD}/portfolio.js`)

  const sim = await startSimulator()
  /** @type {import('./lib.js').Row[]} */
  const rows = []
  try {
    for (const [input, id] of [
      ['offer-id', 'pi-preview-ready'],
      ['offer-id', 'pi-throttled'],
      ['job-id', 'job-succeeded']
    ]) {
      /** @type {Record<string, string>} */
      const inputs = {
        api: 'product-ingestion',
        [input ?? '']: id ?? '',
        token: DEFAULT_GRAPH_TOKEN,
        'ingestion-url': sim.ingestionUrl,
        timeout: '6h'
      }
      let time = Date.UTC(2026, 10, 25)
      const { settings, sources, close } = await sourcesFor(inputs, () => time)
      /** @type {number[]} */ const looks = []
      const [source] = sources
      if (!source) throw new Error(`no source for ${id}`)
      const counted = { ...source, read: (/** @type {any} */ options) => (looks.push(time), source.read(options)) }
      const [result] = await watchAll([counted], settings, {
        now: () => time,
        sleep: async (ms) => void (time += ms),
        random: Math.random,
        signal: new AbortController().signal
      })
      close()
      let shortest = Infinity
      for (let i = 1; i < looks.length; i++) shortest = Math.min(shortest, (looks[i] ?? 0) - (looks[i - 1] ?? 0))
      rows.push({
        figure: `Product Ingestion, ${id} (${result?.end.kind}, ${looks.length} looks): shortest time between two looks`,
        value: looks.length > 1 ? minutes(shortest) : 'one look',
        goal: '≥ 1.00 min',
        ok: looks.length <= 1 || shortest >= MIN
      })
    }
  } finally {
    await sim.close()
  }
  return rows
}

/** A realistic publish (validation 10 min, certification 2 days, provisioning 6 h, packaging 40 min). */
const PUBLISH = [
  { id: 'validation', estimate: '< 15 min', ms: 10 * MIN },
  { id: 'certification', estimate: '~2-3 days', ms: 2 * 24 * HOUR },
  { id: 'provisioning', estimate: '< 1 day', ms: 6 * HOUR },
  { id: 'packaging', estimate: '< 1 hour', ms: 40 * MIN }
]

/** @param {(at: (t: number) => OfferSnapshot, seed: number, timeoutMs: number) => Promise<{ looks: number[] }>} wait */
async function publish(wait) {
  const total = PUBLISH.reduce((sum, s) => sum + s.ms, 0)
  /** @param {number} t @returns {OfferSnapshot} */
  const at = (t) => {
    let start = 0
    const steps = PUBLISH.map((s) => {
      const into = t - start
      start += s.ms
      return step(s.id, into >= s.ms ? 'Complete' : into >= 0 ? 'InProgress' : 'NotStarted', {
        estimatedTimeFrame: s.estimate
      })
    })
    return { status: t >= total ? 'Succeeded' : 'Running', steps, messages: [] }
  }
  /** @type {number[]} */ const counts = []
  const worst = PUBLISH.map(() => 0)
  for (let seed = 1; seed <= 50; seed++) {
    const { looks } = await wait(at, seed, 4 * 24 * HOUR)
    counts.push(looks.length)
    let end = 0
    PUBLISH.forEach((s, i) => {
      end += s.ms
      const seen = looks.find((t) => t >= end) ?? Infinity
      worst[i] = Math.max(worst[i] ?? 0, seen - end)
    })
  }
  return [
    {
      figure: 'Realistic publish of 2 days 7 hours: requests, median / worst of 50 seeds',
      value: `${median(counts)} / ${Math.max(...counts)}`
    },
    {
      figure: `… worst delay before each step's end is seen (${PUBLISH.map((s) => s.id).join(', ')})`,
      value: worst.map((d) => minutes(d)).join(', ')
    }
  ]
}
