// @ts-check
/**
 * Start-up: a one-shot check (`wait-for: none`) of the bundle against the simulator, as a ratio to
 * the floor, a dependency-free script doing the same check (`script/floor-action.js`). Runs are paired
 * and alternated so that drift on a busy machine hits both alike. Goal on Node 24 (the runners'
 * runtime): at most 2.0; this machine's Node is reported too. Also the bundle's size and peak memory.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startSimulator } from '../../simulator/server.js'
import { BUNDLE, NODE24, NODE_HERE, ROOT, median, mib, nodeName, runAction } from './lib.js'

const FLOOR = join(ROOT, 'script', 'floor-action.js')
export const START_GOAL = 2.0

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function start(/** @type {{ runs: number }} */ { runs }) {
  const sim = await startSimulator({ token: 'bench-token' })
  const inputs = {
    'publisher-id': 'contoso',
    'offer-id': 'publisher-review',
    token: 'bench-token',
    'wait-for': 'none',
    'base-url': sim.url
  }
  /** @type {import('./lib.js').Row[]} */
  const rows = []
  try {
    /** @type {[string, string][]} */
    const runtimes = [
      [NODE24, 'Node 24'],
      [NODE_HERE, `${nodeName(NODE_HERE)} (this machine's)`]
    ]
    for (const [node, name] of runtimes) {
      /** @type {number[]} */ const floor = []
      /** @type {number[]} */ const action = []
      /** @type {number[]} */ const rss = []
      // Warm the file cache once.
      await runAction({ node, script: FLOOR, inputs })
      await runAction({ node, script: BUNDLE, inputs })
      for (let i = 0; i < runs; i++) {
        const base = await runAction({ node, script: FLOOR, inputs })
        const run = await runAction({ node, script: BUNDLE, inputs })
        if (base.status !== 0 || !base.outputs.status)
          throw new Error(`the floor failed:\n${base.stdout}${base.stderr}`)
        if (run.status !== 0 || run.outputs.status?.toLowerCase() !== base.outputs.status.toLowerCase()) {
          throw new Error(`the one-shot check failed (exit ${run.status}):\n${run.stdout}${run.stderr}`)
        }
        floor.push(base.wall)
        action.push(run.wall)
        rss.push(run.rssKiB)
      }
      const ratio = median(action) / median(floor)
      rows.push({
        figure: `${name}: one-shot check / dependency-free floor (median of ${runs} paired runs)`,
        value: `${ratio.toFixed(2)} (${median(action).toFixed(0)} ms / ${median(floor).toFixed(0)} ms)`,
        ...(node === NODE24 ? { goal: `≤ ${START_GOAL.toFixed(1)}`, ok: ratio <= START_GOAL } : {})
      })
      rows.push({ figure: `${name}: peak RSS of the one-shot check (median)`, value: mib(median(rss) * 1024) })
    }
  } finally {
    await sim.close()
  }
  const bundle = readFileSync(BUNDLE)
  rows.push({
    figure: 'Bundle dist/index.js',
    value: `${mib(bundle.length)} (${mib(gzipSync(bundle).length)} gzipped)`
  })
  return rows
}
