/**
 * The committed job summaries in summaries/ are what the code writes now: every simulator scenario,
 * rendered through the real modules on a fake clock (script/summaries-lib.js), compared byte for byte.
 * A difference means what publishers read has changed: run `npm run summaries` and review the diff.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCredentials } from '../src/auth.js'
import { createHttpPort } from '../src/http.js'
import { readSettings } from '../src/inputs.js'
import { watchAll } from '../src/portfolio.js'
import { createSources } from '../src/sources/factory.js'
import { reportOf } from '../src/report.js'
import { allCases, fakeTime, renderAll } from '../script/summaries-lib.js'
import { DEFAULT_GRAPH_TOKEN, startSimulator } from '../simulator/server.js'
import { ROOT } from './fixtures/action.js'

const DIR = join(ROOT, 'summaries')
const modules = {
  readSettings,
  createCredentials,
  createSources,
  createHttpPort,
  watchAll,
  reportOf
}

const files = [...allCases().map((c) => `${c.name}.md`), 'README.md']
let rendered = new Map<string, string>()

beforeAll(async () => {
  rendered = await renderAll(modules)
}, 60_000)

/** Passes when `committed` is `wanted`; else fails saying what to do, and where they first differ. */
function expectCommitted(name: string, committed: string | undefined, wanted: string | undefined): void {
  if (committed === wanted) return
  const fix = 'run `npm run summaries` and review the diff (git diff -- summaries/)'
  if (committed === undefined) throw new Error(`summaries/${name} is missing: ${fix}`)
  const a = committed.split('\n')
  const b = (wanted ?? '').split('\n')
  let line = 0
  while (line < a.length && a[line] === b[line]) line++
  throw new Error(
    `summaries/${name} is not what the code renders now: ${fix}.\n` +
      `First difference, line ${String(line + 1)}:\n  committed: ${a[line] ?? '(end of file)'}\n  rendered:  ${b[line] ?? '(end of file)'}`
  )
}

function read(name: string): string | undefined {
  try {
    return readFileSync(join(DIR, name), 'utf8')
  } catch {
    return undefined
  }
}

describe('summaries/', () => {
  it('renders one file per case, and the index', () => {
    expect([...rendered.keys()].sort()).toEqual([...files].sort())
  })

  it.each(files)('%s is what the code renders now', (name) => {
    expectCommitted(name, read(name), rendered.get(name))
  })

  it('has no file that no case writes', () => {
    const stale = readdirSync(DIR).filter((name) => name.endsWith('.md') && !files.includes(name))
    if (stale.length > 0) throw new Error(`stale in summaries/: ${stale.join(', ')}: run \`npm run summaries\``)
  })
})

describe('the fake clock', () => {
  it('moves only when nothing is in flight, to the earliest sleep first', async () => {
    const time = fakeTime(1_000)
    const signal = new AbortController().signal
    const seen: string[] = []
    const slowPort = {
      send: () =>
        new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve) =>
          setTimeout(() => {
            resolve({ status: 200, headers: {}, body: '' })
          }, 30)
        )
    }
    const http = time.http(slowPort)
    const work = Promise.all([
      (async () => {
        await time.sleep(500, signal)
        seen.push(`a woke at ${String(time.now())}`)
      })(),
      (async () => {
        await http.send({ url: 'http://x/', headers: {}, timeoutMs: 1_000 })
        seen.push(`b answered at ${String(time.now())}`)
        await time.sleep(100, signal)
        seen.push(`b woke at ${String(time.now())}`)
      })()
    ])
    await time.drive(work)
    expect(seen).toEqual(['b answered at 1000', 'b woke at 1100', 'a woke at 1500'])
  })

  it('ends a sleep at once when the signal aborts, and runs timers set with `at`', async () => {
    const time = fakeTime(0)
    const controller = new AbortController()
    time.at(60_000, () => {
      controller.abort()
    })
    await time.drive(time.sleep(3_600_000, controller.signal))
    expect(time.now()).toBe(60_000)
  })
})

describe('a simulator on a clock of its own', () => {
  it('dates its answers and requests by it, from the minute it started', async () => {
    const at = Date.UTC(2030, 0, 1, 12, 0, 30)
    const sim = await startSimulator({ now: () => at })
    try {
      const response = await fetch(`${sim.ingestionUrl}/configure/job-succeeded/status`, {
        headers: { Authorization: `Bearer ${DEFAULT_GRAPH_TOKEN}` }
      })
      const body = (await response.json()) as { jobStart?: string }
      // Jobs start two minutes before publishing did (12:00, the clock's minute).
      expect(body.jobStart).toMatch(/^2030-01-01T11:58:00\.\d{7}Z$/)
      expect(sim.requests.map((r) => r.at)).toEqual([at])
    } finally {
      await sim.close()
    }
  })
})
