/**
 * src/state.ts, the state a check leaves for the next one: reading it (bad files of every kind never
 * fatal, unrelated items kept), what changed since, the next state (first-seen times carried across
 * checks, history spanning them, the size bound) and the atomic write. Times are fixed numbers: no
 * test waits or depends on the clock.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MAX_STATE_DEPTH,
  MAX_STATE_FILE_BYTES,
  MAX_STATE_HISTORY,
  MAX_STATE_ITEMS,
  MAX_STATE_KEY,
  MAX_STATE_STEPS,
  MAX_STATE_TEXT,
  STATE_BUDGET_BYTES,
  UNRELATED_TTL_MS,
  changesSince,
  emptyState,
  firstSeenInProgress,
  nextState,
  parseState,
  readStateFile,
  serializeState,
  stateKey,
  writeStateFile,
  type Check,
  type HistoryEntry,
  type ItemState,
  type RunChange,
  type State,
  type StateFs
} from '../src/state.js'

const T0 = Date.UTC(2026, 10, 25, 10, 0, 0)
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z'
const bytes = (text: string): number => Buffer.byteLength(text)

/** The six steps of a VM offer, with the simulator's IDs and names. */
const STEPS = [
  ['displaydummycertify', 'Validate Pre-Requisites'],
  ['displaycertify', 'Certification'],
  ['displayprovision', 'Provisioning'],
  ['displaypackage', 'Packaging and Lead Generation Registration'],
  ['publisher-signoff', 'Publisher signoff'],
  ['live', 'Live']
] as const

const KEY = 'cpp:offer:contoso/vm-offer'

/** A check of an offer: the six steps, NotStarted unless `steps` says otherwise. */
function check(
  status: string,
  steps: Record<string, string>,
  at: number,
  extra: Partial<Check> = {},
  key = KEY
): Check {
  return {
    key,
    label: key.split(':').slice(2).join(':'),
    at,
    status,
    steps: STEPS.map(([id, name]) => ({ id, name, status: steps[id] ?? 'NotStarted' })),
    outcome: status === 'Succeeded' ? 'live' : 'in-progress',
    ...extra
  }
}

/** One check after another, each from the state the one before left. */
function run(...checks: Check[][]): State[] {
  const states: State[] = []
  let state = emptyState()
  for (const [i, batch] of checks.entries()) {
    state = nextState(state, batch, batch[0]?.at ?? T0 + i).state
    states.push(state)
  }
  return states
}

function itemOf(state: State, key = KEY): ItemState {
  const item = state.items.get(key)
  if (!item) throw new Error(`no item ${key}`)
  return item
}

/** A valid item as a file holds it. */
function fileItem(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    status: 'Running',
    statusChangedAt: iso(T0),
    checkedAt: iso(T0 + HOUR),
    outcome: 'in-progress',
    steps: [
      { id: 'displaycertify', status: 'InProgress', firstSeenInProgress: iso(T0) },
      { id: 'live', status: 'NotStarted' }
    ],
    history: [{ at: iso(T0), to: 'Running' }],
    historyOmitted: 0,
    ...extra
  }
}

const fileOf = (items: Record<string, unknown>, version: unknown = 1): string => JSON.stringify({ version, items })

describe('stateKey', () => {
  it('names the API, the kind and the ID, lower-cased', () => {
    expect(stateKey({ api: 'cpp', kind: 'offer', id: 'Contoso/VM-Offer' })).toBe('cpp:offer:contoso/vm-offer')
    expect(stateKey({ api: 'pi', kind: 'offer', id: 'vm-offer' })).toBe('pi:offer:vm-offer')
    expect(stateKey({ api: 'pi', kind: 'job', id: 'B5D1A2C3-0000' })).toBe('pi:job:b5d1a2c3-0000')
  })

  it('neutralises and caps a hostile ID, and a file written with the key reads back', () => {
    const key = stateKey({ api: 'pi', kind: 'offer', id: `a\u0000b\u202e::warning::x\n${'y'.repeat(1000)}` })
    expect(key.length).toBeLessThanOrEqual(MAX_STATE_KEY)
    expect(key).toMatch(/^pi:offer:ab: :warning: :x y+…$/)
    const { state } = nextState(emptyState(), [check('Running', {}, T0, {}, key)], T0)
    const read = parseState(serializeState(state), 'state.json')
    expect(read.warning).toBeUndefined()
    expect([...read.state.items.keys()]).toEqual([key])
  })
})

