// @ts-check
/**
 * The job summary of every simulator scenario, as a publisher would read it: what `npm run summaries`
 * writes to `summaries/` and what `__tests__/summaries.test.ts` compares with the committed files.
 *
 * Each case is run through the real pieces, wired as `src/main.ts` wires them: the inputs read by
 * `readSettings`, `createCredentials`, `createSources` with the real HTTP port against the real
 * simulator on loopback, `watchAll`, then `judge`, `overallResult`, `outputsOf`, `annotationsOf` and
 * `renderSummary`. The action's modules come in as a parameter (the script passes the compiled
 * `.bench/build`, the test `src/` through ts-jest), so that nothing here copies them.
 *
 * Determinism: every time in a summary comes from a fake clock that starts at {@link START_AT} and moves
 * only when every watch is asleep (see {@link fakeTime}): a request, however long it really takes, takes
 * no time on it, and a sleep takes exactly what was asked. The simulator runs on the same clock
 * (`startSimulator({ now })`), so the times in its answers are fixed too. `random` is constant (no
 * jitter). The only real timer that matters is the request time limit of the `slow` scenario, whose
 * answers come 2 s late: its requests are cut at {@link SLOW_REQUEST_MS}, long before. The simulator's
 * port, new on every run, is written `PORT` wherever it shows (a link to another host, say).
 */
import {
  DEFAULT_GRAPH_TOKEN,
  DEFAULT_TOKEN,
  JOB_NAMES,
  PI_SCENARIO_NAMES,
  SCENARIO_NAMES,
  startSimulator
} from '../simulator/server.js'
import { IDENTITY_DEFAULTS } from '../simulator/identity.js'

/**
 * The action's modules the harness runs.
 * @typedef {{
 *   readSettings: typeof import('../src/inputs.js').readSettings,
 *   createCredentials: typeof import('../src/auth.js').createCredentials,
 *   createSources: typeof import('../src/sources/factory.js').createSources,
 *   createHttpPort: typeof import('../src/http.js').createHttpPort,
 *   watchAll: typeof import('../src/portfolio.js').watchAll,
 *   reportOf: typeof import('../src/report.js').reportOf
 * }} Modules
 * @typedef {import('../src/http.js').HttpPort} HttpPort
 * @typedef {import('../src/inputs.js').InputName} InputName
 * @typedef {'cpp' | 'pi' | 'job' | 'run'} Group
 *   cpp: a Cloud Partner Portal scenario; pi: a Product Ingestion offer scenario; job: a configure job;
 *   run: a run of its own (several offers, a timeout, a cancel)
 * @typedef {{
 *   name: string, group: Group, shows: string, offers?: string[], jobs?: string[],
 *   inputs?: Partial<Record<InputName, string>>, signIn?: boolean, cancelAfterMs?: number,
 *   requestTimeoutMs?: number
 * }} Case
 *   name: the file's name (without .md); shows: one line for the index; offers: offer IDs (each picks the
 *   simulator scenario of that name; default [name] unless jobs are given); inputs: the action's inputs
 *   that matter here (the simulator's URLs and the token are added); signIn: sign in with a client secret
 *   against the simulator's Entra ID instead of the token input; cancelAfterMs: cancel the run that long
 *   after it starts; requestTimeoutMs: each request's time limit (the action's own is 30 s)
 * @typedef {{
 *   case: Case, summary: string, outputs: Record<string, string>,
 *   annotations: { errors: { title: string }[], warnings: { title: string }[] }
 * }} Rendered
 */

/** When every run starts, on the fake clock: Monday 12 January 2026, 09:00 UTC. */
export const START_AT = Date.UTC(2026, 0, 12, 9, 0, 0)
/** The request time limit for the `slow` scenario (its answers come 2 s late). */
export const SLOW_REQUEST_MS = 100
const MINUTE = 60_000

/**
 * The CPP scenarios: what each shows, and the inputs that show it best. A scenario not named here gets
 * the default inputs (wait-for completion, timeout 1h) and a line saying so.
 * @type {Record<string, Omit<Case, 'name' | 'group'>>}
 */
