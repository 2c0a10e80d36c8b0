/**
 * A source of offer status. The Cloud Partner Portal is the first (`cpp.ts`); Partner Center's
 * product-ingestion API can stand beside it by implementing the same interface.
 */
import type { OfferSnapshot } from '../snapshot.js'

export type ReadOutcome =
  | { kind: 'ok'; snapshot: OfferSnapshot }
  /** Worth another try: throttling, a server error, no response, a body that is not a status. */
  | { kind: 'transient'; reason: string; retryAfterMs?: number; timedOut?: true }
  /** Not worth another try: the request itself is wrong or not allowed. */
  | { kind: 'fatal'; reason: string; httpStatus?: number }

export interface StatusSource {
  /** What is watched, for logs and the summary, e.g. `contoso/vm-offer`. */
  readonly label: string
  read(options: { timeoutMs: number; signal: AbortSignal }): Promise<ReadOutcome>
}
