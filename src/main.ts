/**
 * The action: read the settings, watch the offers, report. Decisions live in the pure modules
 * (`poll.ts`, `verdict.ts`, `summary.ts`); this file only wires them to the runner.
 */
import { annotationsOf } from './annotations.js'
import { createCredentials, type Credentials } from './auth.js'
import { formatDuration } from './duration.js'
import { createHttpPort, type HttpPort } from './http.js'
import { InputError, readSettings, type Settings } from './inputs.js'
import { outputsOf } from './outputs.js'
import type { WatchEvent, WatchResult } from './poll.js'
import { watchAll } from './portfolio.js'
import { now, random, sleep } from './ports.js'
import { pollLine, stepLines } from './progress.js'
import * as core from './runner.js'
import { waitsForPublisherReview } from './snapshot.js'
import { createSources } from './sources/factory.js'
import type { StatusSource } from './sources/source.js'
import { carriedFirstSeen, sinceLastCheck, unrelatedWarning, type LoadedState, type SinceLastCheck } from './since.js'
import { parseState, readStateFile, serializeState, writeStateFile, type NextState } from './state.js'
import { resolveStatePath } from './state-path.js'
import { renderProblemSummary, renderSummary } from './summary.js'
import { neutralize } from './text.js'
import { judge, overallResult } from './verdict.js'

const SIGN_IN: Record<Credentials['mode'], string> = {
  token: 'with the token input',
  'client-secret': 'signing in with a client secret',
  oidc: 'signing in with GitHub OIDC'
}

/** After a cancel signal, the process is gone by then whatever is still pending. */
const CANCEL_GRACE_MS = 1_500

export async function run(): Promise<void> {
  // Mask the secrets before anything else runs, so that no later line can print them.
  for (const name of ['token', 'client-secret']) {
    const secret = core.getInput(name)
    if (secret) core.setSecret(secret)
  }

  let settings: Settings
  let credentials: Credentials
  let sources: StatusSource[]
  let notes: string[]
  let http: HttpPort
  let state: StateFile | undefined
  try {
    settings = readSettings((name) => core.getInput(name))
    state = stateFileOf(settings)
    // Kept-alive connections: as many idle ones per origin as requests may be in flight.
    http = createHttpPort({ maxIdleSockets: settings.maxConcurrency })
    credentials = createCredentials(settings.auth, process.env, {
      http,
      now,
      mask: (secret) => {
        core.setSecret(secret)
      },
      log: (message) => {
        core.info(message)
      }
    })
    // The route a token's audience decides can still make an input wrong: judged before any request.
    const built = createSources(settings, credentials, {
      http,
      now,
      debug: (message) => {
        core.debug(message)
      },
      log: (message) => {
        core.info(message)
      }
    })
    sources = built.sources
    notes = built.notes
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    for (const line of error.message.split('\n')) core.error(neutralize(line, 2_000), { title: error.title })
    for (const [name, value] of Object.entries(outputsOf([], [], 'failed'))) core.setOutput(name, value)
    await writeSummary(renderProblemSummary(`Offer status: ${error.title.toLowerCase()}`, error.message))
    process.exitCode = core.ExitCode.Failure
    return
  }

  const loaded =
    state &&
    loadState(
      state,
      sources.map((source) => source.key ?? '')
    )
  const controller = new AbortController()
  const stopSignals = onCancelSignal((signal) => {
    core.info(`Received ${signal}: stopping and writing the summary.`)
    controller.abort()
    setTimeout(() => process.exit(core.ExitCode.Failure), CANCEL_GRACE_MS).unref()
  })

  try {
    const offers = settings.offerIds.length
    const jobs = settings.jobIds.length
    const what =
      sources.length === 1
        ? `${offers === 1 ? 'offer ' : ''}${sources[0]?.label ?? ''}`
        : [
            offers > 0
              ? `${offers} ${offers === 1 ? 'offer' : 'offers'}${settings.publisherId ? ` of ${settings.publisherId}` : ''}`
              : '',
            jobs > 0 ? `${jobs} configure ${jobs === 1 ? 'job' : 'jobs'}` : ''
          ]
            .filter(Boolean)
            .join(' and ')
    const pace =
      settings.intervalMs === undefined
        ? `polling at each API's pace up to ${formatDuration(settings.maxIntervalMs)}`
        : `polling every ${formatDuration(settings.intervalMs)} to ${formatDuration(settings.maxIntervalMs)}`
    core.info(
      `Watching ${what} (${SIGN_IN[credentials.mode]}): wait-for ${settings.waitFor}, ` +
        `timeout ${formatDuration(settings.timeoutMs)}, ${pace}.`
    )
    for (const note of notes) core.info(note)
    const results = await watchAll(sources, settings, {
      now,
      sleep,
      random,
      signal: controller.signal,
      onEvent: logger(settings, sources.length > 1),
      carriedFirstSeen: carriedFirstSeen(loaded)
    })
    await report(results, settings, state, loaded)
  } finally {
    stopSignals()
    http.close?.()
  }
}

