/**
 * A source of offer status: one offer (or publishing job) of one API. The Cloud Partner Portal
 * (`cpp.ts`) and Partner Center's Product Ingestion API (`ingestion.ts`) implement it; `factory.ts`
 * turns the settings into sources. Nothing outside this folder names an API.
 */
import type { OfferSnapshot } from '../snapshot.js'

export type ReadOutcome =
  | { kind: 'ok'; snapshot: OfferSnapshot }
  /** Worth another try: throttling, a server error, no response, a body that is not a status. */
  | { kind: 'transient'; reason: string; retryAfterMs?: number; timedOut?: true }
  /**
   * Not worth another try: the request itself is wrong or not allowed. `signIn` when it was the
   * sign-in (Entra ID, GitHub's ID token) that failed, before the API was asked.
   */
  | { kind: 'fatal'; reason: string; httpStatus?: number; signIn?: true }

/** A read that failed: what `read` returns when it is not ok. */
export type ReadFailure = Exclude<ReadOutcome, { kind: 'ok' }>

export interface StatusSource {
  /** What is watched, for the outputs: the offer ID, or the configure job's ID. */
  readonly id: string
  /** What is watched, for logs and the summary, e.g. `contoso/vm-offer`. */
  readonly label: string
  /** What is watched: an offer (the default) or a publishing job. */
  readonly kind?: 'offer' | 'job'
  /**
   * The item's name across runs, for the state a scheduled check leaves (`state.ts`'s `stateKey`):
   * which API, which kind, which ID. A source that may switch APIs says the one that answered.
   */
  readonly key?: string
  /** The keys the item may turn out to have instead, until it answers (the other API's). */
  readonly aliases?: readonly string[]
  /** The API's own polling pace, used when the `interval` input is empty (default 30 s). */
  readonly intervalMs?: number
  /** With the `interval` input empty: the shortest time between two looks the API asks for. */
  readonly minIntervalMs?: number
  read(options: ReadOptions): Promise<ReadOutcome>
}

export interface ReadOptions {
  /** The longest the read's requests may take, counted from when they are sent. */
  timeoutMs: number
  signal: AbortSignal
  /**
   * When set, the watch's deadline (on the watch's clock): a read that waits before it is sent (for a
   * free request slot, or out a throttle) still gets its whole `timeoutMs`, but never past this.
   */
  notAfter?: number
}
