/**
 * The HTTP port: the one thing the status sources need from the network. The real adapter speaks
 * `node:http` / `node:https` directly so that it controls redirects, the body size, the time limit and
 * the teardown of the socket. The runner's proxy settings are honoured exactly as `@actions/http-client`
 * decides them (its `getProxyUrl`: HTTPS_PROXY / HTTP_PROXY, NO_PROXY, loopback never proxied); the
 * CONNECT tunnel through the proxy is this module's own. Tests pass fakes or the simulator.
 *
 * Connections are kept alive and pooled per origin (and per proxy), so that the polls of one offer and
 * the offers of a portfolio share them; see {@link IDLE_SOCKET_MS} for how long an idle one is kept.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import type { Duplex } from 'node:stream'
// Only the proxy rules: the package's index loads a whole second HTTP client (~100 ms of start-up).
import { getProxyUrl } from '@actions/http-client/lib/proxy'

export interface HttpRequest {
  /** GET unless said otherwise. */
  method?: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  /** A request body (POST). */
  body?: string
  /** The whole request, connect to last byte, must settle within this. */
  timeoutMs: number
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string | undefined>
  body: string
}

export interface HttpPort {
  /** Resolves with any non-3xx HTTP status; rejects with a {@link RequestFailure} otherwise. */
  send(request: HttpRequest): Promise<HttpResponse>
  /**
   * Closes the idle connections at once, and any still in use. Optional: idle connections never keep
   * the process alive, and are dropped after {@link IDLE_SOCKET_MS}; calling it at the end of a run
   * only frees them sooner. The port can still send afterwards (on new connections).
   */
  close?(): void
}

/**
 * No usable response: the connection failed or broke (`network`), the time ran out (`timeout`), the
 * caller cancelled (`aborted`), the body passed the cap (`too-large`), or the server redirected
 * (`redirect`, never followed). The message is a short sentence without secrets.
 */
export class RequestFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'aborted' | 'too-large' | 'redirect',
    message: string
  ) {
    super(message)
    this.name = 'RequestFailure'
  }
}

/** The most a response body may hold; a longer one rejects `too-large`. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

/**
 * How long an idle connection is kept for the next request: a minute. Long enough for the next poll
 * after the first 30 s wait (and the bursts of a portfolio, and the sign-in before them); well under the
 * 4 minutes after which Azure's outbound NAT (GitHub-hosted runners) forgets an idle connection without
 * telling either end, so that a request on it would hang until its time limit; and under the idle
 * time of common servers and proxies (nginx 75 s, IIS and Squid 2 min), so that we usually close first.
 * A server that announces a shorter one (`Keep-Alive: timeout=N`, as Node's servers do with 5 s) is
 * believed: Node's agent then drops the connection a second before that. A server that closes earlier
 * without saying so costs one retry on a new connection (see {@link exchange}).
 */
export const IDLE_SOCKET_MS = 60_000

/** Idle connections kept per origin by default: the most requests the action has in flight (max-concurrency). */
export const MAX_IDLE_SOCKETS = 32

export interface HttpPortOptions {
  /** Defaults to {@link MAX_BODY_BYTES}. */
  maxBodyBytes?: number
  /** Defaults to `offer-status-action`. */
  userAgent?: string
  /**
   * Idle connections kept per origin, at least 1; defaults to {@link MAX_IDLE_SOCKETS}. Connections in
   * use are not limited here: there are as many as requests in flight (the caller bounds those).
   */
  maxIdleSockets?: number
}

const USER_AGENT = 'offer-status-action'
/** `setTimeout` treats anything longer as 1 ms; no request needs more than these 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1

export function createHttpPort(options: HttpPortOptions = {}): HttpPort {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const userAgent = options.userAgent ?? USER_AGENT
  const pool = createPool(Math.max(1, Math.floor(options.maxIdleSockets ?? MAX_IDLE_SOCKETS)))
  return {
    send(request) {
      return new Promise<HttpResponse>((resolve, reject) => {
        exchange(request, { maxBodyBytes, userAgent, agentFor: pool.agentFor }, resolve, reject)
      })
    },
    close: pool.close
  }
}

// ---------------------------------------------------------------------------------------------------
// Connections: kept-alive agents, direct or through a CONNECT tunnel

interface Pool {
  agentFor: (url: URL) => http.Agent
  close: () => void
}

/**
 * One agent per protocol for direct connections, and one per protocol and proxy for tunnels. Sockets
 * per origin are not capped (they grow to the requests in flight); idle ones are capped at
 * `maxIdle` per origin, dropped after {@link IDLE_SOCKET_MS}, never keep the process alive (Node's
 * agent unrefs a socket when it goes idle and refs it again when it is reused) and are reused most
 * recent first, so that a quiet spell lets the older ones expire.
 */
