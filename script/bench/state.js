// @ts-check
/**
 * The state file of scheduled checks (`state-file`): its size for one offer and for 1,000, each
 * followed through a whole publish (six steps, every status change, over 60 checks three hours apart),
 * and what it costs to read, merge and write. Goal: at most 1 MiB whatever the portfolio, every offer
 * kept (history is cut before an item is dropped).
 */
import { BUILD } from './lib.js'

const HOUR = 3_600_000
const T0 = Date.UTC(2026, 10, 20, 6, 0, 0)
export const STATE_GOAL_BYTES = 1024 * 1024
const STEPS = [
  'displaydummycertify',
  'displaycertify',
  'displayprovision',
  'displaypackage',
  'publisher-signoff',
  'live'
]
const CHECKS = 60

/**
 * What check `k` of a publish sees: steps complete one by one (each in progress for a few checks),
 * the offer Running until the last is complete.
 * @param {number} k
 */
function seen(k) {
  const done = Math.min(STEPS.length, Math.floor(k / 4))
  const steps = STEPS.map((id, i) => ({
    id,
    name: id,
    description: '',
    messages: [],
    status: i < done ? 'Complete' : i === done ? 'InProgress' : 'NotStarted'
  }))
  return { status: done === STEPS.length ? 'Succeeded' : 'Running', steps, messages: [] }
}

/**
 * @param {number} offers
 * @returns {Promise<{ bytes: number, items: number, dropped: number, historyKept: number | undefined, msPerCheck: number }>}
 */
async function follow(offers) {
  const { sinceLastCheck } = await import(`${BUILD}/since.js`)
  const { emptyState, parseState, serializeState } = await import(`${BUILD}/state.js`)
  let text = ''
  /** @type {any} */
  let next
  let spent = 0
  for (let k = 0; k < CHECKS; k++) {
    const at = T0 + k * 3 * HOUR
    const started = performance.now()
    const loaded = { file: 'state.json', state: k === 0 ? emptyState() : parseState(text, 'state.json', at).state }
    const watches = Array.from({ length: offers }, (_, i) => ({
      id: `offer-${i}`,
      label: `contoso/offer-${i}`,
      key: `cpp:offer:contoso/offer-${String(i).padStart(4, '0')}`,
      end: { kind: 'stopped', reason: 'one-look' },
      snapshot: seen(k),
      firstReadAt: at,
      readAt: at,
      firstSeenInProgress: new Map(),
      history: [],
      historyOmitted: 0,
      polls: 1,
      transientErrors: 0,
      retries: 0,
      stuck: [],
      startedAt: at,
      endedAt: at
    }))
    next = sinceLastCheck(
      loaded,
      watches,
      watches.map(() => 'in-progress'),
      at
    ).next
    text = serializeState(next.state)
    spent += performance.now() - started
  }
  return {
    bytes: Buffer.byteLength(text),
    items: next.state.items.size,
    dropped: next.dropped.length,
    historyKept: next.historyKept,
    msPerCheck: spent / CHECKS
  }
}

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function state() {
  const one = await follow(1)
  const many = await follow(1_000)
  return [
    {
      figure: `State file, one offer followed through a publish (${CHECKS} checks, every change kept)`,
      value: `${one.bytes.toLocaleString('en')} bytes`
    },
    {
      figure: '… 1,000 offers: bytes, items kept, history kept per item',
      value:
        `${(many.bytes / 1024).toFixed(0)} KiB, ${many.items.toLocaleString('en')} of 1,000 kept, ` +
        (many.historyKept === undefined ? 'whole' : `first and last of ${many.historyKept} changes`),
      goal: '≤ 1 MiB, all kept',
      ok: many.bytes <= STATE_GOAL_BYTES && many.items === 1_000 && many.dropped === 0
    },
    {
      figure: '… read, merge and write it, a check of 1,000 offers',
      value: `${many.msPerCheck.toFixed(0)} ms`
    }
  ]
}
