/**
 * The real HTTP adapter against real servers on 127.0.0.1 (port 0). No assertion depends on how
 * fast anything runs: time limits are only ever expected to fire, or to be far away.
 */
import { once } from 'node:events'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import * as tls from 'node:tls'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { createHttpPort, MAX_BODY_BYTES, RequestFailure, type HttpRequest } from '../src/http.js'
import { selfSignedCertificate } from './fixtures/tls.js'

const servers: net.Server[] = []
const sockets = new Set<net.Socket>()

afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve()
          })
        })
    )
  )
})

interface Started<S extends net.Server> {
  server: S
  port: number
  url: string
  /** Every socket the server accepted, in order. */
  connections: net.Socket[]
}

async function listen<S extends net.Server>(server: S): Promise<Started<S>> {
  const connections: net.Socket[] = []
  server.on('connection', (socket: net.Socket) => {
    connections.push(socket)
    sockets.add(socket)
    // The client hangs up on purpose in many of these tests; a reset is expected, not a failure.
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { server, port: address.port, url: `http://127.0.0.1:${address.port}`, connections }
}

function serve(handler: http.RequestListener) {
  return listen(http.createServer(handler))
}

/** A server that keeps idle connections for a minute, so that no reuse depends on how fast a test runs. */
function serveKeptAlive(handler: http.RequestListener) {
  const server = http.createServer(handler)
  server.keepAliveTimeout = 60_000
  return listen(server)
}

/** Resolves once the socket has closed (at once if it already has). */
function closed(socket: net.Socket | undefined): Promise<void> {
  if (!socket) return Promise.reject(new Error('no connection'))
  if (socket.destroyed) return Promise.resolve()
  // Not `once()`: that rejects on the `error` (a reset) that often comes first.
  return new Promise((resolve) => {
    socket.on('close', () => {
      resolve()
    })
  })
}

async function failure(pending: Promise<unknown>): Promise<RequestFailure> {
  try {
    await pending
  } catch (error) {
    if (error instanceof RequestFailure) return error
    throw error
  }
  throw new Error('expected a RequestFailure')
}

const get = (url: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  url,
  headers: {},
  timeoutMs: 5_000,
  ...more
})

describe('a response', () => {
  it('resolves with status, lower-cased headers (repeats joined) and the body', async () => {
    let userAgent: string | undefined
    const { url } = await serve((req, res) => {
      userAgent = req.headers['user-agent']
      res.setHeader('Content-Type', 'application/json')
      res.setHeader('Set-Cookie', ['a=1', 'b=2'])
      res.setHeader('X-Request-ID', 'abc')
      res.end(JSON.stringify({ status: 'Succeeded', name: 'Zoë' }))
    })

    const response = await createHttpPort().send(get(`${url}/status?x=1`))

    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.headers['set-cookie']).toBe('a=1, b=2')
    expect(response.headers['x-request-id']).toBe('abc')
    expect(JSON.parse(response.body)).toEqual({ status: 'Succeeded', name: 'Zoë' })
    expect(userAgent).toBe('offer-status-action')
  })

  it('resolves with error statuses too', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(503, { 'Retry-After': '7' }).end('busy')
    })
    const response = await createHttpPort().send(get(url))
    expect(response).toMatchObject({ status: 503, body: 'busy', headers: { 'retry-after': '7' } })
  })

  it('drops a leading UTF-8 BOM so that JSON parses', async () => {
    const { url } = await serve((_req, res) => {
      res.end('\uFEFF{"a":1}')
    })
    const response = await createHttpPort().send(get(url))
    expect(response.body).toBe('{"a":1}')
    expect(JSON.parse(response.body)).toEqual({ a: 1 })
  })

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('€uro', 'utf8')
    const { url } = await serve((_req, res) => {
      res.write(bytes.subarray(0, 1), () => {
        setTimeout(() => res.end(bytes.subarray(1)), 20)
      })
    })
    expect((await createHttpPort().send(get(url))).body).toBe('€uro')
  })

  it('sends a POST body with its length, the headers and the user agent', async () => {
    let seen: { method?: string; headers?: http.IncomingHttpHeaders; body?: string } = {}
    const { url } = await serve((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        seen = { method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
        res.end('ok')
      })
    })
    const body = 'grant_type=client_credentials&name=Zoë'

    const response = await createHttpPort({ userAgent: 'custom-agent' }).send({
      method: 'POST',
      url: `${url}/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer t0ken' },
      body,
      timeoutMs: 5_000
    })

    expect(response.body).toBe('ok')
    expect(seen.method).toBe('POST')
    expect(seen.body).toBe(body)
    expect(seen.headers?.['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(seen.headers?.['content-type']).toBe('application/x-www-form-urlencoded')
    expect(seen.headers?.authorization).toBe('Bearer t0ken')
    expect(seen.headers?.['user-agent']).toBe('custom-agent')
  })

  it('does not turn credentials in the URL into an Authorization header', async () => {
    let authorization: string | undefined = 'unset'
    const { port } = await serve((req, res) => {
      authorization = req.headers.authorization
      res.end()
    })
    await createHttpPort().send(get(`http://user:secret@127.0.0.1:${port}/`))
    expect(authorization).toBeUndefined()
  })

  it('clamps a time limit beyond what a timer can hold instead of firing at once', async () => {
    const { url } = await serve((_req, res) => {
      setTimeout(() => res.end('late but fine'), 200)
    })
    const response = await createHttpPort().send(get(url, { timeoutMs: 2 ** 40 }))
    expect(response.body).toBe('late but fine')
  })
})

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'rejects %i naming only the origin of the target, which receives nothing',
    async (code) => {
      const target = await serve((_req, res) => {
        res.end('stolen')
      })
      const origin = await serve((_req, res) => {
        res.writeHead(code, { Location: `http://user:pw@127.0.0.1:${target.port}/steal?token=s3cret#frag` })
        res.end('moved')
      })

      const error = await failure(
        createHttpPort().send(get(`${origin.url}/a`, { headers: { Authorization: 'Bearer t0ken' } }))
      )

      expect(error.kind).toBe('redirect')
      expect(error.message).toBe(`HTTP ${code} redirect to http://127.0.0.1:${target.port} (not followed)`)
      expect(error.message).not.toMatch(/s3cret|steal|user|pw/)
      expect(target.connections).toHaveLength(0)
      await closed(origin.connections[0])
    },
    10_000
  )

  it.each([
    ['/elsewhere?token=s3cret', (origin: string) => `HTTP 302 redirect to ${origin} (not followed)`],
    ['https://evil.example:8443/x?token=s3cret', () => 'HTTP 302 redirect to https://evil.example:8443 (not followed)'],
    ['http://[::1', () => 'HTTP 302 redirect to an unreadable location (not followed)'],
    ['javascript:alert(1)', () => 'HTTP 302 redirect to a javascript: location (not followed)'],
    [undefined, () => 'HTTP 302 redirect with no location (not followed)']
  ])('describes the location %p safely', async (location, expected) => {
    const { url } = await serve((_req, res) => {
      res.writeHead(302, location === undefined ? {} : { Location: location }).end()
    })
    const error = await failure(createHttpPort().send(get(url)))
    expect(error.kind).toBe('redirect')
    expect(error.message).toBe(expected(url))
  })

  it('treats 304 as a redirect too', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(304).end()
    })
    expect((await failure(createHttpPort().send(get(url)))).kind).toBe('redirect')
  })
})

