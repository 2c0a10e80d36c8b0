/**
 * `npm start` (script/demo.js) chooses the sign-in a scenario needs: `expired-once` answers 401 for an
 * expired token once, which only a token the action can renew gets past, so the demo signs in by client
 * secret for it unless told otherwise. With `--checks N` it runs the action N times against one simulator
 * and one state file, as scheduled checks, and shows what each says changed since the last.
 */
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './fixtures/action.js'

interface DemoRun {
  code: number
  stdout: string
}

/** Runs the demo with `args`, without colours, to its end (killed after `timeoutMs`). */
function demo(args: string[], timeoutMs = 25_000): Promise<DemoRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'script', 'demo.js'), ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout })
      }
    )
  })
}

describe('the demo', () => {
  it.concurrent(
    'expired-once: signs in by client secret, renews the token after the 401 and passes',
    async () => {
      const run = await demo(['--scenario', 'expired-once'])
      expect(run.stdout).toMatch(/scenario expired-once · api cloud-partner-portal · sign-in secret ·/)
      expect(run.stdout).toContain('renewing the token and trying again.')
      expect(run.stdout).toContain('The action exited with code 0')
      expect(run.code).toBe(0)
    },
    30_000
  )

  it.concurrent(
    'expired-once with --sign-in token: says beforehand that the token cannot be renewed',
    async () => {
      const run = await demo(['--scenario', 'expired-once', '--sign-in', 'token', '--timeout', '5s'])
      expect(run.stdout).toContain('With --sign-in token the action cannot renew the token that expired-once expires')
      expect(run.code).toBe(1)
    },
    30_000
  )

  it.concurrent(
    '--checks 3: three scheduled checks of multi-day with one state file; the first and the second changed, the third did not',
    async () => {
      const run = await demo(['--checks', '3'], 100_000)
      expect(run.stdout).toMatch(
        /scenario multi-day · .*wait-for none · .*3 checks with state-file offer-status-state\.json/
      )
      // Each check's part starts with its heading, alone on its line.
      const starts = [1, 2, 3].map((k) => run.stdout.search(new RegExp(`^Check ${String(k)} of 3$`, 'm')))
      expect(starts.every((at) => at >= 0)).toBe(true)
      expect(run.stdout).not.toMatch(/^Check 4 of/m)
      const [first = 0, second = 0, third = 0] = starts
      const end = run.stdout.search(/^Checks$/m)
      expect(first < second && second < third && third < end).toBe(true)
      const part = (from: number, to: number) => run.stdout.slice(from, to)
      const parts = [part(first, second), part(second, third), part(third, end)]
      // Every check shows the summary's section on what changed since the last.
      for (const text of parts) expect(text).toMatch(/^Since the last check\b/m)
      // The changes output of the second names Certification, which it saw start.
      expect(parts[0]).toMatch(/^ {2}changed {2}true$/m)
      expect(parts[1]).toMatch(/^ {2}changed {2}true$/m)
      expect(parts[1]).toMatch(/^ +\S+ {2}Certification \(displaycertify\) {2}NotStarted → InProgress/m)
      expect(parts[2]).toMatch(/^ {2}changed {2}false$/m)
      // The closing lines, one a check.
      const closing = run.stdout.slice(end)
      expect(closing).toMatch(/^ {2}Check 1: changed=true, \d+ changes? /m)
      expect(closing).toMatch(/^ {2}Check 2: changed=true, \d+ changes? /m)
      expect(closing).toMatch(/^ {2}Check 3: changed=false, 0 changes /m)
      expect(run.code).toBe(0)
    },
    120_000
  )
})