const CPP = {
  happy: { shows: 'Every step to Succeeded: the offer is live.', inputs: { timeout: '6h' } },
  rejected: { shows: 'Certification rejects the offer, with the report’s message.', inputs: { timeout: '6h' } },
  failed: { shows: 'Packaging is blocked and the offer fails.', inputs: { timeout: '6h' } },
  canceled: { shows: 'The publisher cancels publishing in Partner Center.', inputs: { timeout: '6h' } },
  'publisher-review': {
    shows: 'The preview is ready and waits for the publisher’s Go live (the release-workflow wait).',
    inputs: { 'wait-for': 'publisher-review', timeout: '6h' }
  },
  flaky: {
    shows: 'A 429, a 503, a dropped connection and a body that is not JSON, all ridden out, to Succeeded.',
    inputs: { timeout: '6h' }
  },
  'expired-once': {
    shows: 'The access token is refused as expired once; the action signs in again and goes on to Succeeded.',
    inputs: { timeout: '6h' },
    signIn: true
  },
  late: {
    shows: 'Certification takes longer than usual, with the notes it posts, then Succeeded.',
    inputs: { timeout: '1d' }
  },
  throttled: {
    shows: 'Throttled (429 with Retry-After) on the first request, then Succeeded.',
    inputs: { timeout: '6h' }
  },
  stuck: {
    shows: 'A scheduled check of an offer in Certification for six days, past its ~2-3 days estimate.',
    inputs: { 'wait-for': 'none' }
  },
  'multi-day': {
    shows:
      'A scheduled check (one look) of a publish that takes days: its first look, in Validate Pre-Requisites. `npm start -- --checks 3` shows three such checks with a state file.',
    inputs: { 'wait-for': 'none' }
  },
  'stuck-short': {
    shows: 'The validation step runs past its < 15 min estimate until the wait times out, with `on-timeout: warn`.',
    inputs: { timeout: '1h', 'on-timeout': 'warn' }
  },
  slow: {
    shows: `A check whose every request goes unanswered (cut at ${SLOW_REQUEST_MS} ms here, 30 s in the action).`,
    inputs: { 'wait-for': 'none' },
    requestTimeoutMs: SLOW_REQUEST_MS
  },
  'not-found': { shows: 'The Cloud Partner Portal does not know the offer (HTTP 404).' },
  forbidden: { shows: 'The caller may not read the publisher’s offers (HTTP 403).' },
  unauthorized: { shows: 'The token is refused (HTTP 401).' },
  'bad-request': { shows: 'The API refuses the request (HTTP 400).' },
  'unknown-status': {
    shows: 'Statuses the action does not know, and odd casings, read as well as they can be, to Succeeded.',
    inputs: { timeout: '6h' }
  },
  'never-published': {
    shows: 'A scheduled check of an offer that was never published.',
    inputs: { 'wait-for': 'none' }
  }
}

/** @type {Record<string, Omit<Case, 'name' | 'group'>>} */
const PI = {
  'pi-preview-ready': {
    shows: 'Product Ingestion: the preview is published and waits for the publisher’s Go live.',
    inputs: { 'wait-for': 'publisher-review', timeout: '6h' }
  },
  'pi-live': { shows: 'Product Ingestion: preview, then live.', inputs: { timeout: '6h' } },
  'pi-new-version': {
    shows: 'Product Ingestion: a new version goes live over the old one.',
    inputs: { timeout: '6h' }
  },
  'pi-preview-failed': { shows: 'Product Ingestion: the preview submission fails.', inputs: { timeout: '6h' } },
  'pi-paged': {
    shows: 'Product Ingestion: `pi-live` with the submissions over three pages.',
    inputs: { timeout: '6h' }
  },
  'pi-foreign-nextlink': {
    shows: 'Product Ingestion: a next page on another host, which the action does not follow.',
    inputs: { timeout: '6h' }
  },
  'pi-throttled': { shows: 'Product Ingestion: throttled once, then preview and live.', inputs: { timeout: '6h' } },
  'pi-never-published': {
    shows: 'Product Ingestion: a scheduled check of an offer with only a draft.',
    inputs: { 'wait-for': 'none' }
  }
}