function logger(settings: Settings, several: boolean): (event: WatchEvent) => void {
  const toldAboutReview = new Set<string>()
  const line = (event: WatchEvent): string => pollLine(event, { withLabel: several })
  return (event) => {
    switch (event.type) {
      case 'transient':
      case 'stuck':
        core.info(line(event))
        return
      case 'read':
        // The steps only when something changed: a quiet wait logs one line a poll.
        if (event.changed) {
          core.startGroup(line(event))
          for (const detail of stepLines(event.snapshot)) core.info(detail)
          core.endGroup()
        } else {
          core.info(line(event))
        }
        if (
          settings.waitFor === 'completion' &&
          !toldAboutReview.has(event.label) &&
          waitsForPublisherReview(event.snapshot)
        ) {
          toldAboutReview.add(event.label)
          const who = several ? `${neutralize(event.label, 120)}: ` : ''
          core.info(
            `${who}The preview is ready and waits for the publisher: go live in Partner Center to finish publishing.`
          )
        }
    }
  }
}

/** The `state-file` input: as given (for messages) and where it resolves. */
interface StateFile {
  input: string
  path: string
}

/** @throws {InputError} when the state file would lie outside the workspace. */
function stateFileOf(settings: Settings): StateFile | undefined {
  if (settings.stateFile === undefined) return undefined
  const where = resolveStatePath(settings.stateFile, process.env.GITHUB_WORKSPACE || process.cwd())
  if ('problem' in where) throw new InputError(`Input 'state-file' ${where.problem}`)
  return { input: settings.stateFile, path: where.path }
}

/**
 * What the last check left of the items with these `keys`; never fails: a file that cannot be used, or
 * holds none of them, is one warning and a first check.
 */
function loadState(file: StateFile, keys: readonly string[]): LoadedState {
  const parsed = parseState(readStateFile(file.path), file.input)
  const warning = parsed.warning ?? unrelatedWarning(parsed.state, file.input, keys)
  if (warning) core.warning(warning, { title: 'State file' })
  const loaded: LoadedState = { file: file.input, state: parsed.state }
  if (warning) loaded.warning = warning
  const items = parsed.state.items.size
  if (items > 0) core.info(`Read the state of the last check: ${items} ${items === 1 ? 'item' : 'items'}.`)
  return loaded
}

