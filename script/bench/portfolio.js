// @ts-check
/**
 * A portfolio: 1,000 offers in one step, through the bundle on Node 24, against the simulator with
 * 300 ms of latency per request, one look each (`wait-for: none`). Goals: every offer read, none
 * failing for time spent queued; wall time within 1.2 × (offers × latency / concurrency); summary
 * under 1 MiB with every offer in the overview; `offers` output under 1 MB; nothing from Node on
 * stderr (no warnings). At the default concurrency (4) and at a raised one, on Node 24, and at the
 * raised one on this machine's Node (20: the warnings differ between the two).
 */

/** What `npm run bench` runs: [node, max-concurrency]. */
export const PORTFOLIO_RUNS = /** @type {[string, number][]} */ ([
  [NODE24, 4],
  [NODE24, 16],
  [NODE_HERE, 16]
])
import { startSimulator } from '../../simulator/server.js'
import { BUNDLE, NODE24, NODE_HERE, kib, mib, nodeName, runAction } from './lib.js'

const OFFERS = 1_000
const LATENCY_MS = 300
const ONE_MIB = 1024 * 1024
const ONE_MB = 1_000_000

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function portfolio(/** @type {{ runs: [string, number][] }} */ { runs }) {
  /** @type {import('./lib.js').Row[]} */
  const rows = []
  for (const [node, concurrency] of runs) {
    const sim = await startSimulator({ token: 'bench-token', latencyMs: LATENCY_MS })
    const ids = Array.from({ length: OFFERS }, (_, i) => `offer-${String(i).padStart(4, '0')}`)
    let run
    try {
      run = await runAction({
        node,
        script: BUNDLE,
        inputs: {
          'publisher-id': 'contoso',
          'offer-id': ids.join('\n'),
          token: 'bench-token',
          'wait-for': 'none',
          'base-url': sim.url,
          'max-concurrency': String(concurrency)
        }
      })
    } finally {
      await sim.close()
    }
    const runtime = nodeName(node)
    const label = `${runtime}, ${OFFERS.toLocaleString('en')} offers at ${LATENCY_MS} ms, max-concurrency ${concurrency}`
    /** @type {{ id: string, status: string, result: string }[]} */
    let offers
    try {
      offers = JSON.parse(run.outputs.offers ?? '[]')
    } catch {
      offers = []
    }
    const read = offers.filter((o) => o.status && o.result !== 'failed').length
    const ideal = (OFFERS * LATENCY_MS) / concurrency
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error')).length
    rows.push({
      figure: `${label}: offers read / failed (exit ${run.status})`,
      value: `${read} / ${errors} error annotations`,
      goal: `${OFFERS} / 0`,
      ok: run.status === 0 && read === OFFERS && errors === 0
    })
    rows.push({
      figure: `${label}: wall time (ideal ${(ideal / 1000).toFixed(0)} s)`,
      value: `${(run.wall / 1000).toFixed(1)} s (${(run.wall / ideal).toFixed(2)}x)`,
      goal: '≤ 1.2x',
      ok: run.wall <= 1.2 * ideal
    })
    const summaryBytes = Buffer.byteLength(run.summary)
    const inOverview = ids.filter((id) => run.summary.includes(id)).length
    rows.push({
      figure: `${label}: summary, offers named in it`,
      value: `${kib(summaryBytes)}, ${inOverview}`,
      goal: `< 1 MiB, ${OFFERS}`,
      ok: summaryBytes < ONE_MIB && inOverview === OFFERS
    })
    const offersBytes = Buffer.byteLength(run.outputs.offers ?? '')
    rows.push({
      figure: `${label}: offers output`,
      value: kib(offersBytes),
      goal: '< 1 MB',
      ok: offersBytes < ONE_MB
    })
    const stderr = run.stderr.trim()
    rows.push({
      figure: `${label}: stderr (Node's warnings)`,
      value: stderr ? (stderr.split('\n')[0]?.slice(0, 100) ?? '') : 'empty',
      goal: 'empty',
      ok: stderr === ''
    })
    rows.push({ figure: `${label}: peak RSS`, value: mib(run.rssKiB * 1024) })
  }
  return rows
}