/** @type {Record<string, Omit<Case, 'name' | 'group'>>} */
const JOBS = {
  'job-succeeded': { shows: 'A configure job that succeeds.' },
  'job-cert-failed': { shows: 'A configure job that fails certification, with a second error besides.' },
  'job-cancelled': { shows: 'A configure job that is cancelled.' },
  'job-id-casing': { shows: 'A configure job answered in the 2022 samples’ casing (`jobID`, `Succeeded`).' }
}

/** @type {Case[]} */
const RUNS = [
  {
    name: 'portfolio',
    group: 'run',
    shows:
      'Five offers in one step: one goes live, one is rejected, one is not found, one is stuck in Certification ' +
      'until the timeout, one waits for sign-off.',
    offers: ['happy', 'rejected', 'not-found', 'stuck', 'publisher-review'],
    inputs: { 'wait-for': 'publisher-review', timeout: '6h' }
  },
  {
    name: 'run-timed-out',
    group: 'run',
    shows: 'The wait times out while Certification still runs (`late`).',
    offers: ['late'],
    inputs: { timeout: '1h' }
  },
  {
    name: 'run-cancelled',
    group: 'run',
    shows: 'The run is cancelled 20 minutes in, during Certification (`happy`).',
    offers: ['happy'],
    inputs: { timeout: '6h' },
    cancelAfterMs: 20 * MINUTE
  }
]

/**
 * @param {string} name @param {Group} group @param {Record<string, Omit<Case, 'name' | 'group'>>} known
 * @returns {Case}
 */
function caseOf(name, group, known) {
  const own = Object.hasOwn(known, name) ? known[name] : undefined
  return { name, group, ...(own ?? { shows: `The \`${name}\` scenario (no description in script/summaries-lib.js).` }) }
}

/** Every case, in the order of the index: the CPP scenarios, the PI ones, the jobs, then the runs. */
export function allCases() {
  return [
    ...SCENARIO_NAMES.map((name) => caseOf(name, 'cpp', CPP)),
    ...PI_SCENARIO_NAMES.map((name) => caseOf(name, 'pi', PI)),
    ...JOB_NAMES.map((name) => ({ ...caseOf(name, 'job', JOBS), jobs: [name] })),
    ...RUNS
  ]
}

/**
 * A fake clock and sleep for one run, and what moves it. Sleeps are timers on the fake clock; the
 * clock moves to the next timer only when the run is quiet: no request in flight through
 * {@link FakeTime.http} and a whole turn of the event loop without a new request or sleep. So a run's
 * times depend only on what it asks for, never on how long the requests really take.
 * @typedef {{
 *   now: () => number,
 *   sleep: (ms: number, signal: AbortSignal) => Promise<void>,
 *   at: (ms: number, fire: () => void) => void,
 *   http: (port: HttpPort) => HttpPort,
 *   drive: <T>(work: Promise<T>) => Promise<T>
 * }} FakeTime
 *   at: run `fire` that long after the start; http: the port, counted; drive: move the clock until `work` settles
 * @param {number} startAt
 * @returns {FakeTime}
 */
