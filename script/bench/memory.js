// @ts-check
/**
 * Memory over a long wait: RSS after 100,000 polls within 10 MiB of RSS after 1,000 (fake clock,
 * in-process source changing every poll; measured at rest, as between real looks, after the collection
 * V8's memory reducer makes in an idle process: see memory-child.js), and the summary of such a wait
 * within GitHub's 1 MiB.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { NODE24, NODE_HERE, kib, mib, nodeName } from './lib.js'

const POLLS = 100_000
export const GROWTH_GOAL_BYTES = 10 * 1024 * 1024

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function memory() {
  /** @type {import('./lib.js').Row[]} */
  const rows = []
  for (const node of [NODE24, NODE_HERE]) {
    const out = execFileSync(node, ['--expose-gc', join(import.meta.dirname, 'memory-child.js'), String(POLLS)], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024
    })
    const figures = JSON.parse(out)
    const { early, late } = figures
    const growth = late.reduced.rss - early.reduced.rss
    const name = nodeName(node)
    rows.push(
      {
        figure: `${name}, long wait, steps changing every poll: RSS at rest after 1,000 → ${POLLS.toLocaleString('en')} polls, after a memory-reducing collection (heap used)`,
        value: `${mib(early.reduced.rss)} → ${mib(late.reduced.rss)} (${mib(early.reduced.heapUsed)} → ${mib(late.reduced.heapUsed)})`,
        goal: '≤ +10 MiB',
        ok: figures.polls === POLLS && growth <= GROWTH_GOAL_BYTES
      },
      {
        figure: `… before it, after full collections only (V8 13 keeps the pages they free committed)`,
        value: `${mib(early.rest.rss)} → ${mib(late.rest.rss)}`
      },
      {
        figure: `… at once, after the tight loop (heap committed at once → at rest)`,
        value: `${mib(early.busy.rss)} → ${mib(late.busy.rss)} (${mib(late.busy.heapTotal)} → ${mib(late.rest.heapTotal)})`
      }
    )
    if (node === NODE24) {
      rows.push(
        {
          figure: '… history kept (first and last changes) + counted',
          value: `${figures.history} + ${figures.historyOmitted.toLocaleString('en')}`
        },
        {
          figure: '… its summary',
          value: kib(figures.summaryBytes),
          goal: '< 1 MiB',
          ok: figures.summaryBytes < 1024 * 1024
        }
      )
    }
  }
  return rows
}