describe('parseState: a bad file is never fatal', () => {
  const good = fileOf({ [KEY]: fileItem() })

  it.each([
    ['missing (no text)', undefined, 'missing', 'does not exist'],
    ['missing (as read)', { missing: true } as const, 'missing', 'does not exist'],
    [
      'unreadable',
      { error: 'EACCES: permission denied' },
      'unreadable',
      'could not be read (EACCES: permission denied)'
    ],
    ['empty', '', 'empty', 'is empty'],
    ['blank', ' \n\t\n', 'empty', 'is empty'],
    ['not JSON', '{"version":1,"items":{', 'not-json', 'is not valid JSON'],
    ['an array', '[]', 'not-an-object', 'holds an array, not a JSON object'],
    ['null', 'null', 'not-an-object', 'holds null'],
    ['a number', '42', 'not-an-object', 'holds a number'],
    ['version 2', fileOf({ [KEY]: fileItem() }, 2), 'unknown-version', 'has version 2'],
    ['no version', JSON.stringify({ items: {} }), 'unknown-version', 'has no version'],
    ['version "1"', fileOf({}, '1'), 'unknown-version', 'has an invalid version'],
    ['no items', JSON.stringify({ version: 1 }), 'no-items', 'has no items object'],
    ['items as a list', JSON.stringify({ version: 1, items: [fileItem()] }), 'no-items', 'has no items object'],
    ['nested too deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'too-deep', 'nests deeper']
  ])('%s: one warning naming the file, and a first check', (_name, file, problem, said) => {
    const read = parseState(file, '.offer-status/state.json')
    expect(read.problem).toBe(problem)
    expect(read.state.items.size).toBe(0)
    expect(read.warning).toContain('The state file .offer-status/state.json')
    expect(read.warning).toContain(said)
    expect(read.warning).toContain('first check')
    expect(read.warning?.split('. ')).toHaveLength(1)
  })

  it('a good file: its items and no warning', () => {
    const read = parseState(good, 'state.json')
    expect(read).toEqual({ state: expect.anything() as unknown })
    expect(itemOf(read.state)).toEqual(fileItem())
  })

  it('says nothing of a file that is not JSON beyond that (no content in the log)', () => {
    const read = parseState('::error::owned {', 'state.json')
    expect(read.warning).not.toContain('owned')
  })

  it('refuses a file over the size cap before parsing it', () => {
    const parse = jest.spyOn(JSON, 'parse')
    try {
      const padding = ' '.repeat(MAX_STATE_FILE_BYTES)
      const read = parseState(good + padding, 'state.json')
      expect(read.problem).toBe('too-large')
      expect(read.warning).toContain('is larger than 4 MiB')
      // Within the cap in UTF-16 code units, over it in UTF-8 bytes.
      expect(parseState(good + 'é'.repeat(MAX_STATE_FILE_BYTES / 2), 'state.json').problem).toBe('too-large')
      expect(parse).not.toHaveBeenCalled()
      parseState(good, 'state.json')
      expect(parse).toHaveBeenCalledTimes(1)
    } finally {
      parse.mockRestore()
    }
  })

  it('neutralises the file name in the warning', () => {
    const read = parseState(undefined, 'x\n::error::owned')
    expect(read.warning).not.toMatch(/::|\n/)
  })

  const wrong: [string, unknown][] = [
    ['an array', [fileItem()]],
    ['no status', fileItem({ status: undefined })],
    ['a status too long', fileItem({ status: 'x'.repeat(MAX_STATE_TEXT + 1) })],
    ['a number for a status', fileItem({ status: 3 })],
    ['a bad time', fileItem({ checkedAt: '2026-11-25 10:00' })],
    ['an impossible time', fileItem({ checkedAt: '2026-13-45T99:99:99Z' })],
    ['an unknown outcome', fileItem({ outcome: 'great' })],
    ['steps not a list', fileItem({ steps: { id: 'x' } })],
    [
      'too many steps',
      fileItem({ steps: Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, status: 'Complete' })) })
    ],
    ['a step without an ID', fileItem({ steps: [{ status: 'Complete' }] })],
    ['a step without a status', fileItem({ steps: [{ id: 'x' }] })],
    ['a step that is null', fileItem({ steps: [null] })],
    ['no statusChangedAt', fileItem({ statusChangedAt: undefined })],
    ['a history entry that is null', fileItem({ history: [null] })],
    ['a history entry without `to`', fileItem({ history: [{ at: iso(T0) }] })],
    ['a count that is a string', fileItem({ historyOmitted: '0' })],
    ['a step twice', fileItem({ steps: [fileItem().steps, fileItem().steps].flat() })],
    [
      'a first-seen time after the check',
      fileItem({ steps: [{ id: 'x', status: 'InProgress', firstSeenInProgress: iso(T0 + DAY) }] })
    ],
    ['a history entry without a time', fileItem({ history: [{ to: 'Running' }] })],
    ['a history entry with a list for a step', fileItem({ history: [{ at: iso(T0), step: [], to: 'Running' }] })],
    ['history too long', fileItem({ history: Array.from({ length: 41 }, () => ({ at: iso(T0), to: 'Running' })) })],
    ['a negative count', fileItem({ historyOmitted: -1 })],
    ['a fractional count', fileItem({ historyOmitted: 1.5 })]
  ]

  it.each(wrong)('an item with %s is dropped, and the good ones around it kept', (_name, bad) => {
    const items = { 'cpp:offer:a/first': fileItem(), 'cpp:offer:b/bad': bad, 'pi:offer:c-last': fileItem() }
    const read = parseState(JSON.stringify({ version: 1, items }), 'state.json')
    expect([...read.state.items.keys()]).toEqual(['cpp:offer:a/first', 'pi:offer:c-last'])
    expect(read.problem).toBe('items')
    expect(read.warning).toMatch(
      /^The state file state\.json has 1 item of the wrong shape \("cpp:offer:b\/bad": .+\): those start as first checks, and its other 2 items are kept\.$/
    )
  })

  it('drops an item dated ahead of the clock that reads it, or whose times are out of order, or before 2017', () => {
    const now = T0 + 2 * HOUR
    const read = (extra: Record<string, unknown>) =>
      parseState(JSON.stringify({ version: 1, items: { [KEY]: fileItem(extra), 'pi:offer:ok': fileItem() } }), 's', now)
    // Ten minutes of clock skew are allowed, not more.
    expect(read({ checkedAt: iso(now + 9 * 60_000) }).state.items.has(KEY)).toBe(true)
    for (const extra of [
      { checkedAt: iso(now + 11 * 60_000) },
      { checkedAt: '9999-12-31T23:59:59Z' },
      { statusChangedAt: iso(T0 + 90 * 60_000) },
      { history: [{ at: iso(T0 + 90 * 60_000), to: 'Running' }] },
      { statusChangedAt: '1970-01-01T00:00:00Z' },
      { steps: [{ id: 'displaycertify', status: 'InProgress', firstSeenInProgress: '2016-12-31T23:59:59Z' }] }
    ]) {
      const parsed = read(extra)
      expect(parsed.state.items.has(KEY)).toBe(false)
      expect(parsed.state.items.has('pi:offer:ok')).toBe(true)
      expect(parsed.warning).toMatch(/1 item of the wrong shape/)
    }
    expect(read({ checkedAt: iso(now + HOUR) }).warning).toContain('its times are later than the check that wrote it')
  })

  it('reads statuses in the canonical case the watch reports them in, so case alone is no change', () => {
    const item = fileItem({ status: 'running', steps: [{ id: 'displaycertify', status: 'inprogress' }] })
    const read = parseState(JSON.stringify({ version: 1, items: { [KEY]: item } }), 's').state.items.get(KEY)
    expect(read?.status).toBe('Running')
    expect(read?.steps[0]?.status).toBe('InProgress')
    expect(read && changesSince(read, check('Running', { displaycertify: 'InProgress' }, T0 + 2 * HOUR))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ what: 'status' })])
    )
  })

  it('says why the first item was dropped', () => {
    const items = { [KEY]: fileItem({ steps: [null] }), 'pi:offer:x': fileItem({ history: [null] }) }
    expect(parseState(JSON.stringify({ version: 1, items }), 'state.json').warning).toBe(
      `The state file state.json has 2 items of the wrong shape ("${KEY}": a step is not an object): those start as first checks, and no other item is left.`
    )
  })

  it('reads what is at the limits', () => {
    const item = fileItem({
      status: 's'.repeat(MAX_STATE_TEXT),
      steps: Array.from({ length: MAX_STATE_STEPS }, (_, i) => ({ id: `s${i}`, status: 'Complete' })),
      history: Array.from({ length: MAX_STATE_HISTORY }, () => ({ at: iso(T0), to: 'Running' }))
    })
    const text = fileOf({ [KEY]: item })
    const read = parseState(text + ' '.repeat(MAX_STATE_FILE_BYTES - bytes(text)), 'state.json')
    expect(read.warning).toBeUndefined()
    expect(itemOf(read.state)).toEqual(item)
  })

  it('counts nesting outside strings only, up to the limit', () => {
    const brackets = '[{'.repeat(40)
    const tricky = fileItem({ status: brackets, steps: [{ id: `\\"${brackets}`, status: '"]' }] })
    const read = parseState(fileOf({ [KEY]: tricky, 'pi:offer:b': fileItem(), 'pi:offer:c': fileItem() }), 's')
    expect(read.warning).toBeUndefined()
    expect(itemOf(read.state).steps[0]?.id).toBe(`\\"${brackets}`)
    expect(parseState('['.repeat(MAX_STATE_DEPTH) + ']'.repeat(MAX_STATE_DEPTH), 's').problem).toBe('not-an-object')
    expect(parseState('['.repeat(MAX_STATE_DEPTH + 1) + ']'.repeat(MAX_STATE_DEPTH + 1), 's').problem).toBe('too-deep')
    const objects = '{"a":'.repeat(MAX_STATE_DEPTH + 1) + '1' + '}'.repeat(MAX_STATE_DEPTH + 1)
    expect(parseState(objects, 's').problem).toBe('too-deep')
  })

  it('drops an item whose key is not one this module writes', () => {
    const items = { [`bad\u0007key`]: fileItem(), ['k'.repeat(MAX_STATE_KEY + 1)]: fileItem(), [KEY]: fileItem() }
    const read = parseState(JSON.stringify({ version: 1, items }), 'state.json')
    expect([...read.state.items.keys()]).toEqual([KEY])
    expect(read.warning).toContain('has 2 items of the wrong shape')
    expect(read.warning).toContain('its key is not valid')
  })

  it('reads a `__proto__` item as any other, without touching a prototype', () => {
    const read = parseState(`{"version":1,"items":{"__proto__":${JSON.stringify(fileItem())}}}`, 'state.json')
    expect(read.warning).toBeUndefined()
    expect(itemOf(read.state, '__proto__').status).toBe('Running')
    expect(({} as Record<string, unknown>).status).toBeUndefined()
  })

  it('reads the first 5,000 items of a file of 10,000, and says so', () => {
    const items: Record<string, unknown> = {}
    for (let i = 0; i < 10_000; i++) items[`pi:offer:offer-${String(i).padStart(5, '0')}`] = fileItem()
    const read = parseState(JSON.stringify({ version: 1, items }), 'state.json')
    expect(read.state.items.size).toBe(MAX_STATE_ITEMS)
    expect(read.state.items.has('pi:offer:offer-04999')).toBe(true)
    expect(read.state.items.has('pi:offer:offer-05000')).toBe(false)
    expect(read.warning).toBe(
      'The state file state.json holds 10,000 items, of which only the first 5,000 are read: those start as first checks, and its other 5,000 items are kept.'
    )
  })

  it('reads 5,000 items without a word; says both problems of a file with more and a bad one', () => {
    const items: Record<string, unknown> = {}
    for (let i = 0; i < MAX_STATE_ITEMS; i++) items[`pi:offer:offer-${String(i).padStart(5, '0')}`] = fileItem()
    expect(parseState(JSON.stringify({ version: 1, items }), 'state.json').warning).toBeUndefined()
    items['pi:offer:offer-00000'] = fileItem({ outcome: 'great' })
    items['pi:offer:offer-05000'] = fileItem()
    expect(parseState(JSON.stringify({ version: 1, items }), 'state.json').warning).toBe(
      'The state file state.json holds 5,001 items, of which only the first 5,000 are read and has 1 item of the wrong shape ("pi:offer:offer-00000": it has no valid outcome): those start as first checks, and its other 4,999 items are kept.'
    )
  })

  it('says "1 item is kept" of one', () => {
    const read = parseState(fileOf({ [KEY]: fileItem(), 'pi:offer:x': null }), 'state.json')
    expect(read.warning).toContain('has 1 item of the wrong shape ("pi:offer:x": it is null, not an object)')
    expect(read.warning).toContain('and its other 1 item is kept.')
  })

  it('never throws, whatever the JSON', () => {
    const odd: unknown[] = [
      0,
      true,
      'text',
      {},
      { version: 1, items: null },
      { version: 1, items: { a: null } },
      { version: 1, items: { a: 1 } },
      { version: 1, items: { a: { steps: [null], history: [null] } } },
      { version: 1, items: { a: fileItem({ steps: [null] }) } },
      { version: 1, items: { a: fileItem({ history: [1] }) } },
      { version: 1, items: { a: fileItem({ steps: [{ id: 'x', status: 'InProgress', firstSeenInProgress: 1 }] }) } },
      { version: 1e308, items: {} }
    ]
    for (const value of odd) {
      const read = parseState(JSON.stringify(value), 'state.json')
      expect(read.warning).toBeDefined()
    }
  })

  it('cleans a readable string it keeps (control and bidi characters go)', () => {
    const read = parseState(fileOf({ [KEY]: fileItem({ status: 'Run\u202ening\u0000' }) }), 'state.json')
    expect(itemOf(read.state).status).toBe('Running')
  })
})