export function fakeTime(startAt) {
  let clock = startAt
  let seq = 0
  /** @type {{ at: number, seq: number, fire: () => void }[]} */
  const timers = []
  let inFlight = 0
  /** Counts requests and sleeps started and ended: unchanged over a turn means the run is quiet. */
  let activity = 0
  /** @type {(() => void) | undefined} */
  let onIdle

  /** @param {number} at @param {() => void} fire */
  function schedule(at, fire) {
    const timer = { at, seq: seq++, fire }
    timers.push(timer)
    activity++
    return timer
  }

  /** @type {FakeTime['sleep']} */
  function sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve()
        return
      }
      const onAbort = () => {
        const i = timers.indexOf(timer)
        if (i >= 0) timers.splice(i, 1)
        activity++
        resolve()
      }
      const timer = schedule(clock + Math.max(0, ms), () => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      })
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** @type {FakeTime['http']} */
  function http(port) {
    return {
      async send(request) {
        inFlight++
        activity++
        try {
          return await port.send(request)
        } finally {
          inFlight--
          activity++
          if (inFlight === 0) onIdle?.()
        }
      },
      close() {
        port.close?.()
      }
    }
  }

  const turn = () => new Promise((resolve) => setImmediate(resolve))

  /** @type {FakeTime['drive']} */
  async function drive(work) {
    let settled = false
    const done = work.then(
      () => {
        settled = true
      },
      () => {
        settled = true
      }
    )
    // A function, so that the compiler does not take `settled` for unchanged across an await.
    const isSettled = () => settled
    let idleTurns = 0
    while (!isSettled()) {
      if (inFlight > 0) {
        await Promise.race([
          new Promise((resolve) => {
            onIdle = () => {
              resolve(undefined)
            }
          }),
          done
        ])
        onIdle = undefined
        continue
      }
      const before = activity
      await turn()
      if (isSettled() || inFlight > 0 || activity !== before) continue
      // The earliest timer; of timers due at once, the first set.
      const next = timers.reduce(
        (/** @type {(typeof timers)[number] | undefined} */ best, timer) =>
          !best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq) ? timer : best,
        undefined
      )
      if (!next) {
        // Nothing in flight, nothing asleep, yet not done: it waits on something off this clock.
        if (++idleTurns > 1_000) throw new Error('the run waits on something that is neither a request nor a sleep')
        continue
      }
      idleTurns = 0
      timers.splice(timers.indexOf(next), 1)
      clock = Math.max(clock, next.at)
      activity++
      next.fire()
    }
    return work
  }

  return {
    now: () => clock,
    sleep,
    at(ms, fire) {
      schedule(startAt + ms, fire)
    },
    http,
    drive
  }
}

/**
 * One case, run as the action runs: inputs, sign-in, sources, the watch, the report.
 * @param {Modules} m @param {Case} c
 * @returns {Promise<Rendered>}
 */
export async function renderCase(m, c) {
  const time = fakeTime(START_AT)
  const sim = await startSimulator({ now: time.now })
  const port = time.http(m.createHttpPort())
  try {
    const jobs = c.jobs ?? []
    const offers = c.offers ?? (jobs.length > 0 ? [] : [c.name])
    const pi = c.group === 'pi' || c.group === 'job'
    /** @type {Partial<Record<InputName, string>>} */
    const inputs = {
      ...(pi ? {} : { 'publisher-id': 'contoso' }),
      'offer-id': offers.join('\n'),
      'job-id': jobs.join('\n'),
      'base-url': sim.url,
      'ingestion-url': sim.ingestionUrl,
      ...(c.signIn
        ? {
            'tenant-id': IDENTITY_DEFAULTS.tenantId,
            'client-id': IDENTITY_DEFAULTS.clientId,
            'client-secret': IDENTITY_DEFAULTS.clientSecret,
            'authority-host': sim.url
          }
        : { token: pi ? DEFAULT_GRAPH_TOKEN : DEFAULT_TOKEN }),
      ...c.inputs
    }
    const settings = m.readSettings((name) => inputs[name] ?? '')
    const credentials = m.createCredentials(settings.auth, {}, { http: port, now: time.now, mask: () => undefined })
    const { sources } = m.createSources(settings, credentials, { http: port, now: time.now })
    const controller = new AbortController()
    if (c.cancelAfterMs !== undefined) {
      time.at(c.cancelAfterMs, () => {
        controller.abort()
      })
    }
    const results = await time.drive(
      m.watchAll(sources, c.requestTimeoutMs ? { ...settings, requestTimeoutMs: c.requestTimeoutMs } : settings, {
        now: time.now,
        sleep: time.sleep,
        random: () => 0.5,
        signal: controller.signal
      })
    )
    // The report main.ts writes out.
    const { outputs, annotations, summary } = m.reportOf(results, settings, time.now())
    const portless = (/** @type {string} */ text) =>
      text.replace(new RegExp(`:${String(sim.port)}(?!\\d)`, 'g'), ':PORT')
    return {
      case: c,
      summary: portless(summary),
      outputs: Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, portless(value)])),
      annotations
    }
  } finally {
    port.close?.()
    await sim.close()
  }
}

/**
 * Runs `work` over `items`, at most `limit` at once, keeping their order.
 * @template T, R @param {T[]} items @param {number} limit @param {(item: T) => Promise<R>} work
 * @returns {Promise<R[]>}
 */
