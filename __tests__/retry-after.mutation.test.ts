/**
 * `Retry-After` parsing. Kept apart from cpp.test.ts, which tests the CPP client around it: the mutation
 * run (`npm run mutate`) leaves that file out, since loading the client and `@actions/http-client` for
 * every mutant of the modules it imports costs more than it finds.
 */
import { describe, expect, it } from '@jest/globals'
import { parseRetryAfter } from '../src/retry-after.js'
import { T0 } from './fixtures/fakes.js'

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', T0)).toBe(120_000)
    expect(parseRetryAfter(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30_000)
    expect(parseRetryAfter(new Date(T0 - 30_000).toUTCString(), T0)).toBe(0)
  })
  it('reads fractional seconds, and a value with blanks around it', () => {
    expect(parseRetryAfter('1.5', T0)).toBe(1_500)
    expect(parseRetryAfter('1.25', T0)).toBe(1_250)
    expect(parseRetryAfter(' 5 ', T0)).toBe(5_000)
  })
  it.each([undefined, '', 'soon-ish?', '-5', '12abc'])('ignores %p', (value) => {
    expect(parseRetryAfter(value, T0)).toBeUndefined()
  })

  it('caps an absurd wait at 35 days, and ignores an absurdly long header', () => {
    expect(parseRetryAfter('3100000', T0)).toBe(35 * 86_400_000)
    expect(parseRetryAfter('9'.repeat(99), T0)).toBe(35 * 86_400_000)
    expect(parseRetryAfter('9'.repeat(400), T0)).toBeUndefined()
    expect(parseRetryAfter(new Date(T0 + 400 * 86_400_000).toUTCString(), T0)).toBe(35 * 86_400_000)
  })
})
