/** The real clock, sleep and random source handed to the pure modules. */
import type { Sleep } from './poll.js'

export const now = (): number => Date.now()

export const random = (): number => Math.random()

/** The longest delay `setTimeout` takes as it is; a longer one would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647

/**
 * A timer that ends early, without an error, when the signal aborts. Any length is safe: a wait past
 * the timer limit (24.8 days) is slept in pieces; a non-finite one lasts until the signal aborts.
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || !(ms > 0)) {
      resolve()
      return
    }
    const until = Date.now() + ms
    let timer: NodeJS.Timeout | undefined
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const arm = (): void => {
      const left = until - Date.now()
      if (left <= 0) {
        done()
        return
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS))
    }
    signal.addEventListener('abort', done, { once: true })
    arm()
  })