describe('serializeState', () => {
  const state = run([check('Running', { displaycertify: 'InProgress' }, T0)])[0] ?? emptyState()

  it('reads back as it was written', () => {
    const read = parseState(serializeState(state), 'state.json')
    expect(read.warning).toBeUndefined()
    expect(read.state).toEqual(state)
  })

  it('is compact, versioned, with the items sorted by key whatever their order in memory', () => {
    const item = itemOf(state)
    const a: State = {
      version: 1,
      items: new Map([
        ['pi:offer:b', item],
        ['cpp:offer:a/x', item]
      ])
    }
    const b: State = {
      version: 1,
      items: new Map([
        ['cpp:offer:a/x', item],
        ['pi:offer:b', item]
      ])
    }
    const text = serializeState(a)
    expect(serializeState(b)).toBe(text)
    expect(text.startsWith('{"version":1,"items":{"cpp:offer:a/x":{"status":"Running","statusChangedAt":')).toBe(true)
    expect(text.indexOf('\n')).toBe(text.length - 1)
  })

  it('shows one offer checked once as in the module documentation', () => {
    expect(serializeState(state)).toBe(
      '{"version":1,"items":{"cpp:offer:contoso/vm-offer":{"status":"Running","statusChangedAt":"2026-11-25T10:00:00Z",' +
        '"checkedAt":"2026-11-25T10:00:00Z","outcome":"in-progress","steps":[' +
        '{"id":"displaydummycertify","status":"NotStarted"},' +
        '{"id":"displaycertify","status":"InProgress","firstSeenInProgress":"2026-11-25T10:00:00Z"},' +
        '{"id":"displayprovision","status":"NotStarted"},{"id":"displaypackage","status":"NotStarted"},' +
        '{"id":"publisher-signoff","status":"NotStarted"},{"id":"live","status":"NotStarted"}],' +
        '"history":[{"at":"2026-11-25T10:00:00Z","to":"Running"}],"historyOmitted":0}}}\n'
    )
  })
})

