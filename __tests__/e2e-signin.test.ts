/**
 * End to end, sign-in: the committed bundle signing in to the simulator's stand-in Entra ID, by client
 * secret and by GitHub OIDC, through token expiry and every failure the README names.
 */
import { describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { startSimulator } from '../simulator/server.js'
import { commands, expectSecretsHidden, runAction, runtimes, type ActionRun } from './fixtures/action.js'

type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>
type Sim = Awaited<ReturnType<typeof startSimulator>>

const SECRET = 'sim-secret-Value-do-not-leak'

/** A simulator of its own for each run, so that counters and injected failures are the test's alone. */
async function withSim<T>(identity: SimOptions['identity'], fn: (sim: Sim) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ token: 'static-token-unused', identity: { clientSecret: SECRET, ...identity } })
  try {
    return await fn(sim)
  } finally {
    await sim.close()
  }
}

function inputs(sim: Sim, offer: string, extra: Record<string, string> = {}) {
  return {
    'publisher-id': `pub-${randomUUID().slice(0, 8)}`,
    'offer-id': offer,
    'tenant-id': 'sim-tenant',
    'client-id': 'sim-client',
    'authority-host': sim.url,
    'base-url': sim.url,
    'ingestion-url': sim.ingestionUrl,
    interval: '50ms',
    'max-interval': '200ms',
    timeout: '20s',
    ...extra
  }
}

const oidcEnv = (sim: Sim) => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: sim.idTokenRequestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.idTokenRequestToken
})
const kinds = (sim: Sim) => sim.requests.map((r) => r.kind)
const count = (sim: Sim, kind: string) => sim.requests.filter((r) => r.kind === kind).length

/** No secret, access token or ID token anywhere but in the runner's own add-mask commands. */
function expectNothingSecret(run: ActionRun, sim: Sim): void {
  expectSecretsHidden(run, [SECRET, sim.idTokenRequestToken, ...sim.issued.accessTokens, ...sim.issued.idTokens])
  // every access token and ID token was masked
  for (const token of [...sim.issued.accessTokens, ...sim.issued.idTokens])
    expect(run.stdout).toContain(`::add-mask::${token}`)
}

