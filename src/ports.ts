/** The real clock, sleep and random source handed to the pure modules. */
import type { Sleep } from './poll.js'

export const now = (): number => Date.now()

export const random = (): number => Math.random()

/** A timer that ends early, without an error, when the signal aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve()
      return
    }
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
