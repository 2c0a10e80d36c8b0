// @ts-check
/**
 * `npm run bench`: figures beside their goals; exits 1 when a goal is missed. Timing belongs here, not
 * in the tests. `BENCH_ONLY=start,pacing` runs some sections; `BENCH_RUNS` sets the start-up runs (21).
 * The pure modules come from `.bench/build` (compiled by the npm script); the bundle from dist/.
 *   start        one-shot check vs a dependency-free floor, Node 24 and this machine's; bundle size
 *   connections  TCP connections for 1,000 polls, both APIs
 *   portfolio    1,000 offers at 300 ms latency, default and raised concurrency
 *   memory       RSS over 100,000 polls; the summary of such a wait
 *   pacing       requests of 6-hour waits of real-looking steps; Product Ingestion's minute
 *   state        the state file of scheduled checks: one offer and 1,000, followed through a publish
 */
import { cpus } from 'node:os'
import { connections } from './bench/connections.js'
import { memory } from './bench/memory.js'
import { pacing } from './bench/pacing.js'
import { PORTFOLIO_RUNS, portfolio } from './bench/portfolio.js'
import { start } from './bench/start.js'
import { state } from './bench/state.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 21)
const SECTIONS = {
  start: () => start({ runs: RUNS }),
  connections,
  portfolio: () => portfolio({ runs: PORTFOLIO_RUNS }),
  memory,
  pacing,
  state
}
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean)

/** @type {import('./bench/lib.js').Row[]} */
const rows = [{ figure: 'Machine', value: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${process.platform}` }]
for (const [name, section] of Object.entries(SECTIONS)) {
  if (only.length > 0 && !only.includes(name)) continue
  const started = Date.now()
  rows.push(...(await section()))
  console.error(`(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

const width = Math.max(...rows.map((r) => r.figure.length))
const valueWidth = Math.max(...rows.map((r) => r.value.length))
for (const row of rows) {
  const goal = row.goal === undefined ? '' : `  goal ${row.goal}  ${row.ok ? 'met' : 'MISSED'}`
  console.log(`${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}${goal}`)
}
const missed = rows.filter((r) => r.goal !== undefined && !r.ok)
if (missed.length > 0) {
  console.log(`\n${missed.length} goal(s) missed.`)
  process.exitCode = 1
} else {
  console.log('\nEvery goal met.')
}
