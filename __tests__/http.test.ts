/**
 * The real HTTP adapter against real servers on 127.0.0.1 (port 0). No assertion depends on how
 * fast anything runs: time limits are only ever expected to fire, or to be far away.
 */
import { once } from 'node:events'
import * as http from 'node:http'
import * as net from 'node:net'
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpPort, MAX_BODY_BYTES, RequestFailure, type HttpRequest } from '../src/http.js'

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

  /** A CONNECT proxy: records the CONNECT line, then hands the tunnel to `tunnel`. */
  async function proxy(tunnel: (socket: net.Socket) => void) {
    const requests: string[] = []
    const started = await listen(
      net.createServer((socket) => {
        let head = ''
        const onData = (data: Buffer): void => {
          head += data.toString('latin1')
          const end = head.indexOf('\r\n\r\n')
          if (end < 0) return
          socket.off('data', onData)
          requests.push(head.slice(0, head.indexOf('\r\n')))
          socket.write('HTTP/1.1 200 Connection established\r\n\r\n')
          tunnel(socket)
        }
        socket.on('data', onData)
        socket.on('error', () => undefined)
      })
    )
    return { ...started, requests }
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

  it('goes straight to loopback and to NO_PROXY hosts', async () => {
    const started = await proxy((socket) => socket.destroy())
    const { url } = await serve((_req, res) => res.end('direct'))
    useProxy('HTTP_PROXY', started.url)

    expect((await createHttpPort().send(get(url))).body).toBe('direct')
    expect(started.connections).toHaveLength(0)
  })
})
