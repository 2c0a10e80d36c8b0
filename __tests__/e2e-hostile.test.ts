/**
 * End to end against hostile servers: the committed bundle, started as a runner starts it, talking to
 * loopback servers that redirect, inject workflow commands, send huge or broken bodies, stall, refuse,
 * or hand out nonsense tokens. Most cases run on one runtime; redirects and injection on every one.
 *
 * The assertions are on behaviour only: exit code, outputs, annotations, the summary, and what the
 * servers received. Time is only ever bounded generously, so the suite holds on a saturated machine.
 */
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { commands, runAction, runtimes, unmaskedStdout, type ActionRun } from './fixtures/action.js'
import { NO_OUTPUTS } from './fixtures/fakes.js'
import {
  isStatusRequest,
  isTokenRequest,
  proxyEnv,
  runActionWithSignals,
  sendJson,
  startAttacker,
  withAttackers,
  type Attacker,
  type Handler
} from './fixtures/attacker.js'

const TOKEN = 'test-token-0123456789abcdef'
const SECRET = 'client-secret-Value-0123456789'
/** Guard on each run of the bundle; the action's own `timeout` inputs are far shorter. */
const RUN_MS = 30_000
const TEST_MS = 60_000
const ALL = runtimes()
const ONE = ALL.slice(0, 1)

// ---------------------------------------------------------------------------------------------------
// Bodies and servers

/** ISO time `minutes` ago, to the second, as the API writes it. */
const minutesAgo = (minutes: number): string =>
  new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')

const message = (messageHtml: string, level = 'informational'): Record<string, unknown> => ({
  messageHtml,
  level,
  timestamp: minutesAgo(1)
})

function step(id: string, stepName: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    stepName,
    status,
    progressPercentage: status === 'complete' ? 100 : 0,
    messages: [] as unknown[],
    ...extra
  }
}

/** The six documented steps of a publish, all complete, with a message or two: a realistic `succeeded` body. */
function completeSteps(): Record<string, unknown>[] {
  return [
    step('displaydummycertify', 'Validate Pre-Requisites', 'complete', {
      estimatedTimeFrame: '< 15 min',
      messages: [message('<p>Validation passed. No issues were found in the offer metadata.</p>')]
    }),
    step('displaycertify', 'Certification', 'complete', { estimatedTimeFrame: '~2-3 days' }),
    step('displayprovision', 'Provisioning', 'complete', { estimatedTimeFrame: '< 1 day' }),
    step('displaypackage', 'Packaging and Lead Generation Registration', 'complete', {
      estimatedTimeFrame: '< 1 hour'
    }),
    step('publisher-signoff', 'Publisher signoff', 'complete', { estimatedTimeFrame: '< 1 hour' }),
    step('live', 'Live', 'complete', {
      estimatedTimeFrame: '~2-5 days',
      messages: [message('<p>Your offer is live: <a href="https://example.test/app">view it</a>.</p>')]
    })
  ]
}

function offerBody(status: string, steps: unknown[] = completeSteps(), extra: Record<string, unknown> = {}) {
  return { status, messages: [], steps, previewLinks: [], liveLinks: [], ...extra }
}

const SUCCEEDED = offerBody('succeeded')

type Reply = (res: ServerResponse) => void
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (res) => {
    sendJson(res, status, body, headers)
  }
const ok = (body: unknown): Reply => json(200, body)

/** Answers status requests with `replies` in turn (the last one repeats); any other path gets a 404. */
function frames(...replies: Reply[]): Handler {
  let served = 0
  return (request, res) => {
    if (!isStatusRequest(request)) {
      sendJson(res, 404, { error: { code: 'NotFound', message: 'No such route' } })
      return
    }
    const reply = replies[Math.min(served++, replies.length - 1)]
    if (reply) reply(res)
    else res.writeHead(500).end()
  }
}

/** A stand-in for Entra ID's token endpoint (any POST to `/{tenant}/oauth2/v2.0/token`) plus a status API. */
function signInServer(token: (index: number) => Reply, status: Handler = frames(ok(SUCCEEDED))): Handler {
  let tokens = 0
  return (request, res, index) => {
    if (isTokenRequest(request)) token(tokens++)(res)
    else status(request, res, index)
  }
}

