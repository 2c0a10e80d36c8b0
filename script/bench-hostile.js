// @ts-check
/**
 * `npm run bench:hostile`: figures, not tests, for the largest hostile answers.
 * 1. Poll time: one read of the status (HTTP port, CPP client, parser) against a loopback server that
 *    answers each hostile body; the worst of a few runs per body (goal: well under a second).
 * 2. Through the committed bundle, as a runner starts it: exit code, wall time, job summary bytes
 *    (goal: under 1 MiB), the largest output (goal: under 1 MB) and log bytes, for 100k messages,
 *    150k steps and 1,000 offers.
 * Loopback only. The modules come from `.bench/build` (compiled by the npm script); the bundle from dist/.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const build = '../.bench/build'
const { createHttpPort } = await import(`${build}/http.js`)
const { createCppSource } = await import(`${build}/sources/cpp.js`)
const { staticToken } = await import(`${build}/auth.js`)

const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

const message = (/** @type {string} */ html) => ({
  messageHtml: html,
  level: 'error',
  timestamp: '2026-11-25T10:00:00Z'
})
/** @type {[string, () => string][]} */
const BODIES = [
  [
    "300 KB of '<' in a message",
    () =>
      JSON.stringify({
        status: 'running',
        steps: [{ id: 'a', status: 'inProgress', messages: [message('<'.repeat(300_000))] }]
      })
  ],
  [
    '150,000 steps',
    () =>
      JSON.stringify({
        status: 'succeeded',
        steps: Array.from({ length: 150_000 }, () => ({ status: 'complete' }))
      })
  ],
  [
    '100,000 messages',
    () =>
      JSON.stringify({
        status: 'running',
        steps: [
          { id: 'a', status: 'inProgress', messages: Array.from({ length: 100_000 }, () => ({ messageHtml: 'm' })) }
        ]
      })
  ],
  [
    '3.9 MiB messageHtml of `<a `',
    () =>
      JSON.stringify({
        status: 'running',
        steps: [{ id: 'a', status: 'inProgress', messages: [message('<a '.repeat(1_360_000))] }]
      })
  ],
  [
    '10 MiB messageHtml (over the 4 MiB cap)',
    () =>
      JSON.stringify({
        status: 'running',
        steps: [{ id: 'a', status: 'inProgress', messages: [message('x'.repeat(10 * 1024 * 1024))] }]
      })
  ]
]

/** A loopback server answering `body` to every request. */
async function serve(/** @type {string} */ body) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(body)
  })
  await new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      done(undefined)
    })
  )
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(done)) }
}

const rows = /** @type {[string, string][]} */ ([])
for (const [name, make] of BODIES) {
  const body = make()
  const server = await serve(body)
  const source = createCppSource({
    baseUrl: server.url,
    apiVersion: '2017-10-31',
    publisherId: 'contoso',
    offerId: 'offer',
    credentials: staticToken('bench-token-0123456789'),
    http: createHttpPort(),
    now: Date.now
  })
  let worst = 0
  let outcome = ''
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint()
    const read = await source.read({ timeoutMs: 30_000, signal: new AbortController().signal })
    worst = Math.max(worst, Number(process.hrtime.bigint() - started) / 1e6)
    outcome = read.kind === 'ok' ? `ok, ${read.snapshot.steps.length} steps kept` : `${read.kind}: ${read.reason}`
  }
  await server.close()
  rows.push([`poll: ${name} (${mib(Buffer.byteLength(body))})`, `worst ${worst.toFixed(0)} ms of ${RUNS}; ${outcome}`])
}

/** Runs the bundle with `inputs` (INPUT_ variables) and returns exit code, time and sizes. */
async function runBundle(/** @type {Record<string, string>} */ inputs) {
  const dir = mkdtempSync(join(tmpdir(), 'offer-status-hostile-'))
  const output = join(dir, 'output')
  const summary = join(dir, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  /** @type {NodeJS.ProcessEnv} */
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  let log = 0
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => (log += chunk.length))
  const code = await new Promise((done) => child.on('close', done))
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  const summaryBytes = Buffer.byteLength(readFileSync(summary, 'utf8'))
  // Each output is `name<<delimiter\nvalue\ndelimiter`: the largest value's size is what GitHub limits.
  const values = readFileSync(output, 'utf8').split(/^\S+<<ghadelimiter_[\w-]+$/m)
  const largest = Math.max(...values.map((v) => Buffer.byteLength(v)))
  rmSync(dir, { recursive: true, force: true })
  return `exit ${code}, ${(wall / 1000).toFixed(1)} s, summary ${kib(summaryBytes)}, largest output ${kib(largest)}, log ${kib(log)}`
}

const common = {
  'publisher-id': 'contoso',
  token: 'bench-token-0123456789',
  'wait-for': 'none',
  timeout: '10s',
  interval: '200ms',
  'max-interval': '1s'
}
for (const [name, body] of [
  ['100,000 messages', BODIES[2]?.[1]()],
  ['150,000 steps', BODIES[1]?.[1]()]
]) {
  const server = await serve(body ?? '')
  rows.push([`bundle: ${name}`, await runBundle({ ...common, 'offer-id': 'offer', 'base-url': server.url })])
  await server.close()
}
{
  // 1,000 offers, each a failed offer with ten rejected steps of long messages: a summary that must be cut.
  const steps = Array.from({ length: 10 }, (_, i) => ({
    id: `step-${i}`,
    stepName: `Step ${i}`,
    status: 'rejected',
    estimatedTimeFrame: '< 1 day',
    messages: Array.from({ length: 20 }, () => message('Certification failed: '.repeat(40)))
  }))
  const server = await serve(JSON.stringify({ status: 'failed', steps }))
  const offers = Array.from({ length: 1_000 }, (_, i) => `offer-${i}`).join(',')
  rows.push(['bundle: 1,000 failed offers', await runBundle({ ...common, 'offer-id': offers, 'base-url': server.url })])
  await server.close()
}

const width = Math.max(...rows.map(([k]) => k.length))
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