function createPool(maxIdle: number): Pool {
  const options: http.AgentOptions = {
    keepAlive: true,
    timeout: IDLE_SOCKET_MS,
    maxFreeSockets: maxIdle,
    scheduling: 'lifo'
  }
  const direct = { http: new PooledHttpAgent(options), https: new PooledHttpsAgent(options) }
  const tunnels = new Map<string, http.Agent>()
  return {
    agentFor(url) {
      const secure = url.protocol === 'https:'
      // The runner client's own test: HTTP(S)_PROXY, NO_PROXY, loopback bypassed.
      const proxyUrl = getProxyUrl(url)
      if (!proxyUrl?.hostname) return secure ? direct.https : direct.http
      const key = `${url.protocol} ${proxyUrl.href}`
      let agent = tunnels.get(key)
      if (!agent) {
        const proxy = proxyOf(proxyUrl)
        agent = secure ? new HttpsTunnelAgent(proxy, options) : new HttpTunnelAgent(proxy, options)
        tunnels.set(key, agent)
      }
      return agent
    },
    close() {
      direct.http.destroy()
      direct.https.destroy()
      for (const agent of tunnels.values()) agent.destroy()
      tunnels.clear()
    }
  }
}

/**
 * What an idle socket does while it waits: nothing. Data arriving then (a response nobody asked for)
 * would be read as the answer to the next request on it, so such a socket is destroyed instead (Node
 * 24's agent does the same; Node 20's does not).
 */
const idleGuards = new WeakMap<Duplex, () => void>()

function keepIdle(socket: Duplex, kept: boolean): boolean {
  if (!kept) return false
  if (socket.readableLength > 0) {
    socket.destroy()
    return false
  }
  const poisoned = (): void => {
    socket.destroy()
  }
  socket.on('data', poisoned)
  idleGuards.set(socket, poisoned)
  return true
}

function reuseIdle(socket: Duplex): void {
  const guard = idleGuards.get(socket)
  if (guard) socket.off('data', guard)
  idleGuards.delete(socket)
}

/** Node's `keepSocketAlive` (https.Agent's too), which says whether the socket may be kept; its typings say `void`. */
type KeepAlive = (this: http.Agent, socket: Duplex) => boolean
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with `.call(agent, ...)`
const keepSocketAlive = http.Agent.prototype.keepSocketAlive as KeepAlive

class PooledHttpAgent extends http.Agent {
  override keepSocketAlive(socket: Duplex): boolean {
    return keepIdle(socket, keepSocketAlive.call(this, socket))
  }
  override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
    reuseIdle(socket)
    super.reuseSocket(socket, request)
  }
}

class PooledHttpsAgent extends https.Agent {
  override keepSocketAlive(socket: Duplex): boolean {
    return keepIdle(socket, keepSocketAlive.call(this, socket))
  }
  override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
    reuseIdle(socket)
    super.reuseSocket(socket, request)
  }
}

/** Where the proxy is, and the `Proxy-Authorization` it gets (from the proxy URL's user info, if any). */
interface Proxy {
  secure: boolean
  host: string
  port: number
  authorization?: string
}

/** The host (an IPv6 address without its brackets) and port to connect to for `url`. */
function endpointOf(url: URL): { host: string; port: number } {
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
  }
}

function proxyOf(url: URL): Proxy {
  // Like the runner client: an `https:` proxy is spoken to over TLS, anything else in plain HTTP.
  const proxy: Proxy = { secure: url.protocol === 'https:', ...endpointOf(url) }
  // getProxyUrl decodes the user name and password; the client sends them as Basic credentials.
  if (url.username || url.password) {
    proxy.authorization = `Basic ${Buffer.from(`${url.username}:${url.password}`, 'utf8').toString('base64')}`
  }
  return proxy
}

