/**
 * The state file of scheduled checks at the edge: where the `state-file` input points, reading what the
 * last check left at the start of a check, writing what this one saw at the end, and what the log says
 * of both and of the changes. What changed and what to keep are decided in `since.ts` and `state.ts`.
 */
import { formatDuration } from './duration.js'
import { InputError, type Settings } from './inputs.js'
import { unrelatedWarning, type LoadedState, type SinceLastCheck } from './since.js'
import { emptyState, parseState, readStateFile, serializeState, writeStateFile, type NextState } from './state.js'
import { outsideProblem, resolveStatePath } from './state-path.js'
import { neutralize } from './text.js'

/** Where the lines go: the log, and a warning annotation. */
export interface StateLog {
  info(line: string): void
  warning(line: string): void
}

/** The `state-file` input: as given (for messages) and where it resolves. */
export interface StateFile {
  input: string
  workspace: string
  path: string
}

/** @throws {InputError} when the state file would lie outside the workspace. */
export function stateFileOf(settings: Pick<Settings, 'stateFile'>, workspace: string): StateFile | undefined {
  if (settings.stateFile === undefined) return undefined
  const where = resolveStatePath(settings.stateFile, workspace)
  if ('problem' in where) throw new InputError(`Input 'state-file' ${where.problem}`)
  return { input: settings.stateFile, workspace, path: where.path }
}

/**
 * What the last check left of the items with these `keys`; never fails: a file that cannot be used, or
 * holds none of them, is one warning and a first check.
 */
export function loadState(file: StateFile, keys: readonly string[], log: StateLog): LoadedState {
  // Workspace content (a checked-out branch, a restored cache) can put a link in the path: the state
  // is then neither read nor written, and the check goes on without it.
  const outside = outsideProblem(file.path, file.workspace)
  if (outside) {
    const warning =
      `The state file ${neutralize(file.input, 200)} is not used (${outside}), ` +
      'so this check starts as a first check and leaves no state.'
    log.warning(warning)
    return { file: file.input, state: emptyState(), warning, unusable: true }
  }
  const parsed = parseState(readStateFile(file.path), file.input)
  const warning = parsed.warning ?? unrelatedWarning(parsed.state, file.input, keys)
  if (warning) log.warning(warning)
  const loaded: LoadedState = { file: file.input, state: parsed.state }
  if (warning) loaded.warning = warning
  const items = parsed.state.items.size
  if (items > 0) log.info(`Read the state of the last check: ${items} ${items === 1 ? 'item' : 'items'}.`)
  return loaded
}

/** Leaves the state for the next check; a failure to is a warning (this check's own report stands). */
export function saveState(file: StateFile, next: NextState, log: StateLog, loaded?: LoadedState): void {
  const name = neutralize(file.input, 200)
  if (loaded?.unusable) {
    log.info(`No state written to ${name}: it was not used (see the warning).`)
    return
  }
  const text = serializeState(next.state)
  // Checked again: a directory of the path may have been swapped for a link while the check ran.
  const outside = outsideProblem(file.path, file.workspace)
  const written = outside ? { error: outside } : writeStateFile(file.path, text)
  if ('error' in written) {
    log.warning(`Could not write the state file ${name}: ${neutralize(written.error, 500)}`)
    return
  }
  const items = next.state.items.size
  log.info(
    `Wrote the state for the next check to ${name}: ${items} ${items === 1 ? 'item' : 'items'}, ` +
      `${Buffer.byteLength(text).toLocaleString('en-US')} bytes.`
  )
  const cut = [...next.dropped, ...next.expired]
  if (next.dropped.length > 0) {
    log.warning(
      `The state file ${name} would outgrow its size limit: left out ${next.dropped.length} of its items ` +
        `(those not watched here first, the oldest first), which start as first checks next time.`
    )
  }
  if (next.expired.length > 0) {
    log.info(
      `Left out ${next.expired.length} ${next.expired.length === 1 ? 'item' : 'items'} no check has looked at for 90 days.`
    )
  }
  if (cut.length === 0 && next.historyKept !== undefined) {
    log.info(
      `Kept ${next.historyKept} changes of each watched item's history (its first and last ones), to fit the size limit.`
    )
  }
}

/** One line a change since the last check (at most 20, then a count), for the log. */
export function logChanges(since: SinceLastCheck, several: boolean, log: StateLog): void {
  const { changes, lastCheckAt } = since
  const when =
    lastCheckAt === undefined ? 'this is the first check' : `last check ${formatDuration(since.now - lastCheckAt)} ago`
  if (changes.length === 0) {
    log.info(`Nothing changed since the last check (${when}).`)
    return
  }
  log.info(`Changed since the last check (${when}):`)
  for (const change of changes.slice(0, 20)) {
    const who = several ? `${change.item}: ` : ''
    const what = change.what === 'status' ? 'status' : (change.name ?? change.step ?? '')
    const move = change.from === undefined ? `${change.to} (first seen)` : `${change.from} → ${change.to}`
    log.info(`  ${neutralize(`${who}${what} ${move}`, 300)}`)
  }
  if (changes.length > 20)
    log.info(`  … and ${changes.length - 20} more (the changes output has them, as many as fit its size limit)`)
}
