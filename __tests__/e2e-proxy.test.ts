/**
 * End to end through a proxy: the committed bundle, started as a runner starts it with HTTPS_PROXY set,
 * watches an offer of an API that is not on loopback (`base-url` https://cpp.offer-status.test, which
 * no resolver knows: only the proxy can reach it). The proxy on 127.0.0.1 asks for credentials and
 * sends every tunnel to a TLS server on 127.0.0.1 with a certificate for that name, made for the test
 * and trusted by the action's process alone (NODE_EXTRA_CA_CERTS). Nothing leaves the machine.
 *
 * What it shows: the polls go through one CONNECT tunnel, kept alive between them; the proxy gets its
 * credentials and the API never does; the action checks the API's certificate inside the tunnel; and the
 * process exits when it is done, although its kept-alive connection would stay open for a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scenarioFrames } from '../simulator/server.js'
import { runAction, runtimes } from './fixtures/action.js'
import { selfSignedCertificate } from './fixtures/tls.js'

const HOST = 'cpp.offer-status.test'
const TOKEN = 'e2e-proxy-T0k3n-0123456789'
const PROXY_USER = 'build-bot'
const PROXY_PASSWORD = 'pr0xy p@ss'
const PROXY_AUTHORIZATION = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`
/** Longer than any run here, shorter than the kept-alive connection's minute: a process kept alive by it is killed. */
const RUN_MS = 40_000

interface Api {
  port: number
  /** Each request the API got: method, path and headers (as received, inside the tunnel). */
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[]
  /** TLS connections accepted. */
  connections: number
}

let dir: string
let caFile: string
let api: Api
let server: https.Server
let proxyServer: http.Server
let proxyPort: number
/** Each CONNECT: its target and its Proxy-Authorization. */
const connects: { target: string; authorization: string | undefined }[] = []
const open = new Set<net.Socket>()

function track(socket: net.Socket): void {
  open.add(socket)
  socket.on('error', () => undefined)
  socket.on('close', () => open.delete(socket))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'offer-status-proxy-'))
  const { key, cert } = selfSignedCertificate({ dns: [HOST] })
  caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, cert)

  // The API: the simulator's `rejected` scenario (Running, Running, Failed) per offer, over TLS.
  const served = new Map<string, number>()
  api = { port: 0, requests: [], connections: 0 }
  server = https.createServer({ key, cert }, (req, res) => {
    api.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    const route = /^\/api\/publishers\/([^/]+)\/offers\/([^/?]+)\/status/.exec(req.url ?? '')
    if (!route?.[1] || !route[2]) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"NotFound"}}')
      return
    }
    const ids = { publisherId: decodeURIComponent(route[1]), offerId: decodeURIComponent(route[2]) }
    const frames = scenarioFrames('rejected', ids)
    const index = served.get(ids.publisherId) ?? 0
    served.set(ids.publisherId, index + 1)
    const frame = frames[Math.min(index, frames.length - 1)]
    if (frame?.kind !== 'status') throw new Error('the scenario has status frames only')
    const body = typeof frame.body === 'function' ? frame.body() : frame.body
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
  })
  // No idle limit, and none announced: the client keeps an idle connection its own minute.
  server.keepAliveTimeout = 0
  server.on('connection', (socket: net.Socket) => {
    api.connections++
    track(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api.port = (server.address() as net.AddressInfo).port

  // The proxy: CONNECT only, with credentials, to the API whatever host is named.
  proxyServer = http.createServer((_req, res) => res.writeHead(405).end())
  proxyServer.on('connection', track)
  proxyServer.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const authorization = req.headers['proxy-authorization']
    connects.push({ target: req.url ?? '', authorization })
    if (authorization !== PROXY_AUTHORIZATION) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n')
      return
    }
    if (req.url !== `${HOST}:443`) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const upstream = net.connect(api.port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      socket.pipe(upstream).pipe(socket)
    })
    track(upstream)
    upstream.on('close', () => socket.destroy())
    socket.on('close', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve))
  proxyPort = (proxyServer.address() as net.AddressInfo).port
})

afterAll(async () => {
  for (const socket of open) socket.destroy()
  await Promise.all([
    new Promise((resolve) => server.close(resolve)),
    new Promise((resolve) => proxyServer.close(resolve))
  ])
  rmSync(dir, { recursive: true, force: true })
})

function proxyUrl(user = PROXY_USER, password = PROXY_PASSWORD): string {
  return `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${proxyPort}`
}

function inputs(publisher: string): Record<string, string> {
  return {
    'publisher-id': publisher,
    'offer-id': 'vm-offer',
    token: TOKEN,
    'base-url': `https://${HOST}`,
    interval: '1s',
    'max-interval': '1s',
    timeout: '30s'
  }
}

describe.each(runtimes())('the bundle on $name through HTTPS_PROXY', ({ name, path: node }) => {
  const publisher = `proxied-${name.replace(/\W+/g, '-')}`

  it('polls through one kept-alive tunnel, gives the proxy its credentials only, and exits when done', async () => {
    const connectsBefore = connects.length
    const connectionsBefore = api.connections
    const run = await runAction({
      node,
      inputs: inputs(publisher),
      env: { HTTPS_PROXY: proxyUrl(), NODE_EXTRA_CA_CERTS: caFile },
      timeoutMs: RUN_MS
    })

    // It read the API (the scenario ends Failed) and ended on its own, not by the guard's kill.
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failed' })
    const polls = api.requests.filter((r) => r.url.startsWith(`/api/publishers/${publisher}/`))
    expect(polls).toHaveLength(3)

    // One tunnel and one TLS connection for the three polls.
    expect(connects.slice(connectsBefore)).toEqual([{ target: `${HOST}:443`, authorization: PROXY_AUTHORIZATION }])
    expect(api.connections - connectionsBefore).toBe(1)

    // The API gets the token and never the proxy's credentials; neither shows in the log.
    for (const poll of polls) {
      expect(poll.headers.authorization).toBe(`Bearer ${TOKEN}`)
      expect(poll.headers['proxy-authorization']).toBeUndefined()
      expect(poll.headers.host).toBe(HOST)
    }
    expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD)
    expect(run.stdout + run.stderr).not.toContain(PROXY_AUTHORIZATION.slice('Basic '.length))
  }, 60_000)

  it('fails clearly when the proxy refuses the credentials, naming its status and not the password', async () => {
    const run = await runAction({
      node,
      inputs: { ...inputs(`${publisher}-407`), timeout: '3s' },
      env: { HTTPS_PROXY: proxyUrl(PROXY_USER, 'wrong-Passw0rd'), NODE_EXTRA_CA_CERTS: caFile },
      timeoutMs: RUN_MS
    })
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`proxy refused the tunnel to ${HOST}:443: HTTP 407`)
    expect(run.stdout + run.stderr + run.summary).not.toContain('wrong-Passw0rd')
    expect(api.requests.filter((r) => r.url.includes(`${publisher}-407`))).toHaveLength(0)
  }, 60_000)

  it('refuses an API whose certificate it does not trust, through the tunnel too', async () => {
    const run = await runAction({
      node,
      inputs: { ...inputs(`${publisher}-untrusted`), timeout: '3s' },
      env: { HTTPS_PROXY: proxyUrl() },
      timeoutMs: RUN_MS
    })
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/self-signed certificate/)
    expect(api.requests.filter((r) => r.url.includes(`${publisher}-untrusted`))).toHaveLength(0)
  }, 60_000)
})