/**
 * The request options carry the exchange's own cancel signal to {@link openTunnel} (Node passes a
 * request's options on to the agent's `createConnection`): a CONNECT still waiting for the proxy when
 * the exchange ends is destroyed with it, whoever ends it (time limit, caller, too large).
 */
const CANCEL = Symbol('offer-status.cancel')
type ConnectOptions = http.ClientRequestArgs & { [CANCEL]?: AbortSignal }
type Connected = (error: Error | null, socket?: Duplex) => void
/** How an agent's `createConnection` hands over a socket. */
type AgentCallback = (error: Error | null, socket: Duplex) => void

/** Node's agent calls back `(error)` alone on a failure, which its typings do not allow for. */
function callBack(callback: AgentCallback | undefined, error: Error | null, socket?: Duplex): void {
  if (callback) Reflect.apply(callback, undefined, socket ? [error, socket] : [error])
}

/**
 * Opens a tunnel to the request's host and port: `CONNECT host:port` to the proxy (over TLS for an
 * `https:` proxy), with `Proxy-Authorization` when the proxy URL has credentials. Only the proxy sees
 * that header; the request itself is sent inside the tunnel as it would be sent directly. Calls back
 * with the tunnel's socket once the proxy answered 2xx, or with an error that names the proxy's status
 * (never its credentials).
 */
