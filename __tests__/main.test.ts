/**
 * main.ts and index.ts in-process, with `src/runner.ts` (the runner protocol) replaced by a recorder
 * and the simulator as the API. The end-to-end tests run the same paths through the bundle; these
 * count for coverage and reach the edges that a child process makes awkward (a summary that cannot be
 * written, a bug).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { startSimulator } from '../simulator/server.js'
import { NO_OUTPUTS } from './fixtures/fakes.js'
import { emptyRecord, fakeRunner, type RunnerRecord } from './fixtures/runner.js'

const { runner, record } = fakeRunner()
jest.unstable_mockModule('../src/runner.js', () => runner)
const { run } = await import('../src/main.js')

const sim = await startSimulator({ token: 'main-token' })
afterAll(() => sim.close())

let n = 0
function given(inputs: Record<string, string>): RunnerRecord {
  Object.assign(record, emptyRecord())
  record.inputs = {
    'publisher-id': `main-${++n}`,
    'offer-id': 'happy',
    token: 'main-token',
    'base-url': sim.url,
    'ingestion-url': sim.ingestionUrl,
    interval: '20ms',
    'max-interval': '50ms',
    timeout: '10s',
    ...inputs
  }
  return record
}

const env = { ...process.env }
beforeEach(() => {
  process.env.GITHUB_STEP_SUMMARY = '/dev/null'
  process.exitCode = undefined
})
afterEach(() => {
  process.env = { ...env }
  process.exitCode = undefined
  jest.restoreAllMocks()
})

describe('run', () => {
  it('watches an offer to Succeeded and reports it', async () => {
    const r = given({})
    await run()
    expect(process.exitCode).toBeUndefined()
    expect(r.outputs).toMatchObject({ status: 'Succeeded', result: 'passed', outcome: 'live' })
    expect(r.secrets).toEqual(['main-token'])
    expect(r.summary).toMatch(/^## ✅ Live — Offer main-\d+\/happy\n/)
    expect(r.logs).toContain('Result: passed (Live)')
    expect(r.logs).toContain('Next: Nothing to do: the offer is live.')
    expect(r.logs.some((l) => l.startsWith('group: [') && l.includes('Running'))).toBe(true)
  })

  it('fails with one error a reason and a failing exit code', async () => {
    const r = given({ 'offer-id': 'rejected' })
    await run()
    expect(process.exitCode).toBe(1)
    expect(r.errors).toEqual([
      { title: 'Certification rejected', message: expect.stringMatching(/was rejected: Certification failed/) }
    ])
  })

  it('warns on a timeout with on-timeout: warn, and says when the preview waits for review', async () => {
    const r = given({
      'offer-id': 'publisher-review',
      timeout: '400ms',
      'on-timeout': 'warn',
      interval: '10ms',
      'max-interval': '10ms'
    })
    await run()
    expect(process.exitCode).toBeUndefined()
    expect(r.outputs.result).toBe('timed-out')
    expect(r.warnings[0]?.title).toBe('Timed out')
  })

  it('watches several offers, naming each in the log', async () => {
    const r = given({ 'offer-id': 'happy\npublisher-review\nhappy', 'wait-for': 'publisher-review' })
    await run()
    expect(r.outputs.result).toBe('passed')
    expect(JSON.parse(r.outputs.offers ?? '[]')).toHaveLength(2)
    expect(r.logs[0]).toMatch(/^Watching 2 offers of main-\d+ \(with the token input\)/)
    expect(r.logs.some((l) => /^group: \[\d+m?s\] main-\d+\/publisher-review: /.test(l))).toBe(true)
    expect(r.outputs.outcome).toBe('preview-ready')
    expect(r.summary).toMatch(/^## ✅ 2 offers: 1 preview ready, 1 live\n/)
  })

  it('tells about the preview waiting for the publisher, once per offer', async () => {
    const r = given({
      'offer-id': 'publisher-review, never-published',
      timeout: '2s',
      interval: '10ms',
      'max-interval': '10ms'
    })
    await run()
    expect(r.logs.filter((l) => l.includes('The preview is ready'))).toEqual([
      expect.stringMatching(/^main-\d+\/publisher-review: The preview is ready and waits for the publisher/)
    ])
  })

  it('names bad inputs, sets every output and sends nothing', async () => {
    const r = given({ token: '', timeout: 'never' })
    const before = sim.requests.length
    await run()
    expect(process.exitCode).toBe(1)
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Input 'token' is required/),
      expect.stringMatching(/^Input 'timeout'/)
    ])
    expect(r.errors[0]?.title).toBe('Invalid input')
    expect(r.outputs).toEqual(NO_OUTPUTS)
    expect(r.summary).toMatch(/^## ❌ Offer status: invalid input/)
    expect(sim.requests.length).toBe(before)
  })

  it('says how to allow OIDC when the job may not request an ID token', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    const r = given({ token: '', 'tenant-id': 'sim-tenant', 'client-id': 'sim-client', 'authority-host': sim.url })
    await run()
    expect(r.errors[0]).toEqual({
      title: 'OIDC permission missing',
      message: expect.stringMatching(/permissions: id-token: write/)
    })
  })

  it('signs in with a client secret and masks the secret and the token', async () => {
    const r = given({
      token: '',
      'tenant-id': 'sim-tenant',
      'client-id': 'sim-client',
      'client-secret': 'sim-secret',
      'authority-host': sim.url
    })
    await run()
    expect(r.outputs.result).toBe('passed')
    expect(r.secrets[0]).toBe('sim-secret')
    expect(r.secrets).toContain(sim.issued.accessTokens.at(-1))
    expect(r.logs[0]).toMatch(/\(signing in with a client secret\)/)
  })

  it('writes no summary without GITHUB_STEP_SUMMARY, and warns when it cannot write one', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    const r = given({ 'wait-for': 'none' })
    await run()
    expect(r.summary).toBe('')
    expect(r.logs).toContain('debug: GITHUB_STEP_SUMMARY is not set: no job summary written.')

    process.env.GITHUB_STEP_SUMMARY = '/dev/null'
    runner.summary.write.mockImplementationOnce(() => Promise.reject(new Error('disk full')))
    const again = given({ 'wait-for': 'none' })
    await run()
    expect(again.warnings).toEqual([{ message: 'Could not write the job summary: disk full' }])
  })

  it('on SIGTERM stops, writes the summary marked cancelled and fails; a second signal exits at once', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    const r = given({ 'offer-id': 'publisher-review', interval: '50ms', 'max-interval': '50ms', timeout: '1m' })
    const done = run()
    await new Promise((resolve) => setTimeout(resolve, 300))
    // as Node calls a signal listener: with the signal's name
    process.emit('SIGTERM', 'SIGTERM')
    process.emit('SIGTERM', 'SIGTERM')
    await done
    // the grace timer, which ends a process that lingers after its summary, fires while exit is still a spy
    await new Promise((resolve) => setTimeout(resolve, 1_600))
    expect(exit).toHaveBeenCalledWith(1)
    expect(process.exitCode).toBe(1)
    expect(r.outputs).toMatchObject({ result: 'cancelled', status: 'Running' })
    expect(r.summary).toContain('The run was cancelled')
    expect(r.logs).toContain('Received SIGTERM: stopping and writing the summary.')
    expect(process.listenerCount('SIGTERM')).toBe(0)
  })
})

describe('index', () => {
  it('reports a bug as an unexpected error, with a summary and no stack in the log', async () => {
    jest.resetModules()
    const bug = fakeRunner()
    jest.unstable_mockModule('../src/runner.js', () => bug.runner)
    jest.unstable_mockModule('../src/main.js', () => ({
      run: () => Promise.reject(new Error('boom')),
      writeSummary: (markdown: string) => {
        bug.record.summary += markdown
        return Promise.resolve()
      }
    }))
    await import('../src/index.js')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(bug.record.failed).toEqual(['Unexpected error: boom'])
    expect(bug.record.summary).toMatch(/^## ❌ Offer status: unexpected error/)
    expect(bug.record.logs.filter((l) => !l.startsWith('debug:')).join('\n')).not.toMatch(/at .+:\d+:\d+/)
  })
})