/** Refuses everything: a trap for requests that should never be sent (and the proxy of `proxyEnv`). */
const refuseAll: Handler = (_request, res) => {
  sendJson(res, 502, { error: { code: 'Trap', message: 'this request should not have been sent' } })
}

function inputs(server: Attacker | string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'publisher-id': 'contoso',
    'offer-id': 'vm-offer',
    token: TOKEN,
    'base-url': typeof server === 'string' ? server : server.url,
    interval: '200ms',
    'max-interval': '1s',
    timeout: '10s',
    ...extra
  }
}

function signInInputs(server: Attacker, extra: Record<string, string> = {}): Record<string, string> {
  return inputs(server, {
    token: '',
    'tenant-id': 'contoso-tenant',
    'client-id': 'app-client',
    'client-secret': SECRET,
    'authority-host': server.url,
    // Offers of this attacker are in its CPP API; a sign-in could otherwise fall back to the real Product Ingestion.
    'ingestion-url': `${server.url}/rp/product-ingestion`,
    ...extra
  })
}

/** A JWT-shaped access token, different each time. */
function jwtLike(): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return [
    part({ typ: 'JWT', alg: 'RS256', kid: 'test' }),
    part({
      aud: 'https://cloudpartner.azure.com',
      iss: 'https://sts.windows.net/x/',
      jti: randomBytes(8).toString('hex')
    }),
    randomBytes(32).toString('base64url')
  ].join('.')
}

// ---------------------------------------------------------------------------------------------------
// Checks

/** The workflow commands the action itself writes; anything else starting a line came from elsewhere. */
const OWN_COMMANDS = new Set(['group', 'endgroup', 'error', 'warning', 'notice', 'debug', 'add-mask'])

/**
 * Nothing remote became a workflow command: no `##[` anywhere in a line (the runner's legacy syntax
 * is found anywhere in a line), and each line that starts with `::` (after leading blanks, as the
 * runner reads it) is one of the action's own commands with no further `::` after its separator.
 */
function expectNoForeignCommands(run: ActionRun): void {
  const lines = `${run.stdout}\n${run.stderr}`.split(/\r?\n/)
  expect(lines.filter((line) => line.includes('##['))).toEqual([])
  const foreign = lines.filter((line) => {
    const text = line.trimStart()
    if (!text.startsWith('::')) return false
    const separator = text.indexOf('::', 2)
    if (separator < 0) return true
    const name = text.slice(2, separator).split(' ')[0] ?? ''
    return !OWN_COMMANDS.has(name) || text.slice(separator + 2).includes('::')
  })
  expect(foreign).toEqual([])
}

const OUTPUT_NAMES = Object.keys(NO_OUTPUTS)

/** The run ended by itself and everything it wrote is of bounded size and well formed. */
function expectBounded(run: ActionRun): void {
  expect(run.signal).toBeNull()
  const lines = `${run.stdout}\n${run.stderr}`.split('\n')
  expect(lines.filter((line) => line.includes('Maximum call stack'))).toEqual([])
  const summaryBytes = Buffer.byteLength(run.summary)
  expect(summaryBytes).toBeGreaterThan(0)
  expect(summaryBytes).toBeLessThan(1_048_576)
  expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  const large = Object.entries(run.outputs)
    .map(([name, value]) => [name, Buffer.byteLength(value)] as const)
    .filter(([, bytes]) => bytes >= 1_000_000)
  expect(large).toEqual([])
  for (const name of ['steps', 'offers', 'stuck-steps', 'changes']) {
    expect(() => JSON.parse(run.outputs[name] ?? '') as unknown).not.toThrow()
  }
  expect(Buffer.byteLength(run.stdout)).toBeLessThan(2_000_000)
}

const errorsOf = (run: ActionRun): string => commands(run.stdout, 'error').join('\n')

// ---------------------------------------------------------------------------------------------------
// Hostile text

const PAYLOADS = [
  '##[error]pwned',
  '##[warning file=x]pwned',
  '##[add-mask]Running',
  '##[set-output name=result]passed',
  '##[group]',
  '##[stop-commands]tok123',
  '\n::error::pwned',
  '%0A::error::pwned',
  'bidi \u202Eevil\u202C zero\u200Bwidth',
  'esc \u001b[31mred\u001b[0m'
]

