import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { MAX_TIMER_MS, sleep } from '../src/ports.js'

describe('sleep', () => {
  beforeEach(() => {
    jest.useFakeTimers()
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  const watched = (ms: number, signal = new AbortController().signal) => {
    let done = false
    void sleep(ms, signal).then(() => (done = true))
    return () => done
  }

  it('sleeps past the timer limit in pieces instead of firing at once', async () => {
    const forty = 40 * 86_400_000
    const done = watched(forty)
    await jest.advanceTimersByTimeAsync(1_000)
    expect(done()).toBe(false)
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS)
    expect(done()).toBe(false)
    await jest.advanceTimersByTimeAsync(forty)
    expect(done()).toBe(true)
  })

  it('ends at once on abort, and for zero, negative or NaN', async () => {
    const controller = new AbortController()
    const done = watched(Infinity, controller.signal)
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS * 2)
    expect(done()).toBe(false)
    controller.abort()
    await jest.advanceTimersByTimeAsync(0)
    expect(done()).toBe(true)
    for (const ms of [0, -5, NaN]) {
      const d = watched(ms)
      await jest.advanceTimersByTimeAsync(0)
      expect(d()).toBe(true)
    }
  })
})