async function pool(items, limit, work) {
  /** @type {R[]} */
  const out = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await work(/** @type {T} */ (items[i]))
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

const GROUPS = /** @type {const} */ ([
  ['cpp', 'Cloud Partner Portal scenarios'],
  ['pi', 'Product Ingestion offer scenarios'],
  ['job', 'Product Ingestion configure jobs'],
  ['run', 'Runs']
])

/** The inputs worth saying in the index (not the simulator's URLs or the sign-in). */
const SHOWN_INPUTS = /** @type {const} */ (['wait-for', 'timeout', 'on-timeout'])

/** @param {string} text */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()

/** @param {Rendered} r */
function indexRow(r) {
  const c = r.case
  const said = SHOWN_INPUTS.filter((name) => c.inputs?.[name] !== undefined).map(
    (name) => `\`${name}: ${c.inputs?.[name] ?? ''}\``
  )
  const settings = [
    ...(c.inputs?.['wait-for'] === undefined ? ['`wait-for: completion`'] : []),
    ...said,
    ...(c.offers && c.offers.length > 1 ? [`offers ${c.offers.map((o) => `\`${o}\``).join(', ')}`] : []),
    ...(c.signIn ? ['sign-in with a client secret'] : []),
    ...(c.cancelAfterMs === undefined ? [] : [`cancelled after ${String(c.cancelAfterMs / MINUTE)} min`]),
    ...(c.requestTimeoutMs === undefined ? [] : [`requests cut at ${String(c.requestTimeoutMs)} ms`])
  ].join(', ')
  const output = (/** @type {string} */ name) => (r.outputs[name] === undefined ? '—' : `\`${cell(r.outputs[name])}\``)
  const notes = [
    ...r.annotations.errors.map((a) => `❌ ${cell(a.title)}`),
    ...r.annotations.warnings.map((a) => `⚠️ ${cell(a.title)}`)
  ]
  return `| [${c.name}](${c.name}.md) | ${cell(c.shows)} | ${settings} | ${output('result')} | ${output('outcome')} | ${notes.join('<br>') || '—'} |`
}

/**
 * The index, `summaries/README.md`.
 * @param {Rendered[]} rendered
 */
export function renderIndex(rendered) {
  const lines = [
    '# Job summaries',
    '',
    'What a publisher reads on GitHub after the action ran: the job summary of every simulator scenario, and of',
    'a few runs of their own. Written by `npm run summaries` (`script/summaries.js`); do not edit. A test',
    '(`__tests__/summaries.test.ts`) fails when the code would write anything else: run `npm run summaries` and',
    'review the diff, which shows every change to what publishers read.',
    '',
    'Each file is the summary exactly as the action writes it, from the real action modules against the',
    `simulator on loopback, on a fake clock that starts at ${new Date(START_AT).toISOString().replace('.000Z', 'Z')} and moves only`,
    'when the action sleeps (so times and durations are the same on every run; the simulator advances one',
    'step a request, so they are shorter than real publishing). The simulator’s port, new on every run, is',
    'written `PORT`. Sign-in is the `token` input unless said.',
    'The columns `result` and `outcome` are those outputs (— when the action has no such output); the last',
    'column lists the annotations (❌ error, ⚠️ warning) by title.'
  ]
  for (const [group, title] of GROUPS) {
    const rows = rendered.filter((r) => r.case.group === group)
    if (rows.length === 0) continue
    lines.push(
      '',
      `## ${title}`,
      '',
      '| summary | what it shows | inputs | `result` | `outcome` | annotations |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(indexRow)
    )
  }
  return `${lines.join('\n')}\n`
}

/**
 * Every file of `summaries/`, by name: each case's summary, and the index.
 * @param {Modules} modules
 * @param {{ concurrency?: number }} [options] cases run at once (each with its own simulator and clock)
 * @returns {Promise<Map<string, string>>}
 */
export async function renderAll(modules, { concurrency = 8 } = {}) {
  const rendered = await pool(allCases(), concurrency, (c) => renderCase(modules, c))
  const files = new Map(rendered.map((r) => [`${r.case.name}.md`, r.summary]))
  files.set('README.md', renderIndex(rendered))
  return files
}