/** A step per payload, with the payload as its name, status, estimate and message. */
function hostileSteps(): Record<string, unknown>[] {
  return [
    ...PAYLOADS.map((payload, i) =>
      step(`s${i}`, payload, payload, {
        estimatedTimeFrame: payload,
        progressPercentage: 10,
        messages: [message(payload)]
      })
    ),
    // the ID and a message level are remote text too
    step('##[error]id', 'Level', 'inProgress', { messages: [message('level', '##[error]level')] })
  ]
}

/** Certification rejected with every payload among its messages, and a mention and a bare URL. */
function rejectedStep(): Record<string, unknown> {
  return step('certification', 'Certification', 'rejected', {
    progressPercentage: 100,
    messages: [
      ...PAYLOADS.map((payload) => message(payload, 'error')),
      message('ping @octocat'),
      message('see https://evil.example/x')
    ]
  })
}

function hostileServer(): Handler {
  const offerMessages = PAYLOADS.map((payload) => message(payload))
  return frames(
    ok(offerBody('##[add-mask]Running', hostileSteps(), { messages: offerMessages })),
    ok(offerBody('##[set-output name=result]passed', [...hostileSteps(), rejectedStep()], { messages: offerMessages }))
  )
}

// ---------------------------------------------------------------------------------------------------

