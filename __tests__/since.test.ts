/**
 * Since the last check: the watch loop carries first-seen times across checks, `since.ts` joins the
 * results to the state, the outputs say `changed` and `changes`, the summary has its section, and the
 * state file's path stays inside the workspace.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, INPUT_DEFAULTS, readSettings, type InputName } from '../src/inputs.js'
import { OUTPUT_BUDGET_BYTES } from '../src/limits.js'
import type { Outcome } from '../src/outcome.js'
import { outputsOf } from '../src/outputs.js'
import { watch, type WatchSettings } from '../src/poll.js'
import {
  carriedFirstSeen,
  sinceLastCheck,
  unrelatedWarning,
  type LoadedState,
  type SinceLastCheck
} from '../src/since.js'
import { createLimiter } from '../src/limiter.js'
import type { StatusSource } from '../src/sources/source.js'
import { emptyState, parseState, serializeState, type Change, type ItemState, type NextState } from '../src/state.js'
import { outsideProblem, resolveStatePath } from '../src/state-path.js'
import { loadState, logChanges, saveState, stateFileOf, type StateFile, type StateLog } from '../src/state-file.js'
import { renderSummary } from '../src/summary.js'
import { judge } from '../src/verdict.js'
import { fakeClock, noRandom, ok, scriptedSource, snapshot, step, T0, watchResult } from './fixtures/fakes.js'

const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z'
const KEY = 'cpp:offer:contoso/vm-offer'

const inProgress = (since: number, id = 'certification'): ItemState => ({
  status: 'Running',
  statusChangedAt: iso(since),
  checkedAt: iso(since),
  outcome: 'in-progress',
  steps: [
    { id: 'validation', status: 'Complete' },
    { id, status: 'InProgress', firstSeenInProgress: iso(since) }
  ],
  history: [{ at: iso(since), to: 'Running' }],
  historyOmitted: 0
})

const loadedWith = (items: Record<string, ItemState>, warning?: string): LoadedState => {
  const state = emptyState()
  for (const [key, item] of Object.entries(items)) state.items.set(key, item)
  return { file: 'state/offer-status.json', state, ...(warning ? { warning } : {}) }
}

const settings: WatchSettings = { waitFor: 'none', timeoutMs: HOUR, intervalMs: 30_000, maxIntervalMs: 600_000 }
const certifying = (estimate = '< 1 hour') =>
  snapshot('Running', [
    step('validation', 'Complete'),
    step('certification', 'InProgress', { estimatedTimeFrame: estimate, progress: 40 })
  ])

describe('the watch loop with what earlier checks saw', () => {
  it('times a step in progress from when an earlier check first saw it: stuck across checks', async () => {
    const clock = fakeClock()
    const { source } = scriptedSource(clock, [ok(certifying())])
    const keyed: StatusSource = { ...source, key: KEY }
    const earlier = loadedWith({ [KEY]: inProgress(T0 - 3 * HOUR) })
    const result = await watch(keyed, settings, {
      ...clock,
      random: noRandom,
      signal: new AbortController().signal,
      carriedFirstSeen: carriedFirstSeen(earlier)
    })
    expect(result.stuck).toEqual([expect.objectContaining({ id: 'certification', since: T0 - 3 * HOUR })])
    expect(result.inProgress).toEqual({ id: 'certification', since: T0 - 3 * HOUR })
    expect(result.firstSeenInProgress.get('certification')).toBe(T0 - 3 * HOUR)
    expect(result).toMatchObject({ key: KEY, firstReadAt: T0, readAt: T0 })
  })

  it('without earlier checks, or for another item, the first look is the start: not stuck', async () => {
    for (const carried of [undefined, carriedFirstSeen(loadedWith({ 'pi:offer:other': inProgress(T0 - 3 * HOUR) }))]) {
      const clock = fakeClock()
      const { source } = scriptedSource(clock, [ok(certifying())])
      const result = await watch({ ...source, key: KEY }, settings, {
        ...clock,
        random: noRandom,
        signal: new AbortController().signal,
        ...(carried ? { carriedFirstSeen: carried } : {})
      })
      expect(result.stuck).toEqual([])
      expect(result.firstSeenInProgress.get('certification')).toBe(T0)
    }
  })

  it('carries nothing without a state file, or for an item the file does not hold', () => {
    expect([...carriedFirstSeen(undefined)(KEY)]).toEqual([])
    expect([...carriedFirstSeen(loadedWith({ [KEY]: inProgress(T0) }))('pi:offer:other')]).toEqual([])
    expect([...carriedFirstSeen(loadedWith({ [KEY]: inProgress(T0) }))(KEY)]).toEqual([['certification', T0]])
  })

  it('forgets a carried time for a step no longer in progress', async () => {
    const clock = fakeClock()
    const done = snapshot('Running', [step('validation', 'Complete'), step('certification', 'Complete')])
    const { source } = scriptedSource(clock, [ok(done)])
    const result = await watch({ ...source, key: KEY }, settings, {
      ...clock,
      random: noRandom,
      signal: new AbortController().signal,
      carriedFirstSeen: carriedFirstSeen(loadedWith({ [KEY]: inProgress(T0 - 3 * HOUR) }))
    })
    expect([...result.firstSeenInProgress]).toEqual([])
  })

  it('names the item by the key of the API that answered, read at the end (a source that switches)', async () => {
    const clock = fakeClock()
    const { source } = scriptedSource(clock, [ok(certifying())])
    let key = 'cpp:offer:contoso/x'
    const switching: StatusSource = {
      ...source,
      get key() {
        return key
      },
      async read(options) {
        key = 'pi:offer:x'
        return source.read(options)
      }
    }
    const limiter = createLimiter(clock, 4)
    const result = await watch(limiter.wrap(switching), settings, {
      ...clock,
      random: noRandom,
      signal: new AbortController().signal
    })
    expect(result.key).toBe('pi:offer:x')
  })
})

describe('sinceLastCheck', () => {
  const now = T0 + 3 * HOUR
  /** The next state, which there is with a state file. */
  const stateOf = (got: { next?: NextState }): NextState => {
    if (!got.next) throw new Error('no next state')
    return got.next
  }
  const read = (snap = certifying(), extra = {}) =>
    watchResult({ key: KEY, snapshot: snap, firstReadAt: now - 1_000, readAt: now - 1_000, ...extra })

  it('a first check: each status is a change, no last check, the state holds the item', () => {
    const got = sinceLastCheck(loadedWith({}), [read()], ['in-progress'], now, 'state.json')
    const { since } = got
    const next = stateOf(got)
    expect(since).toEqual({
      file: 'state.json',
      now,
      histories: new Map([[KEY, { history: [{ at: iso(now - 1_000), to: 'Running' }], historyOmitted: 0 }]]),
      changes: [expect.objectContaining({ key: KEY, item: 'contoso/vm-offer', what: 'status', to: 'Running' })]
    })
    expect(since.changes[0]?.from).toBeUndefined()
    expect([...next.state.items.keys()]).toEqual([KEY])
  })

  it('without a state file: a first check, and no state to leave', () => {
    const got = sinceLastCheck(undefined, [read()], ['in-progress'], now)
    expect(got.next).toBeUndefined()
    expect(got.since.changes).toEqual([expect.objectContaining({ what: 'status', to: 'Running' })])
    expect(got.since.histories.size).toBe(0)
  })

  it('a later check: the steps that moved, and when the last check ran', () => {
    const before = inProgress(T0, 'validation')
    before.steps = [
      { id: 'validation', status: 'InProgress', firstSeenInProgress: iso(T0) },
      { id: 'certification', status: 'NotStarted' }
    ]
    const { since } = sinceLastCheck(loadedWith({ [KEY]: before }), [read()], ['in-progress'], now)
    expect(since.lastCheckAt).toBe(T0)
    expect(since.changes.map((c) => [c.what, c.step, c.from, c.to])).toEqual([
      ['step', 'validation', 'InProgress', 'Complete'],
      ['step', 'certification', 'NotStarted', 'InProgress']
    ])
  })

  it('nothing new: no change; the first-seen time stays', () => {
    const got = sinceLastCheck(loadedWith({ [KEY]: inProgress(T0) }), [read()], ['in-progress'], now)
    const { since } = got
    const next = stateOf(got)
    expect(since.changes).toEqual([])
    expect(next.state.items.get(KEY)?.steps[1]?.firstSeenInProgress).toBe(iso(T0))
  })

  it('an item that could not be read: no change, kept as the last check left it', () => {
    const before = inProgress(T0)
    const unread = watchResult({ key: KEY, end: { kind: 'error', reason: 'HTTP 500' } })
    const got = sinceLastCheck(loadedWith({ [KEY]: before }), [unread], ['unknown'], now)
    const { since } = got
    const next = stateOf(got)
    expect(since.changes).toEqual([])
    expect(since.lastCheckAt).toBe(T0)
    expect(next.state.items.get(KEY)).toEqual(before)
  })

  it('says the warning of a file that could not be used, and keeps items it does not watch', () => {
    const other = inProgress(T0 - 24 * HOUR)
    const loaded = loadedWith({ 'pi:offer:other': other }, 'The state file x is not valid JSON, …')
    const got = sinceLastCheck(loaded, [read()], ['in-progress'], now)
    const { since } = got
    const next = stateOf(got)
    expect(since.problem).toBe('The state file x is not valid JSON, …')
    expect(since.lastCheckAt).toBeUndefined()
    expect(next.state.items.get('pi:offer:other')).toEqual(other)
  })

  it('the state of 1,000 offers, each with a history, within 1 MiB; of one offer, under 1 KiB', () => {
    const keys = Array.from({ length: 1_000 }, (_, i) => `cpp:offer:contoso/offer-${String(i).padStart(4, '0')}`)
    const watches = keys.map((key, i) =>
      read(certifying(), {
        key,
        label: key.slice(10),
        history: Array.from({ length: 30 }, (_, k) => ({
          at: now - 100_000 + k,
          subject: k % 2 ? 'certification' : 'offer',
          name: 'Certification',
          to: `S${i}-${k}`
        }))
      })
    )
    const next = stateOf(sinceLastCheck(loadedWith({}), watches, ['in-progress'], now))
    const text = serializeState(next.state)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024)
    expect(next.state.items.size).toBe(1_000)
    expect(next.dropped).toEqual([])
    const one = serializeState(stateOf(sinceLastCheck(loadedWith({}), [read()], ['in-progress'], now)).state)
    expect(Buffer.byteLength(one)).toBeLessThan(1024)
    expect(parseState(text, 'state.json').warning).toBeUndefined()
  })

  it('names the file as loaded unless told otherwise; without a state file, none', () => {
    expect(sinceLastCheck(loadedWith({}), [read()], ['in-progress'], now).since.file).toBe('state/offer-status.json')
    expect(sinceLastCheck(undefined, [read()], ['in-progress'], now).since.file).toBe('')
  })

  it('a first check has no last check at all (the field is absent)', () => {
    expect(sinceLastCheck(loadedWith({}), [read()], ['in-progress'], now).since).not.toHaveProperty('lastCheckAt')
  })

  it("the last check is the latest of the watched items' (in any order); a time that is not one is ignored", () => {
    const other = 'pi:offer:other'
    const watches = [read(), read(certifying(), { key: other })]
    const at = (older: string, newer: string, broken?: string) => {
      const items = { [older]: inProgress(T0 - 2 * HOUR), [newer]: inProgress(T0 - HOUR) }
      if (broken) items[broken] = { ...inProgress(T0), checkedAt: 'not a time' }
      return sinceLastCheck(loadedWith(items), watches, ['in-progress', 'in-progress'], now).since.lastCheckAt
    }
    expect(at(KEY, other)).toBe(T0 - HOUR)
    expect(at(other, KEY)).toBe(T0 - HOUR)
    expect(at(KEY, other, KEY)).toBe(T0 - HOUR)
    expect(at(other, KEY, other)).toBe(T0 - HOUR)
  })

  it("records each item's outcome in the state, unknown when none was given", () => {
    const outcomeOf = (outcomes: Outcome[]) =>
      stateOf(sinceLastCheck(loadedWith({}), [read()], outcomes, now)).state.items.get(KEY)?.outcome
    expect(outcomeOf(['preview-ready'])).toBe('preview-ready')
    expect(outcomeOf([])).toBe('unknown')
  })

  it("counts what was already so at the check's first read as first seen then, not at its last read", () => {
    const firstRead = now - 20 * 60_000
    const { since } = sinceLastCheck(
      loadedWith({}),
      [read(certifying(), { firstReadAt: firstRead })],
      ['in-progress'],
      now
    )
    expect(since.changes.map((c) => [c.to, c.firstSeen])).toEqual([['Running', iso(firstRead)]])
  })

  it('a watch with no time of a good read counts as not read: no change, kept as the last check left it', () => {
    const before = inProgress(T0)
    const untimed = watchResult({ key: KEY, snapshot: certifying() })
    const got = sinceLastCheck(loadedWith({ [KEY]: before }), [untimed], ['in-progress'], now)
    expect(got.since.changes).toEqual([])
    expect(stateOf(got).state.items.get(KEY)).toEqual(before)
  })

  it('an item that could not be read is still watched: kept past 90 days unchecked, unlike one not watched', () => {
    const old = inProgress(now - 91 * 24 * HOUR)
    const unread = watchResult({ key: KEY, end: { kind: 'error', reason: 'HTTP 500' } })
    const loaded = loadedWith({ [KEY]: old, 'pi:offer:other': old })
    const next = stateOf(sinceLastCheck(loaded, [unread], ['unknown'], now))
    expect(next.state.items.get(KEY)).toEqual(old)
    expect(next.expired).toEqual(['pi:offer:other'])
  })

  it('an item a first check could not read: no change, no history and nothing kept for it', () => {
    const unread = watchResult({ key: KEY, end: { kind: 'error', reason: 'HTTP 500' } })
    const got = sinceLastCheck(loadedWith({}), [unread, read(certifying(), { key: 'pi:offer:other' })], [], now)
    expect(got.since.changes.map((c) => c.key)).toEqual(['pi:offer:other'])
    expect([...got.since.histories.keys()]).toEqual(['pi:offer:other'])
    expect([...stateOf(got).state.items.keys()]).toEqual(['pi:offer:other'])
  })
})

