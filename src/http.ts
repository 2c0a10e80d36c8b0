/**
 * The HTTP port: the one thing the status sources need from the network. The real adapter wraps
 * `@actions/http-client` (proxy settings of the runner included); tests pass fakes or the simulator.
 */
import { HttpClient } from '@actions/http-client'

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
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>
  body: string
}

export interface HttpPort {
  /** Resolves with any HTTP status; rejects with a {@link RequestFailure} when there is no response. */
  send(request: HttpRequest): Promise<HttpResponse>
}

/** No response: the connection failed, the request timed out, or it was cancelled. */
export class RequestFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'aborted',
    message: string
  ) {
    super(message)
    this.name = 'RequestFailure'
  }
}

const USER_AGENT = 'offer-status-action'

export function createHttpPort(): HttpPort {
  return {
    send(request) {
      if (request.signal?.aborted) return Promise.reject(new RequestFailure('aborted', 'request cancelled'))
      // A client per request: disposing it destroys its sockets, which is how a request is cut short.
      const client = new HttpClient(USER_AGENT, [], {
        allowRetries: false,
        keepAlive: false,
        socketTimeout: Math.max(1, request.timeoutMs)
      })
      return new Promise<HttpResponse>((resolve, reject) => {
        let settled = false
        const finish = (action: () => void): void => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          request.signal?.removeEventListener('abort', onAbort)
          client.dispose()
          action()
        }
        const onAbort = (): void => {
          finish(() => {
            reject(new RequestFailure('aborted', 'request cancelled'))
          })
        }
        const timer = setTimeout(
          () => {
            finish(() => {
              reject(new RequestFailure('timeout', `no response within ${request.timeoutMs}ms`))
            })
          },
          Math.max(1, request.timeoutMs)
        )
        request.signal?.addEventListener('abort', onAbort, { once: true })

        const pending =
          request.method === 'POST'
            ? client.post(request.url, request.body ?? '', request.headers)
            : client.get(request.url, request.headers)
        pending
          .then(async (res) => {
            const body = await res.readBody()
            const headers: Record<string, string | undefined> = {}
            for (const [name, value] of Object.entries(res.message.headers)) {
              headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
            }
            finish(() => {
              resolve({ status: res.message.statusCode ?? 0, headers, body })
            })
          })
          .catch((error: unknown) => {
            const message = error instanceof Error ? error.message : String(error)
            const kind = /timeout/i.test(message) ? 'timeout' : 'network'
            finish(() => {
              reject(new RequestFailure(kind, message))
            })
          })
      })
    }
  }
}
