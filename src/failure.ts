/**
 * What a request that got no usable answer means to the caller: worth another try (no response,
 * a reset, an answer too large) or not (a redirect, which the action never follows).
 */
import { RequestFailure } from './http.js'
import { neutralize } from './text.js'

export type FailureOutcome =
  /** `timedOut`: no response within the time the request was given. */
  { kind: 'transient'; reason: string; timedOut?: true } | { kind: 'fatal'; reason: string }

/** The outcome of a request to `what` (e.g. `Entra ID sign-in`; empty for the status API) that threw. */
export function failureOutcome(error: unknown, timeoutMs: number, what = ''): FailureOutcome {
  const prefix = what ? `${what}: ` : ''
  const message = neutralize(error instanceof Error ? error.message : String(error), 300)
  if (!(error instanceof RequestFailure)) return { kind: 'transient', reason: `${prefix}connection failed: ${message}` }
  switch (error.kind) {
    case 'timeout':
      return { kind: 'transient', reason: `${prefix}no response within ${timeoutMs}ms`, timedOut: true }
    case 'aborted':
      return { kind: 'transient', reason: `${prefix}request cancelled` }
    case 'redirect':
      return {
        kind: 'fatal',
        reason: `${prefix}${message}: the action never follows a redirect, so that credentials stay with the configured host; check the URL input`
      }
    case 'too-large':
      return { kind: 'transient', reason: `${prefix}${message}` }
    case 'network':
      return { kind: 'transient', reason: `${prefix}connection failed: ${message}` }
  }
}