describe('unrelatedWarning', () => {
  const state = (...keys: string[]) => loadedWith(Object.fromEntries(keys.map((k) => [k, inProgress(T0)]))).state

  it('warns of a file that holds items, none of them watched here, naming the file', () => {
    expect(unrelatedWarning(state('pi:offer:a', 'pi:offer:b'), 'state.json', [KEY])).toBe(
      'The state file state.json holds 2 items, none of them what this check watches: they are kept, and this check starts as a first check.'
    )
    expect(unrelatedWarning(state('pi:offer:a'), 'x::error::y\n', [KEY, 'pi:offer:c'])).toMatch(
      /^The state file x.*holds one item, none of them what this check watches: it is kept/
    )
    expect(unrelatedWarning(state('pi:offer:a'), 'x::error::y\n', [KEY])).not.toMatch(/::error::|\n/)
  })

  it('is quiet for an empty file (said already) and for a file that holds any watched item', () => {
    expect(unrelatedWarning(state(), 'state.json', [KEY])).toBeUndefined()
    expect(unrelatedWarning(state('pi:offer:a', KEY), 'state.json', [KEY, 'pi:offer:new'])).toBeUndefined()
  })
})

describe('the changed and changes outputs', () => {
  const change: Change = {
    key: KEY,
    item: 'contoso/vm-offer',
    what: 'step',
    step: 'certification',
    name: 'Certification',
    from: 'NotStarted',
    to: 'InProgress',
    firstSeen: '2026-11-25T10:00:00Z'
  }

  it('changed is whether there is any change; every field of a change is there, null when it does not apply', () => {
    const watches = [watchResult()]
    expect(outputsOf(watches, [{ result: 'passed' }], 'passed')).toMatchObject({ changed: 'false', changes: '[]' })
    const status: Change = {
      key: KEY,
      item: 'contoso/vm-offer',
      what: 'status',
      to: 'Running',
      firstSeen: change.firstSeen
    }
    const outputs = outputsOf(watches, [{ result: 'passed' }], 'passed', [status, change])
    expect(outputs.changed).toBe('true')
    expect(JSON.parse(outputs.changes ?? '')).toEqual([
      {
        item: 'contoso/vm-offer',
        what: 'status',
        step: null,
        name: null,
        from: null,
        to: 'Running',
        firstSeen: change.firstSeen
      },
      {
        item: 'contoso/vm-offer',
        what: 'step',
        step: 'certification',
        name: 'Certification',
        from: 'NotStarted',
        to: 'InProgress',
        firstSeen: change.firstSeen
      }
    ])
  })

  it('a first check of 1,000 offers: offers whole (where each stands comes first), changes cut to what is left', () => {
    const watches = Array.from({ length: 1_000 }, (_, i) =>
      watchResult({
        label: `contoso/offer-${i}`,
        snapshot: snapshot('Running', [
          step('displaydummycertify', 'Complete', { name: 'Validate Pre-Requisites' }),
          step('displaycertify', 'InProgress', {
            name: 'Certification',
            estimatedTimeFrame: '~2-3 days',
            progress: 40
          }),
          ...['displayprovision', 'displaypackage', 'publisher-signoff', 'live'].map((id) =>
            step(id, 'NotStarted', {
              name: 'Provisioning',
              estimatedTimeFrame: '< 1 day'
            })
          )
        ])
      })
    )
    const changes = watches.map((w): Change => ({
      key: w.key,
      item: w.label,
      what: 'status',
      to: 'Running',
      firstSeen: '2026-11-25T10:00:00Z'
    }))
    const outputs = outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed',
      changes
    )
    // As big as the offers output of the 1,000-offer benchmark, and whole, as it is with no changes.
    expect(Buffer.byteLength(outputs.offers ?? '')).toBeGreaterThan(780_000)
    const alone = outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed'
    ).offers
    expect(outputs.offers === alone).toBe(true)
    const offers = JSON.parse(outputs.offers ?? '') as { truncated?: true }[]
    expect(offers).toHaveLength(1_000)
    expect(offers.some((o) => o.truncated)).toBe(false)
    const listed = JSON.parse(outputs.changes ?? '') as { truncated?: true; omitted?: number }[]
    expect(listed.at(-1)).toMatchObject({ truncated: true })
    expect(listed.length - 1 + (listed.at(-1)?.omitted ?? 0)).toBe(1_000)
    expect(outputs.changed).toBe('true')
    const total = Object.values(outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    expect(total).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES)
  })

  it('a portfolio too big for the offers output still lists a few changes whole: changes keep their share', () => {
    const watches = Array.from({ length: 1_500 }, (_, i) =>
      watchResult({
        label: `contoso/offer-${i}`,
        snapshot: snapshot(
          'Running',
          ['displaycertify', 'displayprovision', 'displaypackage', 'publisher-signoff', 'live'].map((id) =>
            step(id, 'NotStarted', { name: 'Provisioning', estimatedTimeFrame: '< 1 day' })
          )
        )
      })
    )
    const changes = watches.slice(0, 10).map((w): Change => ({ ...change, key: w.key, item: w.label }))
    const outputs = outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed',
      changes
    )
    const offers = JSON.parse(outputs.offers ?? '') as { truncated?: true }[]
    expect(offers.at(-1)).toMatchObject({ truncated: true })
    expect(JSON.parse(outputs.changes ?? '')).toEqual(
      changes.map((c) => expect.objectContaining({ item: c.item, to: 'InProgress' }))
    )
    const total = Object.values(outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    expect(total).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES)
  })

  it('neutralises what a server named, and stays within the outputs budget, cut with a marker', () => {
    const hostile: Change = { ...change, name: '::error::x\n##[warning]y', to: '%0A::set-output name=a::b' }
    const many = Array.from({ length: 5_000 }, () => hostile)
    const outputs = outputsOf([watchResult()], [{ result: 'passed' }], 'passed', many)
    const parsed = JSON.parse(outputs.changes ?? '') as Record<string, unknown>[]
    expect(parsed.at(-1)).toMatchObject({ truncated: true })
    expect(outputs.changes).not.toMatch(/::error::|##\[|\n/)
    const total = Object.values(outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0)
    expect(total).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES)
  })
})