describe('changesSince', () => {
  const first = check('Running', { displaydummycertify: 'Complete', displaycertify: 'InProgress' }, T0)
  const [afterFirst] = run([first])
  const previous = afterFirst ? itemOf(afterFirst) : undefined

  it('a first check: the status, first seen, and no steps (changed is true)', () => {
    expect(changesSince(undefined, first)).toEqual([
      { key: KEY, item: 'contoso/vm-offer', what: 'status', to: 'Running', firstSeen: iso(T0) }
    ])
  })

  it('nothing new: no changes', () => {
    expect(changesSince(previous, { ...first, at: T0 + 3 * HOUR })).toEqual([])
  })

  it('a step moved on: the step, from and to, first seen at the first read without a history', () => {
    const now = check('Running', { displaydummycertify: 'Complete', displaycertify: 'Complete' }, T0 + 3 * HOUR)
    expect(changesSince(previous, now)).toEqual([
      {
        key: KEY,
        item: 'contoso/vm-offer',
        what: 'step',
        step: 'displaycertify',
        name: 'Certification',
        from: 'InProgress',
        to: 'Complete',
        firstSeen: iso(T0 + 3 * HOUR)
      }
    ])
  })

  it('first seen when the watch saw the change, when it passes its history', () => {
    const history: RunChange[] = [
      { at: T0 + 3 * HOUR, subject: 'offer', to: 'Running' },
      { at: T0 + 4 * HOUR, subject: 'displaycertify', from: 'InProgress', to: 'Complete' },
      { at: T0 + 5 * HOUR, subject: 'displayprovision', from: 'NotStarted', to: 'InProgress' }
    ]
    const now = check(
      'Running',
      { displaydummycertify: 'Complete', displaycertify: 'Complete', displayprovision: 'InProgress' },
      T0 + 6 * HOUR,
      { history }
    )
    expect(changesSince(previous, now).map((c) => [c.step, c.from, c.to, c.firstSeen])).toEqual([
      ['displaycertify', 'InProgress', 'Complete', iso(T0 + 4 * HOUR)],
      ['displayprovision', 'NotStarted', 'InProgress', iso(T0 + 5 * HOUR)]
    ])
  })

  it('first seen when that step changed, whatever changed after it', () => {
    const history: RunChange[] = [
      { at: T0 + HOUR, subject: 'displaycertify', from: 'InProgress', to: 'Complete' },
      { at: T0 + 2 * HOUR, subject: 'displayprovision', from: 'NotStarted', to: 'Complete' },
      { at: T0 + 3 * HOUR, subject: 'offer', from: 'Running', to: 'Succeeded' }
    ]
    const now = check(
      'Succeeded',
      { displaydummycertify: 'Complete', displaycertify: 'Complete', displayprovision: 'Complete' },
      T0 + 4 * HOUR,
      { history }
    )
    expect(changesSince(previous, now).map((c) => [c.step ?? 'status', c.firstSeen])).toEqual([
      ['status', iso(T0 + 3 * HOUR)],
      ['displaycertify', iso(T0 + HOUR)],
      ['displayprovision', iso(T0 + 2 * HOUR)]
    ])
  })

  it('a check without a valid time counts as seen now', () => {
    expect(changesSince(undefined, { ...first, at: Number.NaN }, T0 + HOUR)[0]?.firstSeen).toBe(iso(T0 + HOUR))
  })

  it('the status changed: the status first, then the steps', () => {
    const all = Object.fromEntries(STEPS.map(([id]) => [id, 'Complete']))
    const now = check('Succeeded', all, T0 + DAY, { firstReadAt: T0 + DAY - HOUR })
    const changes = changesSince(previous, now)
    expect(changes[0]).toEqual({
      key: KEY,
      item: 'contoso/vm-offer',
      what: 'status',
      from: 'Running',
      to: 'Succeeded',
      firstSeen: iso(T0 + DAY - HOUR)
    })
    expect(changes.slice(1).map((c) => c.step)).toEqual(STEPS.slice(1).map(([id]) => id))
  })

  it('a new step has no `from`; a step gone from the answer is no change', () => {
    const now: Check = {
      ...first,
      at: T0 + HOUR,
      steps: [...first.steps.filter((s) => s.id !== 'live'), { id: 'extra', name: 'Extra', status: 'NotStarted' }]
    }
    expect(changesSince(previous, now)).toEqual([
      expect.objectContaining({ what: 'step', step: 'extra', to: 'NotStarted' })
    ])
    expect(changesSince(previous, now)[0]).not.toHaveProperty('from')
  })

  it('a status that went away and came back between two checks is no change', () => {
    const history: RunChange[] = [
      { at: T0 + HOUR, subject: 'displaycertify', from: 'InProgress', to: 'Blocked' },
      { at: T0 + 2 * HOUR, subject: 'displaycertify', from: 'Blocked', to: 'InProgress' }
    ]
    expect(changesSince(previous, { ...first, at: T0 + 3 * HOUR, history })).toEqual([])
  })

  it('keeps remote text inert', () => {
    const now: Check = { ...first, label: 'x::set-output y', status: 'Run\u202ening\n::error::z' }
    const [change] = changesSince(previous, now)
    expect(change?.item).toBe('x: :set-output y')
    expect(change?.to).toBe('Running : :error: :z')
  })
})