describe('the body cap', () => {
  it('is 4 MiB by default and rejects a declared length over it without reading', async () => {
    expect(MAX_BODY_BYTES).toBe(4 * 1024 * 1024)
    const started = await serve((_req, res) => {
      // Declares more than the cap, sends a little, and never finishes.
      res.writeHead(200, { 'Content-Length': String(MAX_BODY_BYTES + 1) })
      res.write('{')
    })
    const error = await failure(createHttpPort().send(get(started.url, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe('response too large (over 4 MiB)')
    await closed(started.connections[0])
  }, 10_000)

  it('rejects a chunked body without a length once it passes the cap', async () => {
    const started = await serve((_req, res) => {
      const chunk = Buffer.alloc(512, 'x')
      res.on('error', () => undefined)
      const pump = (error?: Error | null): void => {
        if (!error && !res.destroyed) res.write(chunk, pump)
      }
      pump()
    })
    const error = await failure(createHttpPort({ maxBodyBytes: 4096 }).send(get(started.url, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe('response too large (over 4096 bytes)')
    await closed(started.connections[0])
  }, 10_000)

  it('rejects a body with a correct length over the cap', async () => {
    const { url } = await serve((_req, res) => {
      res.end(Buffer.alloc(4097, 'x'))
    })
    expect((await failure(createHttpPort({ maxBodyBytes: 4096 }).send(get(url)))).kind).toBe('too-large')
  })

  it('accepts a body of exactly the cap', async () => {
    const { url } = await serve((_req, res) => {
      res.write(Buffer.alloc(2048, 'x'))
      res.end(Buffer.alloc(2048, 'y'))
    })
    const response = await createHttpPort({ maxBodyBytes: 4096 }).send(get(url))
    expect(response.body).toHaveLength(4096)
  })
})

describe('the time limit and cancelling', () => {
  it('cuts an endless body short and closes the socket', async () => {
    const started = await serve((_req, res) => {
      const tick = setInterval(() => {
        if (res.destroyed) clearInterval(tick)
        else res.write('x')
      }, 10)
      res.on('close', () => {
        clearInterval(tick)
      })
    })
    const error = await failure(createHttpPort().send(get(started.url, { timeoutMs: 300 })))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('no response within 300ms')
    await closed(started.connections[0])
  }, 10_000)

  it('gives up on a server that never answers', async () => {
    const started = await serve(() => {
      // never answers
    })
    const error = await failure(createHttpPort().send(get(started.url, { timeoutMs: 200 })))
    expect(error.kind).toBe('timeout')
    await closed(started.connections[0])
  }, 10_000)

  it('cancels in the middle of the body and closes the socket', async () => {
    const controller = new AbortController()
    const started = await serve((_req, res) => {
      res.writeHead(200)
      res.write('{"partial":', () => {
        setTimeout(() => {
          controller.abort()
        }, 50)
      })
    })
    const error = await failure(
      createHttpPort().send(get(started.url, { timeoutMs: 15_000, signal: controller.signal }))
    )
    expect(error.kind).toBe('aborted')
    expect(error.message).toBe('request cancelled')
    await closed(started.connections[0])
  }, 10_000)

  it('rejects at once, without connecting, when the signal is already aborted', async () => {
    const started = await serve((_req, res) => {
      res.end()
    })
    const error = await failure(createHttpPort().send(get(started.url, { signal: AbortSignal.abort() })))
    expect(error.kind).toBe('aborted')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(started.connections).toHaveLength(0)
  })
})

describe('broken connections', () => {
  it('rejects at once when the server drops the connection in the middle of the body', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"status":', () => {
        setTimeout(() => req.socket.destroy(), 50)
      })
    })
    // 15 s allowed for the request, 10 s for the test: waiting for the time limit fails the test.
    const error = await failure(createHttpPort().send(get(url, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^connection (closed|reset) while reading the response/)
  }, 10_000)

  it('rejects at once when the server resets the connection in the middle of the body', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(200)
      res.write('{"status":', () => {
        setTimeout(() => req.socket.resetAndDestroy(), 50)
      })
    })
    const error = await failure(createHttpPort().send(get(url, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^connection (closed|reset) while reading the response/)
  }, 10_000)

  it('rejects when the server closes before answering', async () => {
    const { url } = await listen(
      net.createServer((socket) => {
        socket.once('data', () => socket.destroy())
      })
    )
    const error = await failure(createHttpPort().send(get(url, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
  }, 10_000)

  it('reports a refused connection', async () => {
    const { server, port } = await serve(() => undefined)
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve()
      })
    })
    const error = await failure(createHttpPort().send(get(`http://127.0.0.1:${port}/`, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toContain('ECONNREFUSED')
  }, 10_000)

  it.each([
    ['not a url', 'Invalid URL'],
    ['ftp://127.0.0.1/x', 'unsupported protocol ftp:']
  ])('rejects %p instead of throwing', async (url, message) => {
    const pending = createHttpPort().send(get(url))
    expect(pending).toBeInstanceOf(Promise)
    const error = await failure(pending)
    expect(error.kind).toBe('network')
    expect(error.message).toBe(message)
  })

  it('rejects a header value that cannot be sent instead of throwing', async () => {
    const { url } = await serve((_req, res) => res.end())
    const error = await failure(createHttpPort().send(get(url, { headers: { 'X-Bad': 'a\nb' } })))
    expect(error.kind).toBe('network')
  })
})

describe('kept-alive connections', () => {
  it('sends sequential requests on one connection', async () => {
    const started = await serveKeptAlive((req, res) => res.end(req.url))
    const port = createHttpPort()
    for (let i = 0; i < 20; i++) expect((await port.send(get(`${started.url}/${i}`))).body).toBe(`/${i}`)
    expect(started.connections).toHaveLength(1)
    port.close?.()
    await closed(started.connections[0])
  })

  it('opens as many connections as requests in flight, then reuses them', async () => {
    const waiting: http.ServerResponse[] = []
    const started = await serveKeptAlive((_req, res) => {
      // Answers a wave once all five are in: they are surely in flight together.
      waiting.push(res)
      if (waiting.length === 5) for (const held of waiting.splice(0)) held.end('ok')
    })
    const port = createHttpPort()
    const wave = () => Promise.all(Array.from({ length: 5 }, () => port.send(get(started.url))))

    await wave()
    expect(started.connections).toHaveLength(5)
    await wave()
    expect(started.connections).toHaveLength(5)
    port.close?.()
  })

  it('keeps at most maxIdleSockets idle connections per origin', async () => {
    const waiting: http.ServerResponse[] = []
    const started = await serveKeptAlive((_req, res) => {
      waiting.push(res)
      if (waiting.length === 5) for (const held of waiting.splice(0)) held.end('ok')
    })
    const port = createHttpPort({ maxIdleSockets: 2 })
    await Promise.all(Array.from({ length: 5 }, () => port.send(get(started.url))))

    // Three of the five are closed by the client as they come free; two stay for the next requests.
    const open = () => started.connections.filter((socket) => !socket.destroyed)
    await Promise.race(started.connections.map((socket) => closed(socket)))
    while (open().length > 2) await Promise.race(open().map((socket) => closed(socket)))
    expect(open()).toHaveLength(2)
    port.close?.()
  })

  it('an idle connection does not keep the process alive; one in use does', async () => {
    // Node's agent unrefs a socket as it goes idle and refs it when reused: watch what it does to ours.
    const ref = jest.spyOn(net.Socket.prototype, 'ref')
    const unref = jest.spyOn(net.Socket.prototype, 'unref')
    try {
      let release: (() => void) | undefined
      const started = await serveKeptAlive((req, res) => {
        if (req.url === '/hold') release = () => res.end('held')
        else res.end('ok')
      })
      const ours = (socket: unknown) => socket instanceof net.Socket && socket.remotePort === started.port
      /** Whether the client's socket was last referenced (true), unreferenced (false), or neither yet. */
      const referenced = (): boolean | undefined => {
        const calls = [
          ...ref.mock.contexts.map((context, i) => ({ context, at: ref.mock.invocationCallOrder[i] ?? 0, on: true })),
          ...unref.mock.contexts.map((context, i) => ({
            context,
            at: unref.mock.invocationCallOrder[i] ?? 0,
            on: false
          }))
        ]
        return calls
          .filter((call) => ours(call.context))
          .sort((a, b) => a.at - b.at)
          .at(-1)?.on
      }
      const port = createHttpPort()

      const held = port.send(get(`${started.url}/hold`))
      while (!release) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(referenced()).not.toBe(false)
      release()
      await held
      expect(referenced()).toBe(false)

      const again = port.send(get(started.url))
      expect(referenced()).toBe(true)
      expect((await again).body).toBe('ok')
      expect(referenced()).toBe(false)
      expect(started.connections).toHaveLength(1)
      port.close?.()
    } finally {
      ref.mockRestore()
      unref.mockRestore()
    }
  })

  it('close() closes the idle connections', async () => {
    const started = await serveKeptAlive((_req, res) => res.end('ok'))
    const port = createHttpPort()
    await port.send(get(started.url))
    port.close?.()
    await closed(started.connections[0])
    // And the port still works, on a new connection.
    expect((await port.send(get(started.url))).body).toBe('ok')
    expect(started.connections).toHaveLength(2)
    port.close?.()
  })

  it('drops an idle connection on which the server sends anything, instead of reading it as the next answer', async () => {
    const started = await serveKeptAlive((req, res) => {
      if (req.url !== '/first') {
        res.end('genuine')
        return
      }
      res.end('first', () => {
        // A second answer nobody asked for, while the connection is idle.
        setTimeout(() => req.socket.write('HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged'), 20)
      })
    })
    const port = createHttpPort()
    expect((await port.send(get(`${started.url}/first`))).body).toBe('first')
    // The client closes it as the forged bytes arrive (a bound, so that a pool that keeps it fails below).
    await Promise.race([closed(started.connections[0]), new Promise((resolve) => setTimeout(resolve, 5_000))])

    expect((await port.send(get(`${started.url}/second`))).body).toBe('genuine')
    expect(started.connections).toHaveLength(2)
    port.close?.()
  }, 10_000)

  describe('a failed exchange never leaves its connection in the pool', () => {
    const cases: [string, () => Partial<HttpRequest>, http.RequestListener, RequestFailure['kind']][] = [
      ['timeout', () => ({ timeoutMs: 300 }), () => undefined, 'timeout'],
      [
        'too-large',
        () => ({}),
        (_req, res) => {
          res.writeHead(200, { 'Content-Length': String(MAX_BODY_BYTES + 1) })
          res.write('{')
        },
        'too-large'
      ],
      [
        'redirect',
        () => ({}),
        (_req, res) => {
          res.writeHead(302, { Location: '/elsewhere' })
          // A body the client does not read: the connection is unusable until it is.
          res.write('x'.repeat(1000))
        },
        'redirect'
      ],
      [
        'half a body cut off by cancelling',
        () => ({ signal: AbortSignal.timeout(300) }),
        (_req, res) => {
          res.writeHead(200)
          res.write('{"partial":')
        },
        'aborted'
      ]
    ]
    it.each(cases)(
      '%s: the socket is destroyed, and the next request gets a new connection',
      async (_what, more, first, kind) => {
        let served = 0
        const started = await serveKeptAlive((req, res) => {
          if (served++ === 0) first(req, res)
          else res.end('fresh')
        })
        const port = createHttpPort()
        expect((await failure(port.send(get(started.url, { timeoutMs: 15_000, ...more() })))).kind).toBe(kind)
        await closed(started.connections[0])

        expect((await port.send(get(started.url))).body).toBe('fresh')
        expect(started.connections).toHaveLength(2)
        port.close?.()
      },
      10_000
    )

    it('an error status with a whole body keeps its connection: it is healthy', async () => {
      const started = await serveKeptAlive((req, res) => {
        if (req.url === '/bad') res.writeHead(500).end('{"error":{}}')
        else res.end('ok')
      })
      const port = createHttpPort()
      expect((await port.send(get(`${started.url}/bad`))).status).toBe(500)
      expect((await port.send(get(started.url))).body).toBe('ok')
      expect(started.connections).toHaveLength(1)
      port.close?.()
    })
  })
})

/**
 * Node 24 (the runtime of the action and of `npm test`) can trust a certificate for the whole process
 * (`tls.setDefaultCACertificates`); on an older Node these are skipped, and the end-to-end tests through
 * a proxy (e2e-proxy.test.ts) cover TLS with a trusted certificate on every runtime.
 */
const setTrust = Reflect.get(tls, 'setDefaultCACertificates') as ((certs: string[]) => void) | undefined
const getTrust = Reflect.get(tls, 'getCACertificates') as ((which: 'default') => string[]) | undefined
const withTrust = setTrust && getTrust ? it : it.skip

/** Runs `fn` with `cert` trusted by this process's TLS clients, then restores the default trust. */
async function trusting<T>(cert: string, fn: () => Promise<T>): Promise<T> {
  if (!setTrust || !getTrust) throw new Error('no tls.setDefaultCACertificates on this Node')
  const saved = getTrust('default')
  setTrust([...saved, cert])
  try {
    return await fn()
  } finally {
    setTrust(saved)
  }
}

async function serveTls(names: { dns?: string[]; ipv4?: string[] }, handler: http.RequestListener) {
  const { key, cert } = selfSignedCertificate(names)
  const server = https.createServer({ key, cert }, handler)
  server.keepAliveTimeout = 60_000
  return { ...(await listen(server)), cert }
}

describe('kept-alive TLS connections', () => {
  withTrust('sends sequential https requests on one TLS connection', async () => {
    const started = await serveTls({ ipv4: ['127.0.0.1'] }, (req, res) => res.end(req.url))
    await trusting(started.cert, async () => {
      const port = createHttpPort()
      for (let i = 0; i < 10; i++) {
        expect((await port.send(get(`https://127.0.0.1:${started.port}/${i}`))).body).toBe(`/${i}`)
      }
      expect(started.connections).toHaveLength(1)
      port.close?.()
    })
  })

  withTrust(
    'sends a GET again on a new TLS connection when the reused one was closed',
    async () => {
      const seen: string[] = []
      const started = await serveTls({ ipv4: ['127.0.0.1'] }, (req, res) => {
        seen.push(req.url ?? '')
        if (seen.length === 2) req.socket.destroy()
        else res.end(req.url)
      })
      await trusting(started.cert, async () => {
        const port = createHttpPort()
        await port.send(get(`https://127.0.0.1:${started.port}/1`))
        expect((await port.send(get(`https://127.0.0.1:${started.port}/2`, { timeoutMs: 15_000 }))).body).toBe('/2')
        expect(seen).toEqual(['/1', '/2', '/2'])
        expect(started.connections).toHaveLength(2)
        port.close?.()
      })
    },
    10_000
  )
})

describe('a reused connection the server had closed', () => {
  /** Resolves once `socket` has closed, or throws if it is not there. */
  function lastOf(started: { connections: net.Socket[] }): net.Socket {
    const socket = started.connections.at(-1)
    if (!socket) throw new Error('no connection')
    return socket
  }

  it('closed while idle: the next GET is sent again, once, on a new connection', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req, res) => {
      seen.push(req.url ?? '')
      res.end(req.url)
    })
    const port = createHttpPort()
    expect((await port.send(get(`${started.url}/1`))).body).toBe('/1')

    // The server closes the idle connection, and the client sends before its event loop has seen the
    // close: the classic race of keep-alive (here in one synchronous block, so it is certain).
    lastOf(started).destroy()
    const pending = port.send(get(`${started.url}/2`))

    expect((await pending).body).toBe('/2')
    expect(seen).toEqual(['/1', '/2'])
    expect(started.connections).toHaveLength(2)
    port.close?.()
  })

  it.each([
    ['resets', (socket: net.Socket) => socket.resetAndDestroy()],
    ['closes', (socket: net.Socket) => socket.destroy()]
  ])(
    '%s a reused connection on a GET before any answer: sent again on a new one',
    async (_how, drop) => {
      const seen: string[] = []
      const started = await serveKeptAlive((req, res) => {
        seen.push(req.url ?? '')
        if (seen.length === 2) drop(req.socket)
        else res.end(req.url)
      })
      const port = createHttpPort()
      await port.send(get(`${started.url}/1`))

      expect((await port.send(get(`${started.url}/2`, { timeoutMs: 15_000 }))).body).toBe('/2')
      expect(seen).toEqual(['/1', '/2', '/2'])
      expect(started.connections).toHaveLength(2)
      port.close?.()
    },
    10_000
  )

  it('retries once only: a retry that fails too is the failure', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req, res) => {
      seen.push(req.url ?? '')
      if (seen.length === 1) res.end('ok')
      else req.socket.resetAndDestroy()
    })
    const port = createHttpPort()
    await port.send(get(`${started.url}/1`))

    const error = await failure(port.send(get(`${started.url}/2`, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/ECONNRESET|socket hang up/)
    expect(seen).toEqual(['/1', '/2', '/2'])
    port.close?.()
  }, 10_000)

  it('does not retry on a new connection: that is an answer about the server', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req) => {
      seen.push(req.url ?? '')
      req.socket.resetAndDestroy()
    })
    const error = await failure(createHttpPort().send(get(`${started.url}/1`, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(seen).toEqual(['/1'])
  }, 10_000)

  it('does not retry once a response began', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req, res) => {
      seen.push(req.url ?? '')
      if (seen.length === 1) {
        res.end('ok')
        return
      }
      // Half a status line, then a reset: the server did act on the request.
      req.socket.write('HTTP/1.1 200', () => {
        setTimeout(() => req.socket.resetAndDestroy(), 20)
      })
    })
    const port = createHttpPort()
    await port.send(get(`${started.url}/1`))

    const error = await failure(port.send(get(`${started.url}/2`, { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(seen).toEqual(['/1', '/2'])
    port.close?.()
  }, 10_000)

  it('does not retry a POST (not idempotent): it fails, and its caller decides', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req, res) => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`)
      req.resume()
      if (seen.length === 1) res.end('ok')
      else req.socket.resetAndDestroy()
    })
    const port = createHttpPort()
    await port.send(get(`${started.url}/1`))

    const error = await failure(
      port.send({ method: 'POST', url: `${started.url}/token`, headers: {}, body: 'a=1', timeoutMs: 15_000 })
    )
    expect(error.kind).toBe('network')
    expect(seen).toEqual(['GET /1', 'POST /token'])
    port.close?.()
  }, 10_000)

  it('keeps to the one time limit across the retry', async () => {
    const seen: string[] = []
    const started = await serveKeptAlive((req, res) => {
      seen.push(req.url ?? '')
      if (seen.length === 1) res.end('ok')
      else if (seen.length === 2) req.socket.resetAndDestroy()
      // the retry is never answered
    })
    const port = createHttpPort()
    await port.send(get(`${started.url}/1`))

    const error = await failure(port.send(get(`${started.url}/2`, { timeoutMs: 500 })))
    expect(error).toMatchObject({ kind: 'timeout', message: 'no response within 500ms' })
    expect(seen).toEqual(['/1', '/2', '/2'])
    await closed(lastOf(started))
    port.close?.()
  }, 10_000)
})

describe('through a proxy', () => {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'] as const
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]))
  afterEach(() => {
    for (const name of names) {
      const value = saved[name]
      if (value === undefined) Reflect.deleteProperty(process.env, name)
      else process.env[name] = value
    }
  })
  function useProxy(name: 'HTTPS_PROXY' | 'HTTP_PROXY', url: string): void {
    for (const other of names) Reflect.deleteProperty(process.env, other)
    process.env[name] = url
  }

  const OPEN = 'HTTP/1.1 200 Connection established\r\n\r\n'

  /**
   * A CONNECT proxy: records the CONNECT line and its headers (names lower-cased), answers `answer`,
   * and on a 2xx hands the tunnel to `tunnel`.
   */
  async function proxy(tunnel: (socket: net.Socket) => void, answer = OPEN) {
    const requests: string[] = []
    const headers: Record<string, string>[] = []
    const started = await listen(
      net.createServer((socket) => {
        let head = ''
        const onData = (data: Buffer): void => {
          head += data.toString('latin1')
          const end = head.indexOf('\r\n\r\n')
          if (end < 0) return
          socket.off('data', onData)
          const [line = '', ...fields] = head.slice(0, end).split('\r\n')
          requests.push(line)
          headers.push(
            Object.fromEntries(
              fields.map((field) => [
                field.slice(0, field.indexOf(':')).toLowerCase(),
                field.slice(field.indexOf(':') + 1).trim()
              ])
            )
          )
          socket.write(answer)
          if (answer.startsWith('HTTP/1.1 2')) tunnel(socket)
          else socket.end()
        }
        socket.on('data', onData)
        socket.on('error', () => undefined)
      })
    )
    return { ...started, requests, headers }
  }

  /** Joins a tunnel to the server on 127.0.0.1:`port`, whatever host the CONNECT named. */
  const forwardTo =
    (port: number) =>
    (socket: net.Socket): void => {
      const upstream = net.connect(port, '127.0.0.1')
      sockets.add(upstream)
      upstream.on('error', () => socket.destroy())
      upstream.on('close', () => socket.destroy())
      socket.on('close', () => upstream.destroy())
      socket.pipe(upstream).pipe(socket)
    }

  it('times out through a tunnel that never answers and closes the socket to the proxy', async () => {
    const started = await proxy(() => {
      // Accepts the tunnel, then says nothing (the TLS handshake never completes).
    })
    useProxy('HTTPS_PROXY', started.url)

    const error = await failure(createHttpPort().send(get('https://example.invalid/x', { timeoutMs: 500 })))

    expect(error.kind).toBe('timeout')
    expect(started.requests).toEqual(['CONNECT example.invalid:443 HTTP/1.1'])
    await closed(started.connections[0])
  }, 10_000)

  it('times out on a proxy that never answers the CONNECT and closes the socket to it', async () => {
    const requests: string[] = []
    const started = await listen(
      net.createServer((socket) => {
        socket.on('data', (data: Buffer) => requests.push(data.toString('latin1').split('\r\n')[0] ?? ''))
      })
    )
    useProxy('HTTPS_PROXY', started.url)

    const error = await failure(createHttpPort().send(get('https://example.invalid/x', { timeoutMs: 500 })))

    expect(error.kind).toBe('timeout')
    expect(requests).toEqual(['CONNECT example.invalid:443 HTTP/1.1'])
    await closed(started.connections[0])
  }, 10_000)

  it('sends plain HTTP through the tunnel as the runner client does', async () => {
    const started = await proxy((socket) => {
      socket.once('data', () => {
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia proxy')
      })
    })
    useProxy('HTTP_PROXY', started.url)

    const response = await createHttpPort().send(get('http://example.invalid/x'))

    expect(response.body).toBe('via proxy')
    expect(started.requests).toEqual(['CONNECT example.invalid:80 HTTP/1.1'])
  }, 10_000)

  it('goes straight to loopback hosts', async () => {
    const started = await proxy((socket) => socket.destroy())
    const { url } = await serve((_req, res) => res.end('direct'))
    useProxy('HTTP_PROXY', started.url)

    expect((await createHttpPort().send(get(url))).body).toBe('direct')
    expect(started.connections).toHaveLength(0)
  })

  it('sends the proxy credentials to the proxy only, in the CONNECT; the request inside goes as it would directly', async () => {
    const seen: http.IncomingHttpHeaders[] = []
    const target = await serveKeptAlive((req, res) => {
      seen.push(req.headers)
      res.end(`${req.method ?? ''} ${req.url ?? ''}`)
    })
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTP_PROXY', `http://us%3Aer:p%40ss@127.0.0.1:${started.port}`)

    const response = await createHttpPort().send(
      get('http://api.example.invalid/x?y=1', { headers: { Authorization: 'Bearer t0ken' } })
    )

    expect(response.body).toBe('GET /x?y=1')
    expect(started.requests).toEqual(['CONNECT api.example.invalid:80 HTTP/1.1'])
    // The user info, decoded as the runner client decodes it, as Basic credentials.
    expect(started.headers[0]?.['proxy-authorization']).toBe(`Basic ${Buffer.from('us:er:p@ss').toString('base64')}`)
    expect(started.headers[0]?.host).toBe('api.example.invalid:80')
    expect(started.headers[0]?.authorization).toBeUndefined()
    expect(seen[0]?.['proxy-authorization']).toBeUndefined()
    expect(seen[0]?.authorization).toBe('Bearer t0ken')
    expect(seen[0]?.host).toBe('api.example.invalid')
  })

  it('sends no Proxy-Authorization when the proxy URL has no credentials', async () => {
    const target = await serveKeptAlive((_req, res) => res.end('ok'))
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTP_PROXY', started.url)
    await createHttpPort().send(get('http://api.example.invalid/'))
    expect(started.headers[0]).not.toHaveProperty('proxy-authorization')
  })

  it('keeps the tunnel alive and reuses it, one per request in flight', async () => {
    const waiting: http.ServerResponse[] = []
    const target = await serveKeptAlive((req, res) => {
      if (req.url !== '/wave') {
        res.end('ok')
        return
      }
      waiting.push(res)
      if (waiting.length === 3) for (const held of waiting.splice(0)) held.end('ok')
    })
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTP_PROXY', started.url)
    const port = createHttpPort()

    for (let i = 0; i < 10; i++) await port.send(get('http://api.example.invalid/'))
    expect(started.requests).toHaveLength(1)
    expect(target.connections).toHaveLength(1)

    const wave = () => Promise.all(Array.from({ length: 3 }, () => port.send(get('http://api.example.invalid/wave'))))
    await wave()
    await wave()
    expect(started.requests).toHaveLength(3)
    expect(target.connections).toHaveLength(3)
    port.close?.()
  })

  it('opens a new tunnel when the reused one was closed, and sends the GET again once', async () => {
    const seen: string[] = []
    const target = await serveKeptAlive((req, res) => {
      seen.push(req.url ?? '')
      if (seen.length === 2) req.socket.resetAndDestroy()
      else res.end(req.url)
    })
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTP_PROXY', started.url)
    const port = createHttpPort()

    await port.send(get('http://api.example.invalid/1'))
    expect((await port.send(get('http://api.example.invalid/2', { timeoutMs: 15_000 }))).body).toBe('/2')
    expect(seen).toEqual(['/1', '/2', '/2'])
    expect(started.requests).toHaveLength(2)
    port.close?.()
  }, 10_000)

  it.each([
    [
      407,
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'
    ],
    [403, 'HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden']
  ])(
    'fails clearly when the proxy refuses the CONNECT with %i, never naming its credentials',
    async (status, answer) => {
      const started = await proxy(() => undefined, answer)
      useProxy('HTTPS_PROXY', `http://alice:s3cret-pw@127.0.0.1:${started.port}`)

      const error = await failure(createHttpPort().send(get('https://api.example.invalid/x', { timeoutMs: 15_000 })))

      expect(error.kind).toBe('network')
      expect(error.message).toBe(`proxy refused the tunnel to api.example.invalid:443: HTTP ${status}`)
      expect(error.message).not.toMatch(/alice|s3cret|YWxpY2/)
      await closed(started.connections[0])
    },
    10_000
  )

  it('fails clearly when the proxy hangs up instead of answering', async () => {
    const started = await listen(net.createServer((socket) => socket.once('data', () => socket.destroy())))
    useProxy('HTTPS_PROXY', started.url)
    const error = await failure(createHttpPort().send(get('https://api.example.invalid/x', { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^proxy connection failed: /)
  }, 10_000)

  it('fails clearly when the proxy cannot be reached', async () => {
    const { server, port } = await serve(() => undefined)
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve()
      })
    })
    useProxy('HTTPS_PROXY', `http://user:pw@127.0.0.1:${port}`)
    const error = await failure(createHttpPort().send(get('https://api.example.invalid/x', { timeoutMs: 15_000 })))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^proxy connection failed: .*ECONNREFUSED/)
    expect(error.message).not.toContain('pw')
  }, 10_000)

  it('refuses a tunnel whose proxy sends data before the request', async () => {
    const started = await proxy(() => undefined, `${OPEN}HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged`)
    useProxy('HTTP_PROXY', started.url)
    const error = await failure(createHttpPort().send(get('http://api.example.invalid/x', { timeoutMs: 15_000 })))
    expect(error).toMatchObject({
      kind: 'network',
      message: 'proxy sent data before the tunnel to api.example.invalid:80 was used'
    })
    await closed(started.connections[0])
  }, 10_000)

  it('speaks TLS with the target inside the tunnel, with its name, and checks its certificate', async () => {
    const { key, cert } = selfSignedCertificate({ dns: ['secure.offer-status.test'] })
    const names: string[] = []
    const target = await listen(
      https.createServer(
        {
          key,
          cert,
          SNICallback: (name, done) => {
            names.push(name)
            done(null, tls.createSecureContext({ key, cert }))
          }
        },
        (_req, res) => res.end('should not be read')
      )
    )
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTPS_PROXY', started.url)

    // The certificate is nobody's: a client that checks refuses it.
    const error = await failure(createHttpPort().send(get('https://secure.offer-status.test/x', { timeoutMs: 15_000 })))

    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/self-signed certificate/)
    expect(started.requests).toEqual(['CONNECT secure.offer-status.test:443 HTTP/1.1'])
    expect(names).toEqual(['secure.offer-status.test'])
    await closed(started.connections[0])
  }, 10_000)

  withTrust('reuses one tunnel, and one TLS connection inside it, for https requests', async () => {
    const seen: http.IncomingHttpHeaders[] = []
    const target = await serveTls({ dns: ['secure.offer-status.test'] }, (req, res) => {
      seen.push(req.headers)
      res.end(req.url)
    })
    const started = await proxy(forwardTo(target.port))
    useProxy('HTTPS_PROXY', `http://user:pw@127.0.0.1:${started.port}`)
    await trusting(target.cert, async () => {
      const port = createHttpPort()
      for (let i = 0; i < 5; i++) {
        expect((await port.send(get(`https://secure.offer-status.test/${i}`))).body).toBe(`/${i}`)
      }
      port.close?.()
    })
    expect(started.requests).toEqual(['CONNECT secure.offer-status.test:443 HTTP/1.1'])
    expect(target.connections).toHaveLength(1)
    expect(seen.map((headers) => headers['proxy-authorization'])).toEqual(Array<undefined>(5).fill(undefined))
  })

  it('speaks TLS with an https: proxy, and checks its certificate', async () => {
    const { key, cert } = selfSignedCertificate({ dns: ['localhost'] })
    const started = await listen(tls.createServer({ key, cert }, (socket) => socket.destroy()))
    useProxy('HTTPS_PROXY', `https://localhost:${started.port}`)

    const error = await failure(createHttpPort().send(get('https://api.example.invalid/x', { timeoutMs: 15_000 })))

    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^proxy connection failed: self-signed certificate/)
  }, 10_000)

  it('goes straight to a NO_PROXY host', async () => {
    const started = await proxy((socket) => socket.destroy())
    useProxy('HTTP_PROXY', started.url)
    process.env.NO_PROXY = 'other.test, .invalid'

    // Straight to a name that does not resolve: it fails, and the proxy hears nothing.
    await failure(createHttpPort().send(get('http://api.example.invalid/x', { timeoutMs: 2_000 })))
    expect(started.connections).toHaveLength(0)

    process.env.NO_PROXY = 'other.test'
    await failure(createHttpPort().send(get('http://api.example.invalid/x', { timeoutMs: 2_000 })))
    expect(started.requests).toEqual(['CONNECT api.example.invalid:80 HTTP/1.1'])
  }, 10_000)
})
