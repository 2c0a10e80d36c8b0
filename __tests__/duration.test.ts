import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/duration.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1d', 86_400_000],
    ['90', 90_000],
    ['1.5', 1_500],
    ['1.25', 1_250],
    ['1.5h', 5_400_000],
    ['2M', 120_000],
    [' 45s ', 45_000],
    ['1m30s250ms', 90_250]
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    '',
    ' ',
    'abc',
    '10x',
    'm',
    '-5s',
    '1h30',
    '30 seconds',
    '1,5s',
    's30',
    '1e3',
    '9'.repeat(400),
    '1'.repeat(10) + 's',
    '1'.repeat(40) + 'd',
    'Infinity',
    'NaN'
  ])('rejects %p', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [45_000, '45s'],
    [150_000, '2m 30s'],
    [3_600_000, '1h'],
    [3_900_000, '1h 5m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d 3h'],
    [6 * 86_400_000 + 1_000, '6d'],
    [3_600_000 + 5_000, '1h'],
    [-5, '0ms']
  ])('formats %p as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
