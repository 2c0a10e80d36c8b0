/**
 * The HTTP port: the one thing the status sources need from the network. The real adapter speaks
 * `node:http` / `node:https` directly so that it controls redirects, the body size, the time limit and
 * the teardown of the socket; the runner's proxy settings are honoured exactly as `@actions/http-client`
 * honours them (its `getProxyUrl` and its tunnelling agent). Tests pass fakes or the simulator.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { HttpClient } from '@actions/http-client'
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

export interface HttpPortOptions {
  /** Defaults to {@link MAX_BODY_BYTES}. */
  maxBodyBytes?: number
  /** Defaults to `offer-status-action`. */
  userAgent?: string
}

const USER_AGENT = 'offer-status-action'
/** `setTimeout` treats anything longer as 1 ms; no request needs more than these 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** Off for now: a socket per request. Switching it on is this constant (the agents are per port). */
const KEEP_ALIVE = false

export function createHttpPort(options: HttpPortOptions = {}): HttpPort {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const userAgent = options.userAgent ?? USER_AGENT
  const agentFor = createAgents(userAgent)
  return {
    send(request) {
      return new Promise<HttpResponse>((resolve, reject) => {
        exchange(request, { maxBodyBytes, userAgent, agentFor }, resolve, reject)
      })
    }
  }
}

/** The agent for one request, and how to drop whatever it opened before the request got a socket. */
interface Route {
  agent: http.Agent
  abandon: () => void
}
type AgentFor = (url: URL) => Route

const nothingToAbandon = (): void => undefined

/** Direct connections share a plain agent per protocol; proxied ones get the tunnel of `@actions/http-client`. */
function createAgents(userAgent: string): AgentFor {
  const direct = { http: new http.Agent({ keepAlive: KEEP_ALIVE }), https: new https.Agent({ keepAlive: KEEP_ALIVE }) }
  let proxyClient: HttpClient | undefined
  return (url) => {
    // The same test as the client's own `_getAgent`: HTTP(S)_PROXY, NO_PROXY, loopback bypassed.
    if (getProxyUrl(url)?.hostname) {
      proxyClient ??= new HttpClient(userAgent, [], { keepAlive: KEEP_ALIVE })
      return tunnel(proxyClient.getAgent(url.href))
    }
    return { agent: url.protocol === 'https:' ? direct.https : direct.http, abandon: nothingToAbandon }
  }
}

/**
 * The tunnelling agent sends its own CONNECT request to the proxy and hands the request a socket only
 * once the proxy has answered; destroying the request before then leaves that CONNECT open (and the
 * event loop alive). Without keep-alive the client makes a fresh agent per call, so this wraps its
 * `request` (the function it opens the CONNECT with) to keep hold of the CONNECT for {@link Route.abandon}.
 * With keep-alive the agent would be shared and this needs revisiting.
 */
function tunnel(agent: http.Agent): Route {
  const opened: http.ClientRequest[] = []
  const target = agent as http.Agent & { request?: unknown }
  const open = target.request
  if (typeof open === 'function') {
    target.request = (...args: unknown[]): unknown => {
      const connect: unknown = Reflect.apply(open, target, args)
      if (connect instanceof http.ClientRequest) opened.push(connect)
      return connect
    }
  }
  return {
    agent,
    abandon: () => {
      for (const connect of opened) {
        // The agent drops its listeners once connected; a late error must not go unhandled.
        connect.on('error', nothingToAbandon)
        connect.destroy()
      }
    }
  }
}

interface Settings {
  maxBodyBytes: number
  userAgent: string
  agentFor: AgentFor
}

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
  let timer: NodeJS.Timeout | undefined
  let route: Route | undefined

  /** Settles once; on failure destroys the request and the response, which closes the socket. */
  const settle = (outcome: HttpResponse | RequestFailure): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
    if (outcome instanceof RequestFailure) {
      res?.destroy()
      req?.destroy()
      route?.abandon()
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

    route = settings.agentFor(url)
    // Built by hand rather than from the URL: credentials in the URL must not become an Authorization header.
    req = transport.request({
      method,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      path: url.pathname + url.search,
      headers,
      agent: route.agent
    })
    req.on('error', (error) => {
      fail('network', res ? brokenBody(error) : error.message)
    })
    req.on('close', () => {
      // Once there is a response its own events tell how it ended.
      if (!res) fail('network', 'connection closed before a response arrived')
    })
    req.on('response', (response) => {
      res = response
      onResponse(response, url, settings.maxBodyBytes, settle, fail)
    })
    req.end(body)
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