describe('the summary section', () => {
  const watchOf = () => watchResult({ snapshot: certifying(), end: { kind: 'stopped', reason: 'one-look' } })
  const render = (since: (Omit<SinceLastCheck, 'histories'> & Partial<SinceLastCheck>) | undefined) => {
    const w = watchOf()
    const verdict = judge(w, { onTimeout: 'fail' })
    return renderSummary([w], [verdict], verdict.result, since ? { since: { histories: new Map(), ...since } } : {})
  }

  it('is there only with a state file, after the verdict and before the steps', () => {
    expect(render(undefined)).not.toContain('Since the last check')
    const md = render({ file: 'state.json', now: T0 + 3 * HOUR, lastCheckAt: T0, changes: [] })
    expect(md).toContain('### Since the last check (3h ago)')
    expect(md).toContain('Nothing changed since the last check, at 2026-11-25 10:00:00 UTC')
    expect(md.indexOf('Since the last check')).toBeGreaterThan(md.indexOf('**Next:**'))
    expect(md.indexOf('Since the last check')).toBeLessThan(md.indexOf('| Step |'))
  })

  it('lists the changes; a first check says so, with the warning when the file could not be used', () => {
    const changes: Change[] = [
      { key: KEY, item: 'contoso/vm-offer', what: 'status', to: 'Running', firstSeen: '2026-11-25T10:00:00Z' }
    ]
    const first = render({ file: 'state.json', now: T0, changes, problem: 'The state file state.json is empty, so …' })
    expect(first).toContain('### Since the last check: this is the first')
    expect(first).toContain('> [!WARNING]\n> The state file state.json is empty, so …')
    expect(first).toContain('| contoso/vm-offer | Status | Running (first seen) | 2026-11-25 10:00:00 UTC |')
    const later = render({
      file: 'state.json',
      now: T0 + 90_000,
      lastCheckAt: T0,
      changes: [
        {
          ...changes[0]!,
          what: 'step',
          step: 'certification',
          name: 'Certification',
          from: 'NotStarted',
          to: 'InProgress'
        }
      ]
    })
    expect(later).toContain('### Since the last check (1m 30s ago)')
    expect(later).toContain('| contoso/vm-offer | Certification | NotStarted → InProgress | 2026-11-25 10:00:00 UTC |')
  })

  it("shows the history across checks in place of this run's, with the steps by name and the gap counted", () => {
    const history = [
      { at: iso(T0 - 2 * HOUR), to: 'Running' },
      { at: iso(T0 - HOUR), step: 'certification', from: 'NotStarted', to: 'InProgress' },
      { at: iso(T0), step: 'certification', from: 'InProgress', to: 'Complete' }
    ]
    const md = render({
      file: 'state.json',
      now: T0,
      lastCheckAt: T0 - HOUR,
      changes: [],
      histories: new Map([['cpp:offer:contoso/vm-offer', { history, historyOmitted: 7 }]])
    })
    expect(md).toContain('### What was observed, across checks')
    expect(md).not.toContain('### What was observed\n')
    expect(md).toContain('| 2026-11-25 08:00:00 UTC | Offer | Running (first seen) |')
    expect(md).toContain('| … | | 7 more changes in between, not kept |')
    expect(md).toContain('| 2026-11-25 10:00:00 UTC | Certification | InProgress → Complete |')
  })

  it('escapes a hostile file name and step name: no command, link, HTML or new cell', () => {
    const md = render({
      file: '</code><img src=x>|::error::`',
      now: T0 + HOUR,
      lastCheckAt: T0,
      changes: [
        {
          key: KEY,
          item: 'a|b',
          what: 'step',
          step: 's',
          name: '[x](https://evil.example) | ##[error]',
          to: '<b>Done</b>',
          firstSeen: 'not a time'
        }
      ]
    })
    expect(md).not.toMatch(/<img|<b>|\]\(https|\n::|##\[error\]/)
    const row = md.split('\n').find((line) => line.startsWith('| a'))
    expect(row?.split('|').length).toBe(6)
    expect(row).toContain('| — |')
  })
})

describe('the state-file input', () => {
  const inputs = (extra: Partial<Record<InputName, string>>) =>
    readSettings((name) => ({ ...INPUT_DEFAULTS, 'offer-id': 'x', token: 't', 'publisher-id': 'p', ...extra })[name])

  it('is optional; given, it is kept as written (trimmed)', () => {
    expect(inputs({}).stateFile).toBeUndefined()
    expect(inputs({ 'state-file': '  state/offer-status.json ' }).stateFile).toBe('state/offer-status.json')
  })

  it.each([
    ['state/', /Input 'state-file' must name a file, not a directory/],
    ['state/.', /Input 'state-file' must name a file, not a directory/],
    ['..', /Input 'state-file' must name a file, not a directory/],
    ['a\u0000b', /Input 'state-file' must not contain control characters/],
    ['x'.repeat(1_001), /Input 'state-file' must be at most 1,000 characters/]
  ])('refuses %p, naming the input', (value, said) => {
    expect(() => inputs({ 'state-file': value })).toThrow(InputError)
    expect(() => inputs({ 'state-file': value })).toThrow(said)
  })
})

describe('where the state file is', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'offer-status-path-')))
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'offer-status-outside-')))
  mkdirSync(join(root, 'inside'))
  symlinkSync(outside, join(root, 'out'))
  symlinkSync(join(root, 'inside'), join(root, 'in'))
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })

  it('resolves a path inside the workspace as written', () => {
    expect(resolveStatePath('state.json', root)).toEqual({ path: join(root, 'state.json') })
    expect(resolveStatePath('a/b/c/state.json', root)).toEqual({ path: join(root, 'a/b/c/state.json') })
    expect(resolveStatePath(join(root, 'x.json'), root)).toEqual({ path: join(root, 'x.json') })
    expect(resolveStatePath('a/../b.json', root)).toEqual({ path: join(root, 'b.json') })
  })

  it.each(['../x.json', '/etc/x.json', '.', 'a/../..'])(
    'refuses %p as written: it leads outside the workspace',
    (input) => {
      const got = resolveStatePath(input, root)
      expect('problem' in got && got.problem).toMatch(/must be a file inside the workspace/)
    }
  )

  it('on disk: directories missing or linked inside are fine; one linked outside is not', () => {
    expect(outsideProblem(join(root, 'state.json'), root)).toBeUndefined()
    expect(outsideProblem(join(root, 'a/b/c/state.json'), root)).toBeUndefined()
    expect(outsideProblem(join(root, 'in/state.json'), root)).toBeUndefined()
    for (const path of ['out/state.json', 'out/new/dir/state.json']) {
      expect(outsideProblem(join(root, path), root)).toBe('a directory of its path leads outside the workspace')
    }
    expect(outsideProblem('/nonexistent-workspace-dir/x.json', '/nonexistent-workspace-dir')).toBe(
      'the workspace /nonexistent-workspace-dir does not exist'
    )
  })

  it('a path none of whose directories can be resolved (the workspace gone meanwhile) is outside', () => {
    let calls = 0
    const vanishing = {
      realpathSync(path: string): string {
        if (calls++ === 0) return path
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      }
    }
    expect(outsideProblem(join(root, 'a/state.json'), root, vanishing)).toBe(
      'a directory of its path leads outside the workspace'
    )
  })
})