function openTunnel(proxy: Proxy, options: ConnectOptions, done: Connected): void {
  const host = options.host ?? 'localhost'
  const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${Number(options.port)}`
  const signal = options[CANCEL]
  if (signal?.aborted) {
    done(new Error('request cancelled'))
    return
  }
  const headers: Record<string, string> = { host: authority }
  if (proxy.authorization) headers['proxy-authorization'] = proxy.authorization
  let connect: http.ClientRequest | undefined
  let finished = false
  const finish = (error: Error | null, socket?: Duplex): void => {
    if (finished) {
      socket?.destroy()
      return
    }
    finished = true
    signal?.removeEventListener('abort', onCancel)
    if (error) {
      socket?.destroy()
      connect?.destroy()
      done(error)
    } else {
      done(null, socket)
    }
  }
  function onCancel(): void {
    finish(new Error('request cancelled'))
  }
  signal?.addEventListener('abort', onCancel, { once: true })
  try {
    connect = (proxy.secure ? https : http).request({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers,
      // A connection of its own: it becomes the tunnel, which the calling agent pools.
      agent: false
    })
  } catch (error) {
    finish(new Error(`proxy request failed: ${messageOf(error)}`))
    return
  }
  // Kept for good: an error after the tunnel is handed over must not go unhandled.
  connect.on('error', (error) => {
    finish(new Error(`proxy connection failed: ${error.message}`))
  })
  // Node emits `connect` for any answer to a CONNECT, whatever its status.
  connect.once('connect', (res: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const status = res.statusCode ?? 0
    if (status < 200 || status >= 300) {
      finish(new Error(`proxy refused the tunnel to ${authority}: HTTP ${status}`), socket)
    } else if (head.length > 0) {
      // Bytes before the request was even sent: nothing sent through this tunnel could trust its answer.
      finish(new Error(`proxy sent data before the tunnel to ${authority} was used`), socket)
    } else {
      finish(null, socket)
    }
  })
  connect.end()
}

/** Plain HTTP through the tunnel (an `http:` target with HTTP_PROXY set), as the runner client does it. */
class HttpTunnelAgent extends PooledHttpAgent {
  constructor(
    private readonly proxy: Proxy,
    options: http.AgentOptions
  ) {
    super(options)
  }
  override createConnection(options: ConnectOptions, callback?: AgentCallback): undefined {
    openTunnel(this.proxy, options, (error, socket) => {
      callBack(callback, error, socket)
    })
    return undefined
  }
}

/** TLS to the target, inside the tunnel: certificate and host name checked as on a direct connection. */
class HttpsTunnelAgent extends PooledHttpsAgent {
  constructor(
    private readonly proxy: Proxy,
    options: https.AgentOptions
  ) {
    super(options)
  }
  override createConnection(options: ConnectOptions, callback?: AgentCallback): undefined {
    openTunnel(this.proxy, options, (error, socket) => {
      if (error || !socket) {
        callBack(callback, error ?? new Error('proxy gave no tunnel'))
        return
      }
      let secure: Duplex | null | undefined
      try {
        // https.Agent's own: tls.connect over the tunnel, with the SNI name Node derived from the host,
        // and TLS session reuse.
        secure = super.createConnection({ ...options, socket } as https.RequestOptions)
      } catch (failure) {
        socket.destroy()
        callBack(callback, new Error(`TLS through the proxy failed: ${messageOf(failure)}`))
        return
      }
      if (secure) callBack(callback, null, secure)
      else {
        socket.destroy()
        callBack(callback, new Error('TLS through the proxy failed'))
      }
    })
    return undefined
  }
}

/**
 * Drops every idle connection of the agent and resolves once they are gone from its pool: after one
 * turned out stale (the server closed it while idle), the others, idle as long or longer, are suspect,
 * and a retry must not pick one of them. Costs at most a handshake each.
 */
function dropIdle(agent: http.Agent): Promise<void> {
  const idle = Object.values(agent.freeSockets).flatMap((sockets) => sockets ?? [])
  return Promise.all(
    idle.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.closed) {
            resolve()
            return
          }
          socket.once('close', () => {
            resolve()
          })
          socket.destroy()
        })
    )
  ).then(() => undefined)
}

// ---------------------------------------------------------------------------------------------------
// One exchange: a request and its response, within one time limit

interface Settings {
  maxBodyBytes: number
  userAgent: string
  agentFor: (url: URL) => http.Agent
}

/** Errors that, before any byte of a response on a reused connection, mean the server had closed it. */
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE'])

/**
 * One request within one timer. A GET sent on a reused connection that the server had closed while it
 * was idle (reset or closed before any byte of a response) is sent again, once, on a new connection,
 * within the same time limit: the server cannot have acted on it. A POST (the token request) is not:
 * it fails as any broken connection does, and the sign-in retries it at its next backoff.
 */
function exchange(
  request: HttpRequest,
  settings: Settings,
  resolve: (response: HttpResponse) => void,
  reject: (failure: RequestFailure) => void
): void {
  const { signal } = request
  if (signal?.aborted) {
    reject(new RequestFailure('aborted', 'request cancelled'))
    return
  }

  let req: http.ClientRequest | undefined
  let res: http.IncomingMessage | undefined
  let settled = false
  let retried = false
  let timer: NodeJS.Timeout | undefined
  /** Ends whatever this exchange is still connecting through (a CONNECT to the proxy). */
  const cancel = new AbortController()

  /** Settles once; on failure destroys the request and the response, which closes the socket. */
  const settle = (outcome: HttpResponse | RequestFailure): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
    if (outcome instanceof RequestFailure) {
      // A destroyed socket never goes back to the pool: no half-read connection is reused.
      res?.destroy()
      req?.destroy()
      cancel.abort()
      reject(outcome)
    } else {
      resolve(outcome)
    }
  }
  const fail = (kind: RequestFailure['kind'], message: string): void => {
    settle(new RequestFailure(kind, message))
  }
  function onAbort(): void {
    fail('aborted', 'request cancelled')
  }

  try {
    const url = new URL(request.url)
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
    if (!transport) {
      fail('network', `unsupported protocol ${url.protocol}`)
      return
    }
    const method = request.method ?? 'GET'
    const body = method === 'POST' ? Buffer.from(request.body ?? '', 'utf8') : undefined

    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value
    headers['user-agent'] = settings.userAgent
    if (body) headers['content-length'] = String(body.length)

    const ms = Number.isNaN(request.timeoutMs) ? 1 : Math.min(MAX_TIMER_MS, Math.max(1, request.timeoutMs))
    timer = setTimeout(() => {
      fail('timeout', `no response within ${ms}ms`)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })

    const agent = settings.agentFor(url)
    // Built by hand rather than from the URL: credentials in the URL must not become an Authorization header.
    const { host, port } = endpointOf(url)
    const options: ConnectOptions = {
      method,
      hostname: host,
      port,
      path: url.pathname + url.search,
      headers,
      agent,
      [CANCEL]: cancel.signal
    }

    const send = (): void => {
      const sent = transport.request(options)
      req = sent
      /** What the socket had read when this request got it: more by the error means a response began. */
      let readBefore = 0
      sent.on('socket', (socket) => {
        readBefore = socket.bytesRead
      })
      const stale = (error: NodeJS.ErrnoException): boolean =>
        !retried &&
        method === 'GET' &&
        sent.reusedSocket &&
        res === undefined &&
        STALE_CODES.has(error.code ?? '') &&
        (sent.socket?.bytesRead ?? 0) === readBefore
      sent.on('error', (error: NodeJS.ErrnoException) => {
        if (settled || req !== sent) return
        if (stale(error)) {
          retried = true
          req = undefined
          // Once the pool holds no suspect socket, the retry gets a new connection.
          void dropIdle(agent).then(() => {
            if (!settled) send()
          })
          return
        }
        fail('network', res ? brokenBody(error) : error.message)
      })
      sent.on('close', () => {
        // Once there is a response its own events tell how it ended.
        if (req === sent && !res) fail('network', 'connection closed before a response arrived')
      })
      sent.on('response', (response) => {
        res = response
        onResponse(response, url, settings.maxBodyBytes, settle, fail)
      })
      sent.end(body)
    }
    send()
  } catch (error) {
    fail('network', messageOf(error))
  }
}

function onResponse(
  res: http.IncomingMessage,
  url: URL,
  maxBodyBytes: number,
  settle: (response: HttpResponse) => void,
  fail: (kind: RequestFailure['kind'], message: string) => void
): void {
  const status = res.statusCode ?? 0
  // Listeners first: every later teardown may emit `error`, which must not go unhandled.
  res.on('error', (error) => {
    fail('network', brokenBody(error))
  })
  res.on('aborted', () => {
    fail('network', brokenBody())
  })
  res.on('close', () => {
    if (!res.complete) fail('network', brokenBody())
  })

  if (status >= 300 && status < 400) {
    fail('redirect', `HTTP ${status} redirect ${describeLocation(res.headers.location, url)} (not followed)`)
    return
  }
  const declared = Number(res.headers['content-length'])
  if (declared > maxBodyBytes) {
    fail('too-large', tooLarge(maxBodyBytes))
    return
  }

  const chunks: Buffer[] = []
  let length = 0
  res.on('data', (chunk: Buffer) => {
    length += chunk.length
    if (length > maxBodyBytes) {
      fail('too-large', tooLarge(maxBodyBytes))
      return
    }
    chunks.push(chunk)
  })
  res.on('end', () => {
    const headers: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(res.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
    }
    // Decoded once at the end; TextDecoder drops a leading UTF-8 BOM, so such a JSON body still parses.
    const body = new TextDecoder('utf-8').decode(Buffer.concat(chunks, length))
    settle({ status, headers, body })
  })
}

/** Only the origin of the target: its path, query or userinfo could carry secrets. */
function describeLocation(location: string | undefined, base: URL): string {
  if (location === undefined) return 'with no location'
  try {
    const target = new URL(location, base)
    return target.origin === 'null' ? `to a ${target.protocol} location` : `to ${target.origin}`
  } catch {
    return 'to an unreadable location'
  }
}

function brokenBody(error?: NodeJS.ErrnoException): string {
  // Node reports a close in the middle of the body as `aborted`; a reset by the peer as `read ECONNRESET`.
  if (!error || error.message === 'aborted') return 'connection closed while reading the response'
  const what = error.code === 'ECONNRESET' ? 'reset' : 'failed'
  return `connection ${what} while reading the response (${error.message})`
}

/** Not `instanceof Error`: errors of Node's own realm fail that test under a VM context (jest). */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message
  }
  return String(error)
}

function tooLarge(maxBodyBytes: number): string {
  const mib = maxBodyBytes / (1024 * 1024)
  return `response too large (over ${Number.isInteger(mib) ? `${mib} MiB` : `${maxBodyBytes} bytes`})`
}