describe('nextState: first seen in progress, carried across checks', () => {
  const certifying = { displaydummycertify: 'Complete', displaycertify: 'InProgress' }

  it('carries the first-seen time across two and three checks, and drops it when the step moves on', () => {
    const states = run(
      [check('Running', certifying, T0)],
      [check('Running', certifying, T0 + 3 * HOUR)],
      [check('Running', certifying, T0 + 6 * HOUR)],
      [check('Running', { ...certifying, displaycertify: 'Complete', displayprovision: 'InProgress' }, T0 + 9 * HOUR)]
    ).map((s) => itemOf(s))
    const certification = (item: ItemState | undefined) => item?.steps.find((s) => s.id === 'displaycertify')
    expect(certification(states[0])?.firstSeenInProgress).toBe(iso(T0))
    expect(certification(states[1])?.firstSeenInProgress).toBe(iso(T0))
    expect(certification(states[2])?.firstSeenInProgress).toBe(iso(T0))
    expect(firstSeenInProgress(states[2])).toEqual(new Map([['displaycertify', T0]]))
    expect(certification(states[3])).toEqual({ id: 'displaycertify', status: 'Complete' })
    expect(firstSeenInProgress(states[3])).toEqual(new Map([['displayprovision', T0 + 9 * HOUR]]))
    expect(states[2]?.checkedAt).toBe(iso(T0 + 6 * HOUR))
  })

  it('takes the earlier of what the state and the watch remember', () => {
    const [, second] = run(
      [check('Running', certifying, T0 + HOUR)],
      [
        check('Running', certifying, T0 + 3 * HOUR, {
          firstSeenInProgress: new Map([
            ['displaycertify', T0],
            ['live', T0 - DAY]
          ])
        })
      ]
    )
    expect(firstSeenInProgress(second && itemOf(second))).toEqual(new Map([['displaycertify', T0]]))
  })

  it('uses the watch’s time for a step that started during the check', () => {
    const [, second] = run(
      [check('Running', { displaydummycertify: 'InProgress' }, T0)],
      [
        check('Running', certifying, T0 + 3 * HOUR, {
          history: [
            { at: T0 + HOUR, subject: 'offer', to: 'Running' },
            { at: T0 + 2 * HOUR, subject: 'displaydummycertify', from: 'InProgress', to: 'Complete' },
            { at: T0 + 2 * HOUR, subject: 'displaycertify', from: 'NotStarted', to: 'InProgress' }
          ]
        })
      ]
    )
    expect(firstSeenInProgress(second && itemOf(second))).toEqual(new Map([['displaycertify', T0 + 2 * HOUR]]))
    // Each change once, from what the last check saw.
    expect(second && itemOf(second).history).toEqual([
      { at: iso(T0), to: 'Running' },
      { at: iso(T0 + 2 * HOUR), step: 'displaydummycertify', from: 'InProgress', to: 'Complete' },
      { at: iso(T0 + 2 * HOUR), step: 'displaycertify', from: 'NotStarted', to: 'InProgress' }
    ])
  })

  it('carries it while other steps move on in the same check', () => {
    const [, second] = run(
      [check('Running', { displaydummycertify: 'InProgress', displaycertify: 'InProgress' }, T0)],
      [check('Running', certifying, T0 + 3 * HOUR)]
    )
    expect(firstSeenInProgress(second && itemOf(second))).toEqual(new Map([['displaycertify', T0]]))
  })

  it('takes the watch’s time over the first read for a step that started during the check', () => {
    const [, second] = run(
      [check('Running', { displaydummycertify: 'InProgress' }, T0)],
      [
        check('Running', certifying, T0 + 3 * HOUR, {
          firstReadAt: T0 + HOUR,
          firstSeenInProgress: new Map([['displaycertify', T0 + 2 * HOUR]])
        })
      ]
    )
    expect(firstSeenInProgress(second && itemOf(second))).toEqual(new Map([['displaycertify', T0 + 2 * HOUR]]))
  })

  it('ignores times that are not numbers', () => {
    const [state] = run([
      check('Running', certifying, T0, {
        firstReadAt: Number.NaN,
        firstSeenInProgress: new Map([['displaycertify', Number.NaN]])
      })
    ])
    expect(firstSeenInProgress(state && itemOf(state))).toEqual(new Map([['displaycertify', T0]]))
    const late = nextState(
      emptyState(),
      [check('Running', {}, Number.NaN), check('Running', {}, 1e16, {}, 'pi:offer:x')],
      T0
    )
    expect(itemOf(late.state).checkedAt).toBe(iso(T0))
    expect(itemOf(late.state, 'pi:offer:x').checkedAt).toBe(iso(T0))
  })

  it('a step that appears in progress on a later check: a change with no `from`, first seen then', () => {
    const later: Check = {
      ...check('Running', certifying, T0 + HOUR),
      steps: [...check('Running', certifying, T0).steps, { id: 'extra', name: 'Extra', status: 'InProgress' }]
    }
    const [, second] = run([check('Running', certifying, T0)], [later])
    expect(second && itemOf(second).history.at(-1)).toEqual({ at: iso(T0 + HOUR), step: 'extra', to: 'InProgress' })
    expect(firstSeenInProgress(second && itemOf(second)).get('extra')).toBe(T0 + HOUR)
  })

  it('a first check records the step changes the watch saw, not the steps it found', () => {
    const [state] = run([
      check('Running', { displaydummycertify: 'Complete' }, T0 + HOUR, {
        history: [
          { at: T0, subject: 'offer', to: 'Running' },
          { at: T0 + HOUR, subject: 'displaydummycertify', from: 'InProgress', to: 'Complete' }
        ]
      })
    ])
    expect(state && itemOf(state).history).toEqual([
      { at: iso(T0), to: 'Running' },
      { at: iso(T0 + HOUR), step: 'displaydummycertify', from: 'InProgress', to: 'Complete' }
    ])
  })

  it('a status that changed during the check: once in the history, and when it changed', () => {
    const [, second] = run(
      [check('Running', certifying, T0)],
      [
        check('Succeeded', certifying, T0 + 3 * HOUR, {
          history: [
            { at: T0 + HOUR, subject: 'offer', to: 'Running' },
            { at: T0 + 2 * HOUR, subject: 'offer', from: 'Running', to: 'Succeeded' }
          ]
        })
      ]
    )
    const item = second && itemOf(second)
    expect(item?.history.filter((e) => e.step === undefined)).toEqual([
      { at: iso(T0), to: 'Running' },
      { at: iso(T0 + 2 * HOUR), from: 'Running', to: 'Succeeded' }
    ])
    expect(item?.statusChangedAt).toBe(iso(T0 + 2 * HOUR))
  })

  it(`keeps the first ${MAX_STATE_STEPS} steps of a check, each ID once, and a known outcome`, () => {
    const steps = Array.from({ length: MAX_STATE_STEPS + 10 }, (_, i) => ({ id: `s${i % 55}`, status: `S${i}` }))
    const [state] = run([{ ...check('Running', {}, T0), steps, outcome: 'great' as never }])
    const item = state && itemOf(state)
    expect(item?.steps.map((s) => s.id)).toEqual(Array.from({ length: MAX_STATE_STEPS }, (_, i) => `s${i}`))
    expect(item?.steps[0]?.status).toBe('S0')
    expect(item?.outcome).toBe('unknown')
  })

  it('reads first-seen times of steps in progress only', () => {
    const item = fileItem({
      steps: [
        { id: 'a', status: 'InProgress' },
        { id: 'b', status: 'Complete', firstSeenInProgress: iso(T0) },
        { id: 'c', status: 'inprogress', firstSeenInProgress: iso(T0) }
      ]
    })
    const read = parseState(fileOf({ [KEY]: item }), 'state.json')
    expect(firstSeenInProgress(itemOf(read.state))).toEqual(new Map([['c', T0]]))
    expect(firstSeenInProgress(undefined)).toEqual(new Map())
  })

  it('does not carry it over a step that left InProgress and came back', () => {
    const [, second] = run(
      [check('Running', certifying, T0)],
      [
        check('Running', certifying, T0 + 3 * HOUR, {
          history: [
            { at: T0 + HOUR, subject: 'displaycertify', from: 'InProgress', to: 'Rejected' },
            { at: T0 + 2 * HOUR, subject: 'displaycertify', from: 'Rejected', to: 'InProgress' }
          ]
        })
      ]
    )
    expect(firstSeenInProgress(second && itemOf(second))).toEqual(new Map([['displaycertify', T0 + 2 * HOUR]]))
  })

  it('keeps when the status changed unless it changed', () => {
    const states = run(
      [check('NotStarted', {}, T0)],
      [check('Running', certifying, T0 + 2 * HOUR, { firstReadAt: T0 + HOUR })],
      [check('Running', { ...certifying, displaycertify: 'Complete' }, T0 + 5 * HOUR)]
    ).map((s) => itemOf(s))
    expect(states.map((s) => s.statusChangedAt)).toEqual([iso(T0), iso(T0 + HOUR), iso(T0 + HOUR)])
  })

  it('keeps a history across checks: each change from what was known before', () => {
    const [, , third] = run(
      [check('NotStarted', {}, T0)],
      [check('Running', certifying, T0 + HOUR)],
      [check('Running', { ...certifying, displaycertify: 'Complete' }, T0 + 2 * HOUR)]
    )
    expect(third && itemOf(third).history).toEqual([
      { at: iso(T0), to: 'NotStarted' },
      { at: iso(T0 + HOUR), from: 'NotStarted', to: 'Running' },
      { at: iso(T0 + HOUR), step: 'displaydummycertify', from: 'NotStarted', to: 'Complete' },
      { at: iso(T0 + HOUR), step: 'displaycertify', from: 'NotStarted', to: 'InProgress' },
      { at: iso(T0 + 2 * HOUR), step: 'displaycertify', from: 'InProgress', to: 'Complete' }
    ])
  })

  it('fills in what the watch did not see, in time order', () => {
    const [first] = run([check('Running', certifying, T0)])
    // The watch was not seeded: its first look recorded the status only, with no `from`.
    const now = check(
      'Running',
      { ...certifying, displaycertify: 'Complete', displayprovision: 'Complete' },
      T0 + 5 * HOUR,
      {
        history: [
          { at: T0 + 3 * HOUR, subject: 'offer', to: 'Running' },
          { at: T0 + 4 * HOUR, subject: 'displayprovision', from: 'InProgress', to: 'Complete' }
        ]
      }
    )
    const next = nextState(first ?? emptyState(), [now], T0 + 5 * HOUR).state
    expect(itemOf(next).history.slice(1)).toEqual([
      { at: iso(T0 + 3 * HOUR), step: 'displayprovision', from: 'NotStarted', to: 'InProgress' },
      { at: iso(T0 + 3 * HOUR), step: 'displaycertify', from: 'InProgress', to: 'Complete' },
      { at: iso(T0 + 4 * HOUR), step: 'displayprovision', from: 'InProgress', to: 'Complete' }
    ])
  })

  it('keeps the first and the last 20 changes, and counts the rest', () => {
    let state = emptyState()
    for (let i = 0; i < 60; i++) {
      state = nextState(state, [check(i % 2 ? 'Running' : 'NotStarted', {}, T0 + i * HOUR)], T0 + i * HOUR).state
    }
    const item = itemOf(state)
    expect(item.history).toHaveLength(MAX_STATE_HISTORY)
    expect(item.historyOmitted).toBe(20)
    expect(item.history[19]?.at).toBe(iso(T0 + 19 * HOUR))
    expect(item.history[20]?.at).toBe(iso(T0 + 40 * HOUR))
    expect(item.history[39]?.at).toBe(iso(T0 + 59 * HOUR))
  })
})