describe('the state file at the edge: reading, writing and the log', () => {
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'offer-status-edge-')))
  const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'offer-status-elsewhere-')))
  symlinkSync(elsewhere, join(workspace, 'out'))
  writeFileSync(join(workspace, 'a-file'), 'not a directory')
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true })
    rmSync(elsewhere, { recursive: true, force: true })
  })

  /** A log that keeps its lines in order, each marked `info` or `warning`. */
  const recorder = () => {
    const lines: string[] = []
    const log: StateLog = {
      info: (line) => lines.push(`info: ${line}`),
      warning: (line) => lines.push(`warning: ${line}`)
    }
    return { lines, log }
  }
  const fileAt = (input: string): StateFile => {
    const file = stateFileOf({ stateFile: input }, workspace)
    if (!file) throw new Error('no state file')
    return file
  }
  const stateWith = (...keys: string[]) => loadedWith(Object.fromEntries(keys.map((k) => [k, inProgress(T0)]))).state
  const written = (state = stateWith(KEY)): NextState => ({ state, dropped: [], expired: [] })

  it('stateFileOf: none without the input; else where it resolves; an input error when outside the workspace', () => {
    expect(stateFileOf({}, workspace)).toBeUndefined()
    expect(stateFileOf({ stateFile: 'state/s.json' }, workspace)).toEqual({
      input: 'state/s.json',
      workspace,
      path: join(workspace, 'state/s.json')
    })
    expect(() => stateFileOf({ stateFile: '../s.json' }, workspace)).toThrow(InputError)
    expect(() => stateFileOf({ stateFile: '../s.json' }, workspace)).toThrow(
      `Input 'state-file' must be a file inside the workspace ${workspace} (got '../s.json')`
    )
  })

  it('loads a missing file as a first check, with one warning', () => {
    const { lines, log } = recorder()
    const loaded = loadState(fileAt('missing/s.json'), [KEY], log)
    const warning = 'The state file missing/s.json does not exist, so this check starts as a first check.'
    expect(loaded).toEqual({ file: 'missing/s.json', state: emptyState(), warning })
    expect(lines).toEqual([`warning: ${warning}`])
  })

  it('loads what the last check left, saying how many items, with no warning when it holds a watched one', () => {
    const recent = inProgress(Date.now() - HOUR)
    writeFileSync(join(workspace, 'one.json'), serializeState(loadedWith({ [KEY]: recent }).state))
    writeFileSync(
      join(workspace, 'two.json'),
      serializeState(loadedWith({ [KEY]: recent, 'pi:offer:b': recent }).state)
    )
    const one = recorder()
    const loaded = loadState(fileAt('one.json'), [KEY], one.log)
    expect(loaded).not.toHaveProperty('warning')
    expect(loaded).not.toHaveProperty('unusable')
    expect(loaded.state.items.get(KEY)).toEqual(recent)
    expect(one.lines).toEqual(['info: Read the state of the last check: 1 item.'])
    const two = recorder()
    expect([...loadState(fileAt('two.json'), [KEY], two.log).state.items.keys()]).toEqual([KEY, 'pi:offer:b'])
    expect(two.lines).toEqual(['info: Read the state of the last check: 2 items.'])
  })

  it('warns of a file that holds only items not watched here, and keeps them', () => {
    writeFileSync(
      join(workspace, 'other.json'),
      serializeState(loadedWith({ 'pi:offer:b': inProgress(Date.now() - HOUR) }).state)
    )
    const { lines, log } = recorder()
    const loaded = loadState(fileAt('other.json'), [KEY], log)
    const warning =
      'The state file other.json holds one item, none of them what this check watches: it is kept, and this check starts as a first check.'
    expect(loaded.warning).toBe(warning)
    expect([...loaded.state.items.keys()]).toEqual(['pi:offer:b'])
    expect(lines).toEqual([`warning: ${warning}`, 'info: Read the state of the last check: 1 item.'])
  })

  it('neither reads nor writes through a directory linked outside the workspace: a warning, and no state', () => {
    writeFileSync(join(elsewhere, 's.json'), serializeState(loadedWith({ [KEY]: inProgress(Date.now() - HOUR) }).state))
    const { lines, log } = recorder()
    const file = fileAt('out/s.json')
    const loaded = loadState(file, [KEY], log)
    const warning =
      'The state file out/s.json is not used (a directory of its path leads outside the workspace), ' +
      'so this check starts as a first check and leaves no state.'
    expect(loaded).toEqual({ file: 'out/s.json', state: emptyState(), warning, unusable: true })
    saveState(file, written(), log, loaded)
    expect(lines).toEqual([
      `warning: ${warning}`,
      'info: No state written to out/s.json: it was not used (see the warning).'
    ])
    // A link swapped in while the check ran is found when writing.
    const late = recorder()
    saveState(fileAt('out/new.json'), written(), late.log, { file: 'out/new.json', state: emptyState() })
    expect(late.lines).toEqual([
      'warning: Could not write the state file out/new.json: a directory of its path leads outside the workspace'
    ])
    expect(existsSync(join(elsewhere, 'new.json'))).toBe(false)
  })

  it('writes the state for the next check, saying how many items and bytes', () => {
    for (const [input, state, items] of [
      ['state/one.json', stateWith(KEY), '1 item'],
      ['state/two.json', stateWith(KEY, 'pi:offer:b'), '2 items']
    ] as const) {
      const { lines, log } = recorder()
      saveState(fileAt(input), written(state), log)
      const text = readFileSync(join(workspace, input), 'utf8')
      expect(text).toBe(serializeState(state))
      const bytes = Buffer.byteLength(text).toLocaleString('en-US')
      expect(lines).toEqual([`info: Wrote the state for the next check to ${input}: ${items}, ${bytes} bytes.`])
    }
  })

  it('a file that cannot be written is a warning saying why', () => {
    const { lines, log } = recorder()
    saveState(fileAt('a-file/s.json'), written(), log)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^warning: Could not write the state file a-file\/s\.json: \S/)
  })

  it('says what it left out to fit the size limit or for age, and when it cut histories only', () => {
    const logOf = (next: Omit<NextState, 'state'>) => {
      const { lines, log } = recorder()
      saveState(fileAt('cut.json'), { state: stateWith(KEY), ...next }, log)
      return lines.slice(1)
    }
    const outgrown =
      'warning: The state file cut.json would outgrow its size limit: left out 2 of its items ' +
      '(those not watched here first, the oldest first), which start as first checks next time.'
    const kept = "info: Kept 4 changes of each watched item's history (its first and last ones), to fit the size limit."
    expect(logOf({ dropped: ['a', 'b'], expired: ['c'], historyKept: 4 })).toEqual([
      outgrown,
      'info: Left out 1 item no check has looked at for 90 days.'
    ])
    expect(logOf({ dropped: ['a', 'b'], expired: [], historyKept: 4 })).toEqual([outgrown])
    expect(logOf({ dropped: [], expired: ['c', 'd'], historyKept: 4 })).toEqual([
      'info: Left out 2 items no check has looked at for 90 days.'
    ])
    expect(logOf({ dropped: [], expired: [], historyKept: 4 })).toEqual([kept])
    expect(logOf({ dropped: [], expired: [] })).toEqual([])
  })

  describe('the changes in the log', () => {
    const since = (changes: Change[], lastCheckAt?: number): SinceLastCheck => ({
      file: 'state.json',
      now: T0 + 3 * HOUR,
      changes,
      histories: new Map(),
      ...(lastCheckAt === undefined ? {} : { lastCheckAt })
    })
    const logged = (of: SinceLastCheck, several = false) => {
      const { lines, log } = recorder()
      logChanges(of, several, log)
      return lines
    }
    const change = (fields: Partial<Change>): Change => ({
      key: KEY,
      item: 'contoso/vm-offer',
      what: 'step',
      to: 'InProgress',
      firstSeen: iso(T0),
      ...fields
    })

    it('nothing changed: one line, saying when the last check was, or that this is the first', () => {
      expect(logged(since([]))).toEqual(['info: Nothing changed since the last check (this is the first check).'])
      expect(logged(since([], T0))).toEqual(['info: Nothing changed since the last check (last check 3h ago).'])
    })

    it('one line a change: the status or the step by name (else ID), from → to or first seen; the item with several', () => {
      const changes = [
        change({ what: 'status', to: 'Running' }),
        change({ step: 'certification', name: 'Certification', from: 'NotStarted' }),
        change({ step: 'validation', from: 'InProgress', to: 'Complete' }),
        change({ from: 'A', to: 'B' }),
        change({ step: 'x', name: '::error::hostile\nname' })
      ]
      expect(logged(since(changes, T0))).toEqual([
        'info: Changed since the last check (last check 3h ago):',
        'info:   status Running (first seen)',
        'info:   Certification NotStarted → InProgress',
        'info:   validation InProgress → Complete',
        'info:   A → B',
        'info:   : :error: :hostile name InProgress (first seen)'
      ])
      expect(logged(since(changes.slice(0, 2)), true)).toEqual([
        'info: Changed since the last check (this is the first check):',
        'info:   contoso/vm-offer: status Running (first seen)',
        'info:   contoso/vm-offer: Certification NotStarted → InProgress'
      ])
    })

    it('at most 20 lines of changes, then how many more', () => {
      const changes = (n: number) => Array.from({ length: n }, (_, i) => change({ step: `s${i}` }))
      const twenty = logged(since(changes(20)))
      expect(twenty).toHaveLength(21)
      expect(twenty.at(-1)).toBe('info:   s19 InProgress (first seen)')
      const more = logged(since(changes(23)))
      expect(more).toHaveLength(22)
      expect(more.at(-2)).toBe('info:   s19 InProgress (first seen)')
      expect(more.at(-1)).toBe('info:   … and 3 more (the changes output has them, as many as fit its size limit)')
    })
  })
})