describe.each(runtimes())('sign-in with the bundle on $name', ({ path: node }) => {
  it.concurrent('client secret: signs in once and watches to Succeeded', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy', { 'client-secret': SECRET }) })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
      expect(kinds(sim)[0]).toBe('token')
      expect(count(sim, 'token')).toBe(1)
      expect(count(sim, 'status')).toBe(13)
      expect(run.stdout).toContain(
        'Signed in to Entra ID as app sim-client (client secret) for https://cloudpartner.azure.com.'
      )
      expect(run.stdout).toContain(`::add-mask::${SECRET}`)
      expectNothingSecret(run, sim)
    })
  })

  it.concurrent('GitHub OIDC: exchanges a GitHub ID token and watches to Succeeded', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy'), env: oidcEnv(sim) })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
      expect(kinds(sim).slice(0, 2)).toEqual(['idtoken', 'token'])
      expect(run.stdout).toContain(
        'Signed in to Entra ID as app sim-client (GitHub OIDC) for https://cloudpartner.azure.com.'
      )
      expectNothingSecret(run, sim)
    })
  })

  it.concurrent('token expiry mid-wait: a lifetime under a minute counts as a minute; the 401 renews it', async () => {
    await withSim({ tokenLifetimeSec: 1 }, async (sim) => {
      const run = await runAction({
        node,
        inputs: inputs(sim, 'happy', { interval: '250ms', 'max-interval': '250ms' }),
        env: oidcEnv(sim)
      })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('Succeeded')
      // Not a sign-in before every read: one at the start, then one per expiry the API reports.
      const polls = (run.stdout.match(/^(?:::group::)?\[/gm) ?? []).length
      expect(count(sim, 'token')).toBeGreaterThanOrEqual(2)
      expect(count(sim, 'token')).toBeLessThanOrEqual(polls)
      expect(count(sim, 'idtoken')).toBe(count(sim, 'token'))
      expect(run.stdout).toContain(
        'Renewed the Entra ID token as app sim-client (GitHub OIDC) for https://cloudpartner.azure.com.'
      )
      expect(run.stdout).toMatch(/HTTP 401 .*renewing the token and trying again/)
      expectNothingSecret(run, sim)
    })
  })

  it.concurrent('a 401 mid-wait: renews once at once and goes on', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'expired-once', { 'client-secret': SECRET }) })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('Succeeded')
      expect(run.stdout).toMatch(
        /The API answered HTTP 401 \(ExpiredAuthenticationToken: .*\): renewing the token and trying again\./
      )
      expect(count(sim, 'token')).toBe(2)
    })
  })

  it.concurrent('a second 401 in a row fails with the reason', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'unauthorized', { 'client-secret': SECRET }) })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failed')
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /HTTP 401 .*a second 401 in a row, with a new token: .*add the app to the Partner Center account/
      )
      expect(count(sim, 'status')).toBe(2)
    })
  })

  it.concurrent('a rejected secret: fails at once with the AADSTS text and a hint, no API request', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy', { 'client-secret': 'wrong-secret-value' }) })
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ status: '', result: 'failed', steps: '[]', 'stuck-steps': '[]' })
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /Entra ID sign-in refused \(client-secret\): invalid_client: AADSTS7000215: Invalid client secret provided\..* Hint: client-secret is wrong/
      )
      expect(kinds(sim)).toEqual(['token'])
      expect(run.stdout).not.toMatch(/^(?!::add-mask::).*wrong-secret-value/m)
      expect(run.summary).not.toContain('wrong-secret-value')
      expect(run.summary).toContain('AADSTS7000215')
    })
  })

  it.concurrent('no OIDC permission: says exactly that and how to add it, sends no request', async () => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy') })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failed')
      expect(commands(run.stdout, 'error')[0]).toMatch(
        /needs an ID token, and this job may not request one: add `permissions: id-token: write` to the job/
      )
      expect(run.stdout).toContain('::error title=OIDC permission missing::')
      expect(run.summary).toContain('id-token: write')
      expect(sim.requests).toHaveLength(0)
    })
  })

  it.concurrent("no federated credential for this subject: names the run's subject", async () => {
    await withSim(
      {
        subject: 'repo:contoso/offers:ref:refs/heads/feature',
        allowedSubject: 'repo:contoso/offers:ref:refs/heads/main'
      },
      async (sim) => {
        const run = await runAction({ node, inputs: inputs(sim, 'happy'), env: oidcEnv(sim) })
        expect(run.code).toBe(1)
        expect(commands(run.stdout, 'error')[0]).toMatch(
          /AADSTS70021: .*Hint: no federated credential of the app matches this workflow: .*this run's subject is 'repo:contoso\/offers:ref:refs\/heads\/feature'/
        )
        expectNothingSecret(run, sim)
      }
    )
  })

  it.concurrent('transient failures of the token endpoint are retried within the deadline', async () => {
    await withSim({ tokenFailures: ['503', 'reset'] }, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy', { 'client-secret': SECRET }) })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('Succeeded')
      expect(count(sim, 'token')).toBe(3)
      const retries = run.stdout.split('\n').filter((l) => l.includes('retrying in'))
      expect(retries[0]).toMatch(/Entra ID sign-in: HTTP 503 · retrying in/)
      expect(retries[1]).toMatch(/Entra ID sign-in: connection failed/)
    })
  })

  it.concurrent.each([
    [{ token: 'x' }, /Input 'token' cannot be used together with 'tenant-id' and 'client-id'/],
    [{ 'tenant-id': '' }, /Input 'tenant-id' is required with client-id/],
    [{ 'client-id': '', 'client-secret': SECRET }, /Input 'client-id' is required/]
  ])('inputs %p: a clear error naming them, no request', async (extra, message) => {
    await withSim({}, async (sim) => {
      const run = await runAction({ node, inputs: inputs(sim, 'happy', extra), env: oidcEnv(sim) })
      expect(run.code).toBe(1)
      expect(commands(run.stdout, 'error').join('\n')).toMatch(message)
      expect(sim.requests).toHaveLength(0)
      expect(run.summary).not.toContain(SECRET)
    })
  })
})