describe('nextState: items this check does not watch', () => {
  const other = 'pi:offer:other-offer'
  const [first] = run([check('Running', {}, T0, {}, other), check('Running', {}, T0)])
  const previous = first ?? emptyState()

  it('keeps them as they were', () => {
    const next = nextState(previous, [check('Succeeded', {}, T0 + DAY)], T0 + DAY)
    expect(next.state.items.get(other)).toBe(previous.items.get(other))
    expect(itemOf(next.state).status).toBe('Succeeded')
    expect(next).toMatchObject({ dropped: [], expired: [] })
  })

  it('drops one no check looked at for 90 days, but never one it watches', () => {
    expect(nextState(previous, [], T0 + UNRELATED_TTL_MS).expired).toEqual([])
    const late = T0 + UNRELATED_TTL_MS + HOUR
    const next = nextState(previous, [check('Running', {}, late)], late)
    expect([...next.state.items.keys()]).toEqual([KEY])
    expect(next.expired).toEqual([other])
    expect(nextState(previous, [], late, { unread: [other, KEY] }).state.items.size).toBe(2)
  })

  it('lets the last check of a key win', () => {
    const next = nextState(emptyState(), [check('Running', {}, T0), check('Succeeded', {}, T0 + 1000)], T0)
    expect(itemOf(next.state).status).toBe('Succeeded')
  })
})