describe.each(ALL)('hostile servers, on every runtime: the bundle on $name', ({ path: node }) => {
  it.concurrent.each([301, 302, 303, 307, 308])(
    'a status endpoint answering %i: the redirect is not followed and the run fails naming it',
    async (code) => {
      let target = ''
      const redirect: Handler = (_request, res) => {
        res.writeHead(code, { Location: target, 'Content-Type': 'text/plain' }).end('moved')
      }
      await withAttackers([redirect, frames(ok(SUCCEEDED))], async ([redirecting, elsewhere]) => {
        target = `${elsewhere!.url}/api/publishers/contoso/offers/vm-offer/status?api-version=2017-10-31`
        const run = await runAction({ node, inputs: inputs(redirecting!), timeoutMs: RUN_MS })
        expect(elsewhere!.requests).toEqual([])
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('failed')
        const error = commands(run.stdout, 'error').find((e) => e.includes(`HTTP ${code}`))
        expect(error).toMatch(/redirect/i)
        expect(error).toContain(`http://127.0.0.1:${elsewhere!.port}`)
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a token endpoint answering 307: the client secret is not sent on, the run fails',
    async () => {
      let target = ''
      const redirect = signInServer(() => (res) => {
        res.writeHead(307, { Location: target }).end('moved')
      })
      const issuer = signInServer(() => ok({ token_type: 'Bearer', access_token: jwtLike(), expires_in: 3600 }))
      await withAttackers([redirect, issuer], async ([server, elsewhere]) => {
        target = `${elsewhere!.url}/contoso-tenant/oauth2/v2.0/token`
        const run = await runAction({ node, inputs: signInInputs(server!, { timeout: '5s' }), timeoutMs: RUN_MS })
        expect(elsewhere!.requests.map((r) => `${r.method} ${r.url}`)).toEqual([])
        expect(JSON.stringify(elsewhere!.requests)).not.toContain(SECRET)
        expect(run.code).toBe(1)
        expect(server!.requests.some(isTokenRequest)).toBe(true)
      })
    },
    TEST_MS
  )

  it.concurrent(
    'remote text in a status body never becomes a workflow command, an output or a mention',
    async () => {
      await withAttackers([hostileServer()], async ([server]) => {
        const run = await runAction({ node, inputs: inputs(server!), timeoutMs: RUN_MS })
        expectNoForeignCommands(run)
        // the action's own commands still come after the stop-commands text, and nothing resumes them
        expect(run.stdout.split('\n')).not.toContain('::tok123::')
        const groups = run.stdout.split('\n').filter((l) => l.startsWith('::group::')).length
        const ends = run.stdout.split('\n').filter((l) => l === '::endgroup::').length
        expect(groups).toBeGreaterThanOrEqual(2)
        expect(ends).toBe(groups)
        expect(commands(run.stdout, 'error').some((e) => e.includes('Certification') && /rejected/i.test(e))).toBe(true)
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('failed')
        expect(run.outputs.status).toMatch(/^[A-Za-z0-9-]{0,64}$/)
        expect(run.summary).not.toBe('')
        expect(run.summary).not.toContain('@octocat')
        expect(run.summary).not.toContain('https://evil.example')
        expect(run.summary).not.toContain('\u202E')
        expect(run.summary).not.toContain('\u200B')
        expect(run.summary).not.toContain('\u001b')
      })
    },
    TEST_MS
  )

  it.concurrent(
    'links in a status body become outputs and links only on a Microsoft host, over https, as they came',
    async () => {
      const hostile = [
        'javascript:alert(1)',
        'http://portal.azure.com/x',
        'https://evil.example/x',
        'https://microsoft.com.evil.example/x',
        'https://user:pass@portal.azure.com/x',
        `https://portal.azure.com/${'a'.repeat(3_000)}`,
        'https://portal.azure.com/x\n::error::pwned',
        'https://portal.azure.com/x::error::pwned',
        'https://portal.azure.com/##[error]pwned',
        'https://portal.azure.com/x)[y](https://evil.example'
      ].map((uri) => ({ displayText: '##[error]pwned', uri }))
      const good = 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-offer'
      const bodies = [
        offerBody('succeeded', completeSteps(), { previewLinks: hostile, liveLinks: hostile.slice(0, 9) }),
        offerBody('succeeded', completeSteps(), {
          previewLinks: hostile.slice(0, 9),
          liveLinks: [...hostile.slice(0, 9), { uri: good }]
        })
      ]
      await withAttackers([frames(ok(bodies[0])), frames(ok(bodies[1]))], async ([refused, kept]) => {
        const [none, one] = await Promise.all([
          runAction({ node, inputs: inputs(refused!, { 'wait-for': 'none' }), timeoutMs: RUN_MS }),
          runAction({ node, inputs: inputs(kept!, { 'wait-for': 'none' }), timeoutMs: RUN_MS })
        ])
        for (const run of [none, one]) {
          expectNoForeignCommands(run)
          expect(run.code).toBe(0)
          expect(run.outputs).toMatchObject({ outcome: 'live', 'preview-url': '' })
          expect(run.summary).not.toMatch(/evil\.example|javascript|pwned|user:pass|aaaaaaaaaa/)
        }
        expect(none.outputs['live-url']).toBe('')
        expect(none.summary).not.toContain('**Live:**')
        expect(one.outputs['live-url']).toBe(good)
        expect(one.summary).toContain(`**Live:** [${good}](${good})`)
      })
    },
    TEST_MS
  )

  it.concurrent(
    'an API error body (HTTP 400) never becomes a workflow command',
    async () => {
      const body = { error: { code: '##[error]x', message: '::warning::y' } }
      await withAttackers([frames(json(400, body))], async ([server]) => {
        const run = await runAction({ node, inputs: inputs(server!), timeoutMs: RUN_MS })
        expectNoForeignCommands(run)
        expect(run.code).toBe(1)
        expect(errorsOf(run)).toContain('HTTP 400')
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a 502 with a body that is not JSON never becomes a workflow command',
    async () => {
      const reply: Reply = (res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' }).end('##[error]z')
      }
      await withAttackers([frames(reply)], async ([server]) => {
        const run = await runAction({ node, inputs: inputs(server!, { timeout: '3s' }), timeoutMs: RUN_MS })
        expectNoForeignCommands(run)
        expect(run.code).toBe(1)
      })
    },
    TEST_MS
  )

  it.concurrent(
    "a sign-in error's error_description never becomes a workflow command",
    async () => {
      const refusal = json(400, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: ##[error]q\r\nTrace ID: 0\r\nCorrelation ID: 0',
        error_codes: [7000215]
      })
      await withAttackers([signInServer(() => refusal)], async ([server]) => {
        const run = await runAction({ node, inputs: signInInputs(server!, { timeout: '5s' }), timeoutMs: RUN_MS })
        expectNoForeignCommands(run)
        expect(run.code).toBe(1)
        expect(server!.requests.filter(isStatusRequest)).toEqual([])
      })
    },
    TEST_MS
  )
})

describe.each(ONE)('hostile servers: the bundle on $name', ({ path: node }) => {
  it.concurrent(
    'control: a well-behaved server passes the same checks (the checks themselves are sound)',
    async () => {
      await withAttackers([frames(ok(offerBody('running')), ok(SUCCEEDED))], async ([server]) => {
        const run = await runAction({ node, inputs: inputs(server!), timeoutMs: RUN_MS })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expectNoForeignCommands(run)
        expectBounded(run)
      })
    },
    TEST_MS
  )

  describe('the status output', () => {
    it.concurrent.each([['Succeeded; rm -rf /'], ['x'.repeat(200)]])(
      'an offer status of %j comes out as a plain word of at most 64 characters',
      async (status) => {
        await withAttackers([frames(ok(offerBody(status)))], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { 'wait-for': 'none' }), timeoutMs: RUN_MS })
          expect(run.signal).toBeNull()
          expect(run.outputs.status).toMatch(/^[A-Za-z0-9-]{0,64}$/)
        })
      },
      TEST_MS
    )
  })

  describe('bounded: nothing a server sends makes the run unbounded', () => {
    const succeededWith = (steps: string): string => `{"status":"succeeded","messages":[],"steps":[${steps}]}`
    const oneStepMessages = (messages: string): string =>
      succeededWith(`{"id":"certification","stepName":"Certification","status":"complete","messages":[${messages}]}`)

    it.concurrent.each([
      ['150,000 steps', () => succeededWith(Array(150_000).fill('{"status":"complete"}').join(','))],
      [
        'one step of 100,000 messages',
        () => oneStepMessages(Array.from({ length: 100_000 }, (_, i) => `{"messageHtml":"m${i}"}`).join(','))
      ],
      [
        'a messageHtml of 3.5 MiB (the body just under 4 MiB)',
        () =>
          oneStepMessages(JSON.stringify({ messageHtml: '<b>x</b> y '.repeat(Math.floor((3.5 * 1024 * 1024) / 11)) }))
      ],
      [
        "a messageHtml of '<' 300,000 times",
        () => oneStepMessages(JSON.stringify({ messageHtml: '<'.repeat(300_000) }))
      ]
    ])(
      'a succeeded offer with %s: passes, with a bounded summary, outputs and log',
      async (_what, build) => {
        const body = build()
        expect(Buffer.byteLength(body)).toBeLessThan(4 * 1024 * 1024)
        const reply: Reply = (res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
        }
        await withAttackers([frames(reply)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { 'wait-for': 'none' }), timeoutMs: RUN_MS })
          expectBounded(run)
          expect(run.code).toBe(0)
          expect(run.outputs.result).toBe('passed')
        })
      },
      TEST_MS
    )

    it.concurrent(
      'a body over 4 MiB (6 MiB of JSON whitespace, its length declared) is too large: the annotation says so',
      async () => {
        const body = Buffer.from(`{"status":"succeeded","steps":[]${' '.repeat(6 * 1024 * 1024)}}`)
        const reply: Reply = (res) => {
          res.on('error', () => undefined)
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }).end(body)
        }
        await withAttackers([frames(reply)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '3s' }), timeoutMs: RUN_MS })
          expect(run.code).toBe(1)
          expect(errorsOf(run)).toMatch(/too large/)
          expectBounded(run)
        })
      },
      TEST_MS
    )

    it.concurrent(
      'a body over 4 MiB (a messageHtml of 10 MiB, chunked) is too large: a transient failure, logged as such',
      async () => {
        const body = oneStepMessages(JSON.stringify({ messageHtml: 'x'.repeat(10 * 1024 * 1024) }))
        const reply: Reply = (res) => {
          res.on('error', () => undefined)
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(body) // no length: chunked
        }
        await withAttackers([frames(reply)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '3s' }), timeoutMs: RUN_MS })
          expect(run.code).toBe(1)
          // The annotation gives the last error, which may be a request cut at the deadline on a busy
          // machine; each failure is logged as it happens.
          expect(run.stdout).toMatch(/too large/)
          expectBounded(run)
        })
      },
      TEST_MS
    )

    it.concurrent(
      '1,000 offers at once: a summary under 1 MiB that names each of them, an offers output under 1 MB',
      async () => {
        const ids = Array.from({ length: 1_000 }, (_, i) => `offer-${String(i).padStart(4, '0')}`)
        await withAttackers([frames(ok(SUCCEEDED))], async ([server]) => {
          const run = await runAction({
            node,
            inputs: inputs(server!, { 'offer-id': ids.join(','), timeout: '25s', 'wait-for': 'none' }),
            timeoutMs: RUN_MS
          })
          expectBounded(run)
          expect(run.code).toBe(0)
          const overview = run.summary.split('<details>')[0] ?? ''
          expect(ids.filter((id) => !overview.includes(id))).toEqual([])
          const offers = JSON.parse(run.outputs.offers ?? '') as unknown
          expect(Array.isArray(offers)).toBe(true)
        })
      },
      TEST_MS
    )
  })

  describe('TLS only, except loopback', () => {
    it.concurrent(
      'base-url http://example.com: an input error naming base-url, the summary written, nothing sent',
      async () => {
        await withAttackers([refuseAll], async ([trap]) => {
          const run = await runAction({
            node,
            inputs: inputs('http://example.com', { timeout: '3s' }),
            env: proxyEnv(trap!),
            timeoutMs: RUN_MS
          })
          expect(errorsOf(run)).toMatch(/Input 'base-url'/)
          expect(run.code).toBe(1)
          expect(run.outputs.result).toBe('failed')
          expect(run.summary).toContain('base-url')
          expect(trap!.requests.map((r) => `${r.method} ${r.url}`)).toEqual([])
        })
      },
      TEST_MS
    )

    it.concurrent(
      'authority-host http://login.example.com: an input error naming authority-host, the secret not sent',
      async () => {
        await withAttackers([refuseAll, frames(ok(SUCCEEDED))], async ([trap, api]) => {
          const run = await runAction({
            node,
            inputs: signInInputs(api!, { 'authority-host': 'http://login.example.com', timeout: '3s' }),
            env: proxyEnv(trap!),
            timeoutMs: RUN_MS
          })
          expect(errorsOf(run)).toMatch(/Input 'authority-host'/)
          expect(run.code).toBe(1)
          expect(trap!.requests.map((r) => `${r.method} ${r.url}`)).toEqual([])
          expect(api!.requests).toEqual([])
        })
      },
      TEST_MS
    )

    it.concurrent(
      'credentials in base-url: an input error naming base-url, and the password is shown nowhere',
      async () => {
        const run = await runAction({
          node,
          inputs: inputs('https://user:hunter2@127.0.0.1:1', { timeout: '3s' }),
          timeoutMs: RUN_MS
        })
        expect(errorsOf(run)).toMatch(/Input 'base-url'/)
        expect(run.code).toBe(1)
        expect(unmaskedStdout(run)).not.toContain('hunter2')
        expect(run.stderr).not.toContain('hunter2')
        expect(run.summary).not.toContain('hunter2')
        expect(JSON.stringify(run.outputs)).not.toContain('hunter2')
      },
      TEST_MS
    )

    it.concurrent.each([['127.0.0.1'], ['localhost'], ['[::1]']])(
      'http://%s:<port> stays allowed',
      async (host) => {
        let server: Attacker
        try {
          server = await startAttacker(frames(ok(SUCCEEDED)), { host: host === '[::1]' ? '::1' : '127.0.0.1' })
        } catch (error) {
          // no IPv6 loopback on this machine: nothing to test
          if (host === '[::1]' && /EADDRNOTAVAIL|EAFNOSUPPORT/.test(String(error))) return
          throw error
        }
        try {
          const run = await runAction({
            node,
            inputs: inputs(`http://${host}:${server.port}`, { 'wait-for': 'none' }),
            timeoutMs: RUN_MS
          })
          expect(errorsOf(run)).toBe('')
          expect(run.code).toBe(0)
          expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
          expect(server.requests.filter(isStatusRequest)).toHaveLength(1)
        } finally {
          await server.close()
        }
      },
      TEST_MS
    )
  })

  describe('durations', () => {
    it.concurrent.each([
      ['timeout 36d', { timeout: '36d' }, /Input 'timeout'/],
      ['interval 40d', { interval: '40d', 'max-interval': '40d' }, /Input 'interval'/],
      ['a timeout of 400 digits', { timeout: '9'.repeat(400) }, /Input 'timeout'/],
      [
        'interval 1ms against the real API',
        { interval: '1ms', 'max-interval': '1s', 'base-url': 'https://cloudpartner.azure.com', timeout: '3s' },
        /Input 'interval'/
      ]
    ])(
      '%s: an input error naming the input, before any request',
      async (_what, bad, named) => {
        await withAttackers([refuseAll, frames(ok(SUCCEEDED))], async ([trap, api]) => {
          const run = await runAction({
            node,
            inputs: inputs(api!, { 'wait-for': 'none', ...bad }),
            env: proxyEnv(trap!),
            timeoutMs: RUN_MS
          })
          expect(errorsOf(run)).toMatch(named)
          expect(run.code).toBe(1)
          expect(run.outputs.result).toBe('failed')
          expect(api!.requests).toEqual([])
          expect(trap!.requests.map((r) => `${r.method} ${r.url}`)).toEqual([])
        })
      },
      TEST_MS
    )

    it.concurrent(
      'Retry-After: 3000000 with a 3s timeout: ends soon after the timeout, a handful of lines about it',
      async () => {
        const throttled = json(
          429,
          { error: { code: 'TooManyRequests', message: 'Rate limit exceeded.' } },
          { 'Retry-After': '3000000' }
        )
        await withAttackers([frames(throttled)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '3s' }), timeoutMs: RUN_MS })
          expect(run.signal).toBeNull()
          expect(run.code).toBe(1)
          expect(run.durationMs).toBeLessThan(20_000)
          const about = run.stdout.split('\n').filter((l) => /retr(y|ying)|retry-after|throttl/i.test(l))
          expect(about.length).toBeLessThanOrEqual(5)
        })
      },
      TEST_MS
    )
  })

  describe('honest failures', () => {
    it.concurrent(
      'connection refused with on-timeout warn: fails (never passes without a status), naming ECONNREFUSED',
      async () => {
        const run = await runAction({
          node,
          inputs: inputs('http://127.0.0.1:1', { timeout: '3s', 'on-timeout': 'warn' }),
          timeoutMs: RUN_MS
        })
        expect(run.code).toBe(1)
        expect(errorsOf(run)).toContain('ECONNREFUSED')
        expect(run.summary).toContain('ECONNREFUSED')
      },
      TEST_MS
    )

    it.concurrent(
      'HTTP 500 every time: the annotation and the summary say HTTP 500 and InternalError',
      async () => {
        const boom = json(500, { error: { code: 'InternalError', message: 'boom' } })
        await withAttackers([frames(boom)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '3s' }), timeoutMs: RUN_MS })
          expect(run.code).toBe(1)
          expect(errorsOf(run)).toContain('HTTP 500')
          expect(errorsOf(run)).toContain('InternalError')
          expect(run.summary).toContain('HTTP 500')
          expect(run.summary).toContain('InternalError')
        })
      },
      TEST_MS
    )

    it.concurrent(
      'wait-for none against HTTP 500: ends by itself, fails, names HTTP 500',
      async () => {
        const boom = json(500, { error: { code: 'InternalError', message: 'boom' } })
        await withAttackers([frames(boom)], async ([server]) => {
          const run = await runAction({
            node,
            inputs: inputs(server!, { 'wait-for': 'none', timeout: '4s' }),
            timeoutMs: RUN_MS
          })
          expect(run.signal).toBeNull()
          expect(run.code).toBe(1)
          expect(errorsOf(run)).toContain('HTTP 500')
        })
      },
      TEST_MS
    )
  })

  describe('faults', () => {
    it.concurrent(
      'a connection reset halfway through a chunked body is retried soon, and the next answer counts',
      async () => {
        const text = JSON.stringify(SUCCEEDED)
        let first = true
        const reply: Reply = (res) => {
          if (!first) {
            sendJson(res, 200, text)
            return
          }
          first = false
          res.writeHead(200, { 'Content-Type': 'application/json' }) // no length: chunked
          res.write(text.slice(0, text.length / 2))
          setTimeout(() => res.socket?.destroy(), 50)
        }
        await withAttackers([frames(reply)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '20s' }), timeoutMs: RUN_MS })
          expect(run.code).toBe(0)
          expect(run.outputs.result).toBe('passed')
          expect(server!.requests.filter(isStatusRequest).length).toBeGreaterThanOrEqual(2)
          // retried at once, not after the 30 s limit of a request
          expect(run.durationMs).toBeLessThan(25_000)
        })
      },
      TEST_MS
    )

    it.concurrent(
      'a body with a UTF-8 byte order mark is read',
      async () => {
        const reply: Reply = (res) => {
          res
            .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
            .end(`\uFEFF${JSON.stringify(SUCCEEDED)}`)
        }
        await withAttackers([frames(reply)], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { timeout: '5s' }), timeoutMs: RUN_MS })
          expect(run.code).toBe(0)
          expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        })
      },
      TEST_MS
    )

    it.concurrent(
      'two SIGTERMs 1 ms apart while waiting: the summary is still written and the result is cancelled',
      async () => {
        const running = offerBody('running', [
          step('validation', 'Validation', 'complete'),
          step('certification', 'Certification', 'inProgress', { estimatedTimeFrame: '~2-3 days' })
        ])
        await withAttackers([frames(ok(running))], async ([server]) => {
          const run = await runActionWithSignals({
            node,
            inputs: inputs(server!, { timeout: '1m' }),
            whenStdout: /^::endgroup::$/m,
            // The second 1 ms after the action took the first (so the two are not merged into one),
            // while its summary is still being written (held open, as on a busy machine).
            signals: [
              { signal: 'SIGTERM', afterMs: 0 },
              { signal: 'SIGTERM', afterMs: 1, whenStdout: /Received SIGTERM/, atMostMs: 50 }
            ],
            holdSummary: { releaseAfterMs: 250 },
            timeoutMs: RUN_MS
          })
          expect(run.signalsSent).toBe(2)
          expect(run.summary.trim()).not.toBe('')
          expect(run.outputs.result).toBe('cancelled')
          expect(run.code).not.toBe(0)
        })
      },
      TEST_MS
    )

    it.concurrent.each([['0001-01-01T00:00:00Z'], [0], [1], [`${new Date().getUTCFullYear() + 5}-06-01T00:00:00Z`]])(
      'a step in progress for < 15 min with a message dated %j is not stuck',
      async (timestamp) => {
        const body = offerBody('running', [
          step('validation', 'Validation', 'inProgress', {
            estimatedTimeFrame: '< 15 min',
            progressPercentage: 50,
            messages: [{ messageHtml: '<p>Validating.</p>', level: 'informational', timestamp }]
          })
        ])
        await withAttackers([frames(ok(body))], async ([server]) => {
          const run = await runAction({ node, inputs: inputs(server!, { 'wait-for': 'none' }), timeoutMs: RUN_MS })
          const annotations = run.stdout.split('\n').filter((l) => /^::(warning|error)\b/.test(l))
          expect(annotations.filter((a) => /stuck/i.test(a))).toEqual([])
          expect(run.stdout).not.toMatch(/: stuck$/m)
          expect(run.outputs['stuck-steps']).toBe('[]')
          expect(run.summary).not.toMatch(/stuck/i)
          expect(run.code).toBe(0)
          expect(run.outputs.result).toBe('passed')
        })
      },
      TEST_MS
    )
  })

  describe('sign-in', () => {
    it.concurrent(
      "an access token 'Running': a sign-in failure, and 'Running' is not masked",
      async () => {
        const server = await startAttacker(signInServer(() => ok({ access_token: 'Running', expires_in: 3600 })))
        try {
          // the offer is called Running too: masking the token would blank the offer's name in the log
          const run = await runAction({
            node,
            inputs: signInInputs(server, { 'offer-id': 'Running', timeout: '5s' }),
            timeoutMs: RUN_MS
          })
          expect(run.stdout.split('\n')).not.toContain('::add-mask::Running')
          expect(run.code).toBe(1)
          expect(errorsOf(run)).toMatch(/sign-in/i)
          expect(unmaskedStdout(run)).toContain('Running')
        } finally {
          await server.close()
        }
      },
      TEST_MS
    )

    it.concurrent(
      'expires_in 0.001: the token endpoint is asked at most twice over six polls',
      async () => {
        const progress = [10, 20, 30, 40, 50]
        const status = frames(
          ...progress.map((p) =>
            ok(offerBody('running', [step('validation', 'Validation', 'inProgress', { progressPercentage: p })]))
          ),
          ok(SUCCEEDED)
        )
        const token = () => ok({ token_type: 'Bearer', access_token: jwtLike(), expires_in: 0.001 })
        await withAttackers([signInServer(token, status)], async ([server]) => {
          const run = await runAction({ node, inputs: signInInputs(server!, { timeout: '6s' }), timeoutMs: RUN_MS })
          expect(server!.requests.filter(isTokenRequest).length).toBeLessThanOrEqual(2)
          expect(run.code).toBe(0)
          expect(server!.requests.filter(isStatusRequest)).toHaveLength(6)
        })
      },
      TEST_MS
    )
  })
})