/** Leaves the state for the next check; a failure to is a warning (this check's own report stands). */
function saveState(file: StateFile, next: NextState): void {
  const text = serializeState(next.state)
  // Checked again: a directory of the path may have been swapped for a link while the check ran.
  const where = resolveStatePath(file.input, process.env.GITHUB_WORKSPACE || process.cwd())
  const written = 'problem' in where ? { error: `the path ${where.problem}` } : writeStateFile(where.path, text)
  const name = neutralize(file.input, 200)
  if ('error' in written) {
    core.warning(`Could not write the state file ${name}: ${neutralize(written.error, 500)}`, { title: 'State file' })
    return
  }
  const items = next.state.items.size
  core.info(
    `Wrote the state for the next check to ${name}: ${items} ${items === 1 ? 'item' : 'items'}, ` +
      `${Buffer.byteLength(text).toLocaleString('en-US')} bytes.`
  )
  const cut = [...next.dropped, ...next.expired]
  if (next.dropped.length > 0) {
    core.warning(
      `The state file ${name} would outgrow its size limit: left out ${next.dropped.length} of its items ` +
        `(those not watched here first, the oldest first), which start as first checks next time.`,
      { title: 'State file' }
    )
  }
  if (next.expired.length > 0) {
    core.info(`Left out ${next.expired.length} items no check has looked at for 90 days.`)
  }
  if (cut.length === 0 && next.historyKept !== undefined) {
    core.info(`Kept the first and last ${next.historyKept} changes of each item's history, to fit the size limit.`)
  }
}

/** One line a change since the last check (at most 20, then a count), for the log. */
function logChanges(since: SinceLastCheck, several: boolean): void {
  const { changes, lastCheckAt } = since
  const when =
    lastCheckAt === undefined ? 'this is the first check' : `last check ${formatDuration(since.now - lastCheckAt)} ago`
  if (changes.length === 0) {
    core.info(`Nothing changed since the last check (${when}).`)
    return
  }
  core.info(`Changed since the last check (${when}):`)
  for (const change of changes.slice(0, 20)) {
    const who = several ? `${change.item}: ` : ''
    const what = change.what === 'status' ? 'status' : (change.name ?? change.step ?? '')
    const move = change.from === undefined ? `${change.to} (first seen)` : `${change.from} → ${change.to}`
    core.info(`  ${neutralize(`${who}${what} ${move}`, 300)}`)
  }
  if (changes.length > 20) core.info(`  … and ${changes.length - 20} more (see the changes output)`)
}

async function report(
  results: WatchResult[],
  settings: Settings,
  state?: StateFile,
  loaded?: LoadedState
): Promise<void> {
  const verdicts = results.map((result) => judge(result, settings))
  const overall = overallResult(verdicts)
  // Without a state file every check is a first one: `changed` says whether any status was read.
  const { since, next } = sinceLastCheck(
    loaded,
    results,
    verdicts.map((verdict) => verdict.outcome),
    now(),
    state?.input
  )
  for (const [name, value] of Object.entries(outputsOf(results, verdicts, overall, since.changes))) {
    core.setOutput(name, value)
  }
  if (state) {
    saveState(state, next)
    logChanges(since, results.length > 1)
  }
  const { errors, warnings } = annotationsOf(verdicts)
  for (const reason of errors) core.error(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) })
  for (const reason of warnings) {
    core.warning(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) })
  }
  await writeSummary(renderSummary(results, verdicts, overall, state ? { since } : {}))
  const [only] = verdicts
  if (only && verdicts.length === 1) {
    core.info(`Result: ${overall} (${neutralize(only.headline, 300)})`)
    core.info(`Next: ${neutralize(only.next, 300)}`)
  } else core.info(`Result: ${overall}`)
  if (verdicts.some((verdict) => verdict.failures.length > 0)) process.exitCode = core.ExitCode.Failure
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * Calls `handler` on the first SIGINT or SIGTERM (the runner's cancel and job timeout); returns an
 * unsubscribe. A second signal changes nothing: the summary and outputs are being written, and the
 * grace timer ends the process in any case.
 */
function onCancelSignal(handler: (signal: NodeJS.Signals) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
  let fired = false
  const listener = (signal: NodeJS.Signals): void => {
    if (fired) {
      core.info(`Received ${signal} again: still writing the summary.`)
      return
    }
    fired = true
    handler(signal)
  }
  for (const s of signals) process.on(s, listener)
  return () => {
    for (const s of signals) process.off(s, listener)
  }
}