describe('nextState: bounded in size', () => {
  /** A realistic offer: six steps, a full history of 40 changes and more omitted. */
  function longItem(i: number): ItemState {
    const history: HistoryEntry[] = Array.from({ length: MAX_STATE_HISTORY }, (_, j) => {
      const [id] = STEPS[j % STEPS.length] ?? ['live']
      return { at: iso(T0 - DAY + (i + j) * MINUTE), step: id, from: 'NotStarted', to: 'InProgress' }
    })
    return {
      status: 'Running',
      statusChangedAt: iso(T0 - DAY),
      checkedAt: iso(T0 - HOUR + i * 1000),
      outcome: 'in-progress',
      steps: STEPS.map(([id], j) => ({
        id,
        status: j < 1 ? 'Complete' : j === 1 ? 'InProgress' : 'NotStarted',
        ...(j === 1 ? { firstSeenInProgress: iso(T0 - DAY) } : {})
      })),
      history,
      historyOmitted: 17
    }
  }
  const keyOf = (i: number) => `cpp:offer:contoso/vm-offer-${String(i).padStart(4, '0')}`
  const portfolio = (n: number): State => ({
    version: 1,
    items: new Map(Array.from({ length: n }, (_, i) => [keyOf(i), longItem(i)]))
  })
  const moving = (i: number) =>
    check(
      'Running',
      { displaydummycertify: 'Complete', displaycertify: 'Complete', displayprovision: 'InProgress' },
      T0,
      {},
      keyOf(i)
    )

  it('one offer: a few kilobytes at most', () => {
    const next = nextState(portfolio(1), [moving(0)], T0)
    const size = bytes(serializeState(next.state))
    expect(next.historyKept).toBeUndefined()
    expect(itemOf(next.state, keyOf(0)).history).toHaveLength(MAX_STATE_HISTORY)
    expect(size).toBeGreaterThan(3_000)
    expect(size).toBeLessThan(5_000)
  })

  it('1,000 offers with long histories fit in 1 MiB: history is cut evenly, no offer dropped', () => {
    const next = nextState(
      portfolio(1000),
      Array.from({ length: 1000 }, (_, i) => moving(i)),
      T0
    )
    const text = serializeState(next.state)
    expect(bytes(text)).toBeLessThanOrEqual(STATE_BUDGET_BYTES)
    expect(bytes(text)).toBeGreaterThan(STATE_BUDGET_BYTES * 0.9)
    expect(next.state.items.size).toBe(1000)
    expect(next.dropped).toEqual([])
    expect(next.historyKept).toBeGreaterThanOrEqual(4)
    expect(next.historyKept).toBeLessThan(MAX_STATE_HISTORY)
    // Each offer kept its first and its last changes, this check's among them.
    const item = itemOf(next.state, keyOf(999))
    expect(item.history).toHaveLength(next.historyKept ?? -1)
    expect(item.history.at(-1)).toEqual({
      at: iso(T0),
      step: 'displayprovision',
      from: 'NotStarted',
      to: 'InProgress'
    })
    expect(item.history[0]).toEqual(longItem(999).history[0])
    expect(item.historyOmitted).toBe(17 + MAX_STATE_HISTORY + 2 - item.history.length)
    expect(parseState(text, 'state.json').state).toEqual(next.state)
  })

  it('items this check does not watch lose their history before a watched item loses any', () => {
    // 1,000 unrelated offers with full histories (a shared file, or junk in it) and one watched offer.
    const previous = portfolio(1001)
    const next = nextState(previous, [moving(1000)], T0)
    expect(bytes(serializeState(next.state))).toBeLessThanOrEqual(STATE_BUDGET_BYTES)
    expect(next.dropped).toEqual([])
    expect(next.historyKept).toBeUndefined()
    expect(itemOf(next.state, keyOf(1000)).history).toHaveLength(MAX_STATE_HISTORY)
    const others = [...next.state.items].filter(([key]) => key !== keyOf(1000))
    expect(others).toHaveLength(1000)
    expect(Math.max(...others.map(([, item]) => item.history.length))).toBeLessThan(MAX_STATE_HISTORY)
  })

  it('unrelated items go before a watched item keeps less than its first and last two changes', () => {
    const previous = portfolio(5000)
    const next = nextState(previous, [moving(4999)], T0, { maxBytes: 200_000 })
    expect(bytes(serializeState(next.state))).toBeLessThanOrEqual(200_000)
    expect(next.dropped.length).toBeGreaterThan(0)
    // Dropped only as many as to keep the watched offer's first and last two changes.
    expect(next.historyKept).toBe(4)
    expect(itemOf(next.state, keyOf(4999)).history).toHaveLength(4)
    expect(next.state.items.size).toBeGreaterThan(100)
  })

  it('without history still too big: unrelated items go first, the oldest checked first', () => {
    const previous = portfolio(30)
    const watchedKeys = [28, 29]
    const checks = watchedKeys.map(moving)
    const whole = bytes(serializeState(nextState(previous, checks, T0).state))
    const lean = (i: number) => bytes(`"${keyOf(i)}":${JSON.stringify({ ...longItem(i), history: [] })},`)
    // Room for about half the items without history.
    const maxBytes = Math.round(whole / 2 / 8)
    const next = nextState(previous, checks, T0, { maxBytes })
    expect(bytes(serializeState(next.state))).toBeLessThanOrEqual(maxBytes)
    expect(next.dropped.length).toBeGreaterThan(0)
    expect(next.dropped).toEqual(next.dropped.map((_, i) => keyOf(i)))
    for (const i of watchedKeys) expect(next.state.items.has(keyOf(i))).toBe(true)
    expect(next.state.items.size).toBeLessThanOrEqual(Math.ceil(maxBytes / lean(0)))
  })

  it('drops unrelated items by when they were checked, then by key, whatever their order in the file', () => {
    const bare = (checkedAt: number): ItemState => ({ ...longItem(0), history: [], checkedAt: iso(checkedAt) })
    const previous: State = {
      version: 1,
      items: new Map([
        ['pi:offer:u-late', bare(T0 - HOUR)],
        ['pi:offer:u-b', bare(T0 - 2 * HOUR)],
        ['pi:offer:u-a', bare(T0 - 2 * HOUR)],
        ['pi:offer:u-early', bare(T0 - 3 * HOUR)],
        [keyOf(1), bare(T0 - DAY)]
      ])
    }
    // Room for exactly the watched item, with its history, and the latest checked unrelated one.
    const whole = nextState(previous, [moving(1)], T0).state
    const wanted: State = {
      version: 1,
      items: new Map([keyOf(1), 'pi:offer:u-late'].map((key) => [key, itemOf(whole, key)]))
    }
    const next = nextState(previous, [moving(1)], T0, { maxBytes: bytes(serializeState(wanted)) })
    expect(next.dropped).toEqual(['pi:offer:u-early', 'pi:offer:u-a', 'pi:offer:u-b'])
    expect(next.state).toEqual(wanted)
    expect(next.historyKept).toBeUndefined()
    expect(itemOf(next.state, keyOf(1)).history).toHaveLength(2)
  })

  it('last, watched items go too, the oldest checked first, and the file stays within the budget', () => {
    const checks = Array.from({ length: 10 }, (_, i) => moving(i))
    const next = nextState(emptyState(), checks, T0, { maxBytes: 2_000 })
    expect(bytes(serializeState(next.state))).toBeLessThanOrEqual(2_000)
    expect(next.dropped.length).toBeGreaterThan(0)
    expect(next.dropped[0]).toBe(keyOf(0))
    expect(nextState(emptyState(), checks, T0, { maxBytes: 10 }).state.items.size).toBe(0)
  })

  it(`keeps at most ${MAX_STATE_ITEMS.toLocaleString('en-US')} items, whatever the bytes`, () => {
    const small: ItemState = { ...longItem(0), history: [], steps: [] }
    const previous: State = {
      version: 1,
      items: new Map(Array.from({ length: MAX_STATE_ITEMS }, (_, i) => [keyOf(i), small]))
    }
    const next = nextState(previous, [moving(MAX_STATE_ITEMS)], T0, { maxBytes: 64 * 1024 * 1024 })
    expect(next.state.items.size).toBe(MAX_STATE_ITEMS)
    expect(next.state.items.has(keyOf(MAX_STATE_ITEMS))).toBe(true)
    expect(next.dropped).toHaveLength(1)
  })
})

describe('no secrets in the state', () => {
  it('keeps statuses, step IDs and times only, whatever the check carries', () => {
    const snapshotLike = {
      ...check('Running', { displaycertify: 'InProgress' }, T0),
      label: 'contoso/secret-label',
      token: 'eyJhbGciOiJSUzI1NiJ9.secret',
      links: { preview: 'https://portal.azure.com/preview?sig=SECRET&token=abc' },
      messages: [{ text: 'Bearer abc.def.ghi', level: 'info' }],
      steps: STEPS.map(([id, name]) => ({
        id,
        name: `${name} https://example.com/?code=SECRET`,
        status: 'NotStarted',
        description: 'see https://contoso.blob.core.windows.net/vhd?sv=2020&sig=SECRET',
        messages: [{ text: 'client_secret=SECRET', level: 'error' }]
      }))
    }
    const text = serializeState(nextState(emptyState(), [snapshotLike], T0).state)
    expect(text).not.toMatch(/secret|sig=|token|bearer|https?:|\?|eyJ/i)
    const keys = new Set<string>()
    JSON.parse(text, (key: string, value: unknown) => {
      if (key !== '' && !/^\d+$/.test(key) && key !== KEY) keys.add(key)
      return value
    })
    expect([...keys].sort()).toEqual(
      [
        'version',
        'items',
        'status',
        'statusChangedAt',
        'checkedAt',
        'outcome',
        'steps',
        'id',
        'history',
        'at',
        'to',
        'historyOmitted'
      ].sort()
    )
  })
})

