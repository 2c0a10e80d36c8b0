// @ts-check
/**
 * Memory over a long wait: RSS after 100,000 polls within 10 MiB of RSS after 1,000 (fake clock,
 * in-process source changing every poll; measured at rest, as between real looks: see memory-child.js),
 * and the summary of such a wait within GitHub's 1 MiB.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { kib, mib } from './lib.js'

const POLLS = 100_000
export const GROWTH_GOAL_BYTES = 10 * 1024 * 1024

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function memory() {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', join(import.meta.dirname, 'memory-child.js'), String(POLLS)],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024
    }
  )
  const figures = JSON.parse(out)
  const { early, late } = figures
  const growth = late.rest.rss - early.rest.rss
  return [
    {
      figure: `Long wait, steps changing every poll: RSS at rest after 1,000 → ${POLLS.toLocaleString('en')} polls (heap used)`,
      value: `${mib(early.rest.rss)} → ${mib(late.rest.rss)} (${mib(early.rest.heapUsed)} → ${mib(late.rest.heapUsed)})`,
      goal: '≤ +10 MiB',
      ok: figures.polls === POLLS && growth <= GROWTH_GOAL_BYTES
    },
    {
      figure: '… the same at once, after a tight loop with no rest (heap committed)',
      value: `${mib(early.busy.rss)} → ${mib(late.busy.rss)} (${mib(early.busy.heapTotal)} → ${mib(late.busy.heapTotal)})`
    },
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
  ]
}
