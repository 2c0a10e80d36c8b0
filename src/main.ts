/**
 * The action: read the settings, watch the offers, report. Decisions live in the pure modules
 * (`poll.ts`, `verdict.ts`, `summary.ts`); this file only wires them to the runner.
 */
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
import { carriedFirstSeen, type LoadedState } from './since.js'
import { loadState, logChanges, saveState, stateFileOf, type StateFile, type StateLog } from './state-file.js'
import { reportOf } from './report.js'
import { renderProblemSummary } from './summary.js'
import { neutralize } from './text.js'

/** Where the state file's lines go: the log, and a warning annotation. */
const stateLog: StateLog = {
  info: (line) => {
    core.info(line)
  },
  warning: (line) => {
    core.warning(line, { title: 'State file' })
  }
}

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
    state = stateFileOf(settings, process.env.GITHUB_WORKSPACE || process.cwd())
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
      sources.flatMap((source) => [source.key ?? '', ...(source.aliases ?? [])]),
      stateLog
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

async function report(
  results: WatchResult[],
  settings: Settings,
  state?: StateFile,
  loaded?: LoadedState
): Promise<void> {
  const { verdicts, overall, since, next, outputs, annotations, summary } = reportOf(
    results,
    settings,
    now(),
    state && { file: state.input, ...(loaded ? { loaded } : {}) }
  )
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  if (state && next) {
    saveState(state, next, stateLog, loaded)
    logChanges(since, results.length > 1, stateLog)
  }
  for (const reason of annotations.errors) {
    core.error(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) })
  }
  for (const reason of annotations.warnings) {
    core.warning(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) })
  }
  await writeSummary(summary)
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