describe('readStateFile and writeStateFile', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'state-test-'))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const unix = process.platform === 'win32' ? it.skip : it

  it('a missing file (or directory) reads as missing', () => {
    expect(readStateFile(join(dir, 'state.json'))).toEqual({ missing: true })
    expect(readStateFile(join(dir, 'nowhere', 'state.json'))).toEqual({ missing: true })
  })

  it('writes into a new directory, reads back, and leaves no temporary file', () => {
    const path = join(dir, '.offer-status', 'state.json')
    const text = serializeState(run([check('Running', {}, T0)])[0] ?? emptyState())
    expect(writeStateFile(path, text)).toEqual({ ok: true })
    expect(fs.readdirSync(join(dir, '.offer-status'))).toEqual(['state.json'])
    const read = readStateFile(path)
    expect(read).toEqual({ text })
    expect(parseState(read, path).state.items.size).toBe(1)
  })

  it('a reader sees the old file whole until the new one replaces it', () => {
    const path = join(dir, 'state.json')
    const old = `${JSON.stringify({ version: 1, items: {}, pad: 'o'.repeat(10_000) })}\n`
    const next = `${JSON.stringify({ version: 1, items: {}, pad: 'n'.repeat(20_000) })}\n`
    fs.writeFileSync(path, old)
    const seen: string[] = []
    const look = () => {
      const read = readStateFile(path)
      seen.push('text' in read ? read.text : JSON.stringify(read))
    }
    // A disk that takes a few bytes at a time, and a reader between every two writes.
    const slowFs: StateFs = {
      ...fs,
      writeSync: (fd, buffer, offset, length) => {
        look()
        return fs.writeSync(fd, buffer, offset, Math.min(length, 4096))
      },
      renameSync: (from, to) => {
        look()
        fs.renameSync(from, to)
        look()
      }
    }
    expect(writeStateFile(path, next, slowFs)).toEqual({ ok: true })
    expect(seen.length).toBeGreaterThan(5)
    expect(seen.slice(0, -1).every((text) => text === old)).toBe(true)
    expect(seen.at(-1)).toBe(next)
    expect(fs.readdirSync(dir)).toEqual(['state.json'])
  })

  it.each([
    ['the disk is full', 'writeSync', 'ENOSPC'],
    ['the rename fails', 'renameSync', 'EXDEV'],
    ['the flush fails', 'fsyncSync', 'EIO']
  ] as const)('when %s: an error, the old file intact, no temporary file left', (_name, call, code) => {
    const path = join(dir, 'state.json')
    fs.writeFileSync(path, 'old')
    const failing: StateFs = {
      ...fs,
      [call]: () => {
        throw Object.assign(new Error('simulated'), { code })
      }
    }
    const result = writeStateFile(path, 'new', failing)
    expect(result).toEqual({ error: `${code}: simulated` })
    expect(fs.readFileSync(path, 'utf8')).toBe('old')
    expect(fs.readdirSync(dir)).toEqual(['state.json'])
  })

  it('a disk that takes nothing, or a failure that is no error: said, and nothing left behind', () => {
    const path = join(dir, 'state.json')
    expect(writeStateFile(path, 'new', { ...fs, writeSync: () => 0 })).toEqual({ error: 'the disk took no more bytes' })
    const odd: StateFs = {
      ...fs,
      renameSync: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a dependency might throw
        throw 'boom'
      }
    }
    expect(writeStateFile(path, 'new', odd)).toEqual({ error: 'boom' })
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('writes a file with a long name (the temporary name stays short enough)', () => {
    const path = join(dir, `${'s'.repeat(200)}.json`)
    expect(writeStateFile(path, 'x')).toEqual({ ok: true })
    expect(readStateFile(path)).toEqual({ text: 'x' })
  })

  const linux = process.platform === 'linux' ? it : it.skip
  linux('closes every file it opens, whatever happens', () => {
    const open = () => fs.readdirSync('/proc/self/fd').length
    const path = join(dir, 'state.json')
    const before = open()
    writeStateFile(path, 'x')
    readStateFile(path)
    writeStateFile(path, 'x', {
      ...fs,
      fsyncSync: () => {
        throw new Error('EIO')
      }
    })
    fs.writeFileSync(join(dir, 'big'), Buffer.alloc(MAX_STATE_FILE_BYTES + 1))
    readStateFile(join(dir, 'big'))
    fs.mkdirSync(join(dir, 'sub'))
    readStateFile(join(dir, 'sub'))
    fs.symlinkSync(path, join(dir, 'link'))
    readStateFile(join(dir, 'link'))
    expect(open()).toBe(before)
  })

  it('a directory where the file should be: read and write fail, and nothing is left behind', () => {
    const path = join(dir, 'state.json')
    fs.mkdirSync(path)
    expect(readStateFile(path)).toEqual({ error: 'it is not a regular file' })
    expect(writeStateFile(path, 'x')).toHaveProperty('error')
    expect(fs.readdirSync(dir)).toEqual(['state.json'])
  })

  unix('does not follow a symbolic link: reading refuses it, writing replaces the link itself', () => {
    const target = join(dir, 'elsewhere.txt')
    fs.writeFileSync(target, 'do not touch')
    const path = join(dir, 'state.json')
    fs.symlinkSync(target, path)
    expect(readStateFile(path)).toEqual({ error: 'it is a symbolic link, which is not followed' })
    expect(writeStateFile(path, 'new')).toEqual({ ok: true })
    expect(fs.lstatSync(path).isSymbolicLink()).toBe(false)
    expect(fs.readFileSync(path, 'utf8')).toBe('new')
    expect(fs.readFileSync(target, 'utf8')).toBe('do not touch')
  })

  unix('refuses a FIFO without waiting for a writer', () => {
    const path = join(dir, 'state.json')
    execFileSync('mkfifo', [path])
    expect(readStateFile(path)).toEqual({ error: 'it is not a regular file' })
  })

  it('refuses a file over the size cap, and text that is not UTF-8; drops a BOM', () => {
    const path = join(dir, 'state.json')
    fs.writeFileSync(path, Buffer.alloc(MAX_STATE_FILE_BYTES + 1, 0x20))
    expect(readStateFile(path)).toEqual({ error: 'it is larger than 4 MiB' })
    fs.writeFileSync(path, Buffer.alloc(MAX_STATE_FILE_BYTES, 0x20))
    expect(readStateFile(path)).toEqual({ text: ' '.repeat(MAX_STATE_FILE_BYTES) })
    fs.writeFileSync(path, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    expect(readStateFile(path)).toEqual({ error: 'it is not UTF-8 text' })
    fs.writeFileSync(path, '\ufeff{"version":1,"items":{}}')
    expect(readStateFile(path)).toEqual({ text: '{"version":1,"items":{}}' })
  })

  it('a file read as unreadable gives the warning with the reason', () => {
    const path = join(dir, 'state.json')
    fs.mkdirSync(path)
    expect(parseState(readStateFile(path), 'state.json').warning).toBe(
      'The state file state.json could not be read (it is not a regular file), so this check starts as a first check.'
    )
  })
})
