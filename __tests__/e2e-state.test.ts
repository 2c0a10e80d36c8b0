/**
 * End to end, scheduled checks with a state file (`state-file`): the committed bundle, started as a
 * runner starts it, several times in a row against one simulator and one state file, as a workflow on
 * a schedule would run it (each run with `wait-for: none` takes one look, and the simulator's
 * `multi-day` scenario moves on one frame a look).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IDENTITY_DEFAULTS } from '../simulator/identity.js'
import { startSimulator } from '../simulator/server.js'
import { commands, runAction, runtimes, type ActionRun } from './fixtures/action.js'

const TOKEN = 'e2e-state-T0k3n'
const sim = await startSimulator({ token: TOKEN })
const dirs: string[] = []
afterAll(async () => {
  await sim.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A fresh workspace, as the runner's GITHUB_WORKSPACE. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'offer-status-ws-'))
  dirs.push(dir)
  return dir
}

interface StateItem {
  status: string
  checkedAt: string
  outcome: string
  steps: { id: string; status: string; firstSeenInProgress?: string }[]
  history: { at: string; step?: string; from?: string; to: string }[]
  historyOmitted: number
}

const readState = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as { version: number; items: Record<string, StateItem> }

interface Change {
  item: string
  what: string
  step: string | null
  name: string | null
  from: string | null
  to: string
  firstSeen: string
}

const changesOf = (run: ActionRun) => JSON.parse(run.outputs.changes ?? 'null') as Change[]

describe.each(runtimes())('scheduled checks with a state file, the bundle on $name', ({ path: node }) => {
  /** One check of `offer` for `publisher`, with the state in `ws`. */
  const check = (ws: string, publisher: string, extra: Record<string, string> = {}, offer = 'multi-day') =>
    runAction({
      node,
      inputs: {
        'publisher-id': publisher,
        'offer-id': offer,
        token: TOKEN,
        'base-url': sim.url,
        'wait-for': 'none',
        interval: '50ms',
        'max-interval': '200ms',
        'state-file': 'state/offer-status.json',
        ...extra
      },
      env: { GITHUB_WORKSPACE: ws }
    })

  it.concurrent('three checks: the first and a step moved on are changes, a look with nothing new is not', async () => {
    const ws = workspace()
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const file = join(ws, 'state', 'offer-status.json')
    const key = `cpp:offer:${publisher}/multi-day`

    const first = await check(ws, publisher)
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({
      status: 'Running',
      result: 'passed',
      outcome: 'in-progress',
      changed: 'true'
    })
    expect(changesOf(first)).toEqual([
      expect.objectContaining({ item: `${publisher}/multi-day`, what: 'status', from: null, to: 'Running' })
    ])
    // A missing file is one warning naming it, and a first check.
    const warnings = commands(first.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('state/offer-status.json does not exist')
    expect(first.summary).toContain('### Since the last check: this is the first')
    const afterFirst = readState(file)
    expect(afterFirst.version).toBe(1)
    expect(Object.keys(afterFirst.items)).toEqual([key])
    expect(afterFirst.items[key]?.steps.find((s) => s.id === 'displaydummycertify')?.status).toBe('InProgress')

    const second = await check(ws, publisher)
    expect(second.code).toBe(0)
    expect(second.outputs.changed).toBe('true')
    const moved = changesOf(second)
    expect(moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          what: 'step',
          step: 'displaycertify',
          name: 'Certification',
          from: 'NotStarted',
          to: 'InProgress'
        }),
        expect.objectContaining({ what: 'step', step: 'displaydummycertify', from: 'InProgress', to: 'Complete' })
      ])
    )
    expect(moved.every((c) => c.what === 'step')).toBe(true)
    expect(commands(second.stdout, 'warning')).toEqual([])
    expect(second.summary).toMatch(/### Since the last check \(\d+(ms|s)( \d+ms)? ago\)/)
    expect(second.summary).toContain('| Certification | NotStarted → InProgress |')
    const afterSecond = readState(file).items[key]
    const certSince = afterSecond?.steps.find((s) => s.id === 'displaycertify')?.firstSeenInProgress
    expect(certSince).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    const third = await check(ws, publisher)
    expect(third.code).toBe(0)
    expect(third.outputs).toMatchObject({ changed: 'false', changes: '[]', status: 'Running' })
    expect(third.summary).toContain('Nothing changed since the last check')
    expect(third.stdout).toContain('Nothing changed since the last check')
    const afterThird = readState(file).items[key]
    // When Certification was first seen in progress is carried, not reset by a look that saw no change.
    expect(afterThird?.steps.find((s) => s.id === 'displaycertify')?.firstSeenInProgress).toBe(certSince)
    // The history spans the checks: the first look's status, then the steps that moved on.
    expect(afterThird?.history.map((h) => [h.step ?? 'status', h.from ?? null, h.to])).toEqual([
      ['status', null, 'Running'],
      ['displaydummycertify', 'InProgress', 'Complete'],
      ['displaycertify', 'NotStarted', 'InProgress']
    ])
    expect(Date.parse(afterThird?.checkedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(afterSecond?.checkedAt ?? ''))
  })

  it.concurrent.each([
    ['not JSON', '{"version": 1, "items": {', /is not valid JSON/],
    ['empty', '', /is empty/],
    ['of another version', '{"version": 99, "items": {}}', /has version 99, and this action reads version 1/],
    ['a JSON array', '[1, 2, 3]', /holds an array, not a JSON object/]
  ])('a state file that is %s: one warning naming it, a first check, and a good file after', async (_, text, said) => {
    const ws = workspace()
    mkdirSync(join(ws, 'state'))
    const file = join(ws, 'state', 'offer-status.json')
    writeFileSync(file, text)
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const run = await check(ws, publisher)
    expect(run.code).toBe(0)
    const warnings = commands(run.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('state/offer-status.json')
    expect(warnings[0]).toMatch(said)
    expect(run.outputs.changed).toBe('true')
    expect(run.summary).toContain('### Since the last check: this is the first')
    expect(run.summary).toMatch(said)
    expect(Object.keys(readState(file).items)).toEqual([`cpp:offer:${publisher}/multi-day`])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it.concurrent(
    'a state file written for other items: one warning, kept, and this check is a first check',
    async () => {
      const ws = workspace()
      const file = join(ws, 'shared.json')
      const other = {
        status: 'Succeeded',
        statusChangedAt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z',
        checkedAt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z',
        outcome: 'live',
        steps: [],
        history: [],
        historyOmitted: 0
      }
      writeFileSync(file, JSON.stringify({ version: 1, items: { 'pi:offer:someone-else': other } }))
      const publisher = `pub-${randomUUID().slice(0, 8)}`
      const run = await check(ws, publisher, { 'state-file': 'shared.json' })
      expect(run.code).toBe(0)
      const warnings = commands(run.stdout, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('shared.json holds one item, none of them what this check watches: it is kept')
      // A second step sharing the file finds its own item there, and the other's: no warning.
      const again = await check(ws, publisher, { 'state-file': 'shared.json' })
      expect(commands(again.stdout, 'warning')).toEqual([])
      expect(again.outputs.changed).toBe('true')
      expect(run.outputs.changed).toBe('true')
      expect(run.summary).toContain('### Since the last check: this is the first')
      const items = readState(file).items
      expect(Object.keys(items).sort()).toEqual([`cpp:offer:${publisher}/multi-day`, 'pi:offer:someone-else'])
      expect(items['pi:offer:someone-else']).toEqual(other)
    }
  )

  it.concurrent('a step an earlier check saw in progress is timed from then: stuck across checks', async () => {
    const ws = workspace()
    const file = join(ws, 'state.json')
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const since = new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 19) + 'Z'
    const item = {
      status: 'Running',
      statusChangedAt: since,
      checkedAt: since,
      outcome: 'in-progress',
      // Validate Pre-Requisites (estimate < 15 min) was in progress two hours ago already.
      steps: [
        { id: 'displaydummycertify', status: 'InProgress', firstSeenInProgress: since },
        ...['displaycertify', 'displayprovision', 'displaypackage', 'publisher-signoff', 'live'].map((id) => ({
          id,
          status: 'NotStarted'
        }))
      ],
      history: [{ at: since, to: 'Running' }],
      historyOmitted: 0
    }
    writeFileSync(file, JSON.stringify({ version: 1, items: { [`cpp:offer:${publisher}/multi-day`]: item } }))
    const run = await check(ws, publisher, { 'state-file': 'state.json' })
    expect(run.code).toBe(0)
    expect(run.outputs.changed).toBe('false')
    const stuck = JSON.parse(run.outputs['stuck-steps'] ?? '[]') as { id: string; inProgressSince: string }[]
    expect(stuck).toEqual([
      expect.objectContaining({ id: 'displaydummycertify', inProgressSince: new Date(Date.parse(since)).toISOString() })
    ])
    expect(readState(file).items[`cpp:offer:${publisher}/multi-day`]?.steps[0]?.firstSeenInProgress).toBe(since)
  })

  it.concurrent('an offer found through Product Ingestion after a 404 keeps its state under that API', async () => {
    const ws = workspace()
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const signIn = {
      'tenant-id': IDENTITY_DEFAULTS.tenantId,
      'client-id': IDENTITY_DEFAULTS.clientId,
      'client-secret': IDENTITY_DEFAULTS.clientSecret,
      'authority-host': sim.url,
      'ingestion-url': sim.ingestionUrl,
      token: ''
    }
    const first = await check(ws, publisher, signIn, 'pi-preview-ready')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('looking it up in Product Ingestion')
    expect(Object.keys(readState(join(ws, 'state', 'offer-status.json')).items)).toEqual(['pi:offer:pi-preview-ready'])
    // The next check starts from the Cloud Partner Portal again: the file's item is the same offer's.
    const second = await check(ws, publisher, signIn, 'pi-preview-ready')
    expect(second.code).toBe(0)
    expect(commands(second.stdout, 'warning')).toEqual([])
    // Not a first check (the PI simulator's offers are shared by the runs on each runtime, so whether
    // the submission moved on between the two looks is not known here).
    expect(second.summary).toMatch(/### Since the last check \(/)
    expect(Object.keys(readState(join(ws, 'state', 'offer-status.json')).items)).toEqual(['pi:offer:pi-preview-ready'])
  })

  it.concurrent('a run cancelled mid-wait still writes the state, with the last status read', async () => {
    const ws = workspace()
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const run = await runAction({
      node,
      inputs: {
        'publisher-id': publisher,
        'offer-id': 'multi-day',
        token: TOKEN,
        'base-url': sim.url,
        'wait-for': 'completion',
        interval: '100ms',
        'max-interval': '300ms',
        timeout: '1m',
        'state-file': 'cancelled/state.json'
      },
      env: { GITHUB_WORKSPACE: ws },
      kill: { signal: 'SIGTERM', whenStdout: /Certification InProgress/ },
      timeoutMs: 30_000
    })
    expect(run.code).not.toBe(0)
    expect(run.outputs).toMatchObject({ result: 'cancelled', changed: 'true' })
    expect(run.summary).toContain('### Since the last check: this is the first')
    const item = readState(join(ws, 'cancelled', 'state.json')).items[`cpp:offer:${publisher}/multi-day`]
    expect(item?.status).toBe('Running')
    expect(item?.steps.find((s) => s.id === 'displaycertify')).toMatchObject({ status: 'InProgress' })
    expect(run.stdout).toContain('Wrote the state for the next check')
  })

  it.concurrent.each([
    ['../outside.json', /Input 'state-file' must be a file inside the workspace/],
    ['/etc/offer-status.json', /Input 'state-file' must be a file inside the workspace/],
    ['state/', /Input 'state-file' must name a file, not a directory/]
  ])('state-file %p: an input error naming it, and no request', async (path, said) => {
    const ws = workspace()
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const run = await check(ws, publisher, { 'state-file': path })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').join('\n')).toMatch(said)
    expect(run.outputs).toMatchObject({ result: 'failed', changed: 'false', changes: '[]' })
    expect(sim.requests.filter((r) => r.publisherId === publisher)).toHaveLength(0)
  })

  it.concurrent(
    'a directory of state-file that links outside the workspace: a warning, the check goes on, nothing written there',
    async () => {
      const ws = workspace()
      const outside = workspace()
      symlinkSync(outside, join(ws, 'linked'))
      writeFileSync(join(outside, 'state.json'), '{"planted": true}')
      const publisher = `pub-${randomUUID().slice(0, 8)}`
      const run = await check(ws, publisher, { 'state-file': 'linked/state.json' })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ status: 'Running', changed: 'true' })
      const warnings = commands(run.stdout, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(
        'linked/state.json is not used (a directory of its path leads outside the workspace)'
      )
      expect(run.stdout).not.toContain('planted')
      expect(readFileSync(join(outside, 'state.json'), 'utf8')).toBe('{"planted": true}')
    }
  )
})
