/**
 * `npm start` (script/demo.js) chooses the sign-in a scenario needs: `expired-once` answers 401 for an
 * expired token once, which only a token the action can renew gets past, so the demo signs in by client
 * secret for it unless told otherwise.
 */
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './fixtures/action.js'

interface DemoRun {
  code: number
  stdout: string
}

/** Runs the demo with `args`, without colours, to its end. */
function demo(args: string[]): Promise<DemoRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'script', 'demo.js'), ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 25_000 },
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
})
