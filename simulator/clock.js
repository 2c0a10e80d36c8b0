// @ts-check
/**
 * The simulator's clock: what "now" is in its answers, and the instant publishing started, which the
 * fixed times of a scenario (message timestamps, submission and job times) count from.
 *
 * By default real time, with publishing started when this module was loaded (to the minute), so that a
 * fixed time is never old enough to make a step look stuck, whatever the date. `startSimulator({ now })`
 * gives one simulator a clock of its own (a fake clock, say), with publishing started at its `now()` when
 * the simulator starts (to the minute): every time in that simulator's answers then follows that clock,
 * so that they are the same on every run. The clock holds while the simulator handles a request,
 * including the timers the request starts (a delayed answer), through an AsyncLocalStorage, so that
 * several simulators with their own clocks can run in one process.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * @typedef {{ now: () => number, start: number }} Clock
 *   start: when publishing started (a whole minute), in ms
 */

/** @param {() => number} now @returns {Clock} */
export function createClock(now) {
  return { now, start: Math.floor(now() / 60_000) * 60_000 }
}

const REAL = createClock(() => Date.now())

/** @type {AsyncLocalStorage<Clock>} */
const current = new AsyncLocalStorage()

/** The clock of the simulator handling the current request; real time outside one. */
export function clock() {
  return current.getStore() ?? REAL
}

/**
 * Runs `fn` (and what it starts) with `own` as the clock, or with the current one when `own` is undefined.
 * @template T @param {Clock | undefined} own @param {() => T} fn @returns {T}
 */
export function withClock(own, fn) {
  return own ? current.run(own, fn) : fn()
}
