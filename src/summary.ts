/**
 * The job summary, as markdown: a heading that says what happened (the outcome, not the last status)
 * and to which offer, the next move with the links it needs, the status and the result, the reasons not
 * already said, with a state file what changed since the last check, a table of the publishing steps,
 * then what was observed while waiting (across checks, with a state file). Every remote or user text
 * goes through {@link escapeCell}, so nothing in it can become a command, HTML, markdown, a mention, a
 * link or a new table cell; the only links are those `links.ts` trusts. The whole is built to a byte
 * budget (GitHub shows no summary over 1 MiB): the headings, verdicts and the overview of several offers
 * come first, and what does not fit is left out with a note that says so.
 */
import { BudgetedMarkdown } from './budget.js'
import { formatDuration } from './duration.js'
import { SUMMARY_BUDGET_BYTES } from './limits.js'
import type { WatchResult } from './poll.js'
import { clockTime, OUTCOME_ICONS, progressBar, RESULT_ICONS, stepIcon, subjectOf } from './present.js'
import { markdownLink } from './links.js'
import type { SinceLastCheck } from './since.js'
import type { Step, StepMessage } from './snapshot.js'
import type { StuckStep } from './stuck.js'
import { escapeCell } from './text.js'
import { compareVerdicts, type Result, type Verdict } from './verdict.js'

const MESSAGE_CELL_MAX = 600
/** Messages shown per step (and for the offer); the rest are counted. */
const MESSAGES_SHOWN = 5
/** Characters of a name or status in a table cell. */
const NAME_MAX = 120

function messageCell(messages: StepMessage[], omitted = 0): string {
  const shown = messages.slice(0, MESSAGES_SHOWN).map((m) => {
    const level = /error|critical/i.test(m.level) ? '❗ ' : /warn/i.test(m.level) ? '⚠️ ' : ''
    return `${level}${escapeCell(m.text, MESSAGE_CELL_MAX)}`
  })
  const more = Math.max(0, messages.length - MESSAGES_SHOWN) + omitted
  if (more > 0) shown.push(`… ${more} more ${more === 1 ? 'message' : 'messages'}`)
  return shown.join('<br>')
}

function stepRow(step: Step, stuck: StuckStep | undefined): string {
  const name = escapeCell(step.name, NAME_MAX)
  const stuckMark = stuck ? ` ⚠️ stuck for ${formatDuration(stuck.inProgressMs)}` : ''
  const status = `${stepIcon(step.status)} ${escapeCell(step.status, NAME_MAX)}${stuckMark}`
  const estimate = step.estimatedTimeFrame ? escapeCell(step.estimatedTimeFrame, NAME_MAX) : '—'
  const messages = messageCell(step.messages, step.omittedMessages)
  return `| ${name} | ${status} | ${progressBar(step.progress)} | ${estimate} | ${messages} |`
}

/** `from → to`, or `to (first seen)`, escaped. */
function changeSaid(from: string | undefined, to: string): string {
  return from === undefined
    ? `${escapeCell(to, NAME_MAX)} (first seen)`
    : `${escapeCell(from, NAME_MAX)} → ${escapeCell(to, NAME_MAX)}`
}

function historyRow(watch: WatchResult, o: WatchResult['history'][number]): string {
  const who = o.subject === 'offer' ? (watch.kind === 'job' ? 'Job' : 'Offer') : escapeCell(o.name, NAME_MAX)
  return `| ${clockTime(o.at)} | +${formatDuration(o.at - watch.startedAt)} | ${who} | ${changeSaid(o.from, o.to)} |`
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** What the summary may leave out, counted in the closing note: each kind's singular. */
const ONE_OF: Record<string, string> = {
  steps: 'step',
  'history rows': 'history row',
  'offers in the overview': 'offer in the overview',
  'offer sections': 'offer section',
  changes: 'change'
}

/** `1 step`, `3 history rows`. */
const counted = (n: number, kind: string): string => plural(n, ONE_OF[kind] ?? kind, kind)

/**
 * Adds `count` rows under `header` while they fit; counts the rest as `kind`. A row is only made
 * when there is room to try it, so a full summary costs nothing more.
 */
function addTable(
  doc: BudgetedMarkdown,
  header: string[],
  count: number,
  row: (index: number) => string,
  kind: string
): void {
  if (count === 0) return
  let shown = 0
  if (!doc.isFull && doc.add(...header, row(0))) {
    shown = 1
    while (shown < count && doc.add(row(shown))) shown++
    doc.close('')
  }
  if (shown < count) {
    doc.count(kind, count - shown)
    doc.note(`_… ${counted(count - shown, kind).replace(' ', ' more ')} not shown (summary size limit)._`, '')
  }
}

/**
 * A history's table: its first and last changes, and where those between were left out (the middle),
 * a row that says how many (`gapCells` are the cells before that row's last).
 */
function addHistory<T>(
  doc: BudgetedMarkdown,
  header: string[],
  kept: { history: readonly T[]; historyOmitted: number },
  gapCells: string,
  row: (entry: T) => string
): void {
  const { history, historyOmitted } = kept
  const gapAt = historyOmitted > 0 ? Math.floor(history.length / 2) : -1
  const gap = `${gapCells} ${plural(historyOmitted, 'more change')} in between, not kept |`
  addTable(
    doc,
    header,
    history.length + (gapAt >= 0 ? 1 : 0),
    (i) => (i === gapAt ? gap : row(history[gapAt >= 0 && i > gapAt ? i - 1 : i] as T)),
    'history rows'
  )
}

/** Characters of a headline in a heading; a longer one is cut there, and its reason shown in full below. */
const HEADLINE_MAX = 300
/** Characters of the why in an overview row. */
const WHY_MAX = 160

/** `**Next:** ...`, and the links the publisher opens next, each on its own line. */
function nextLines(watch: WatchResult, verdict: Verdict): string[] {
  // The next move is the action's own text (see NEXT in verdict.ts): markdown as it is.
  const lines = [`**Next:** ${verdict.next}`, '']
  const { preview, live } = watch.snapshot?.links ?? {}
  const previewLink =
    preview && (verdict.outcome === 'preview-ready' || verdict.outcome === 'live') ? markdownLink(preview) : undefined
  const liveLink = live && verdict.outcome === 'live' ? markdownLink(live) : undefined
  if (previewLink) lines.push(`**Preview:** ${previewLink}`, '')
  if (liveLink) lines.push(`**Live:** ${liveLink}`, '')
  return lines
}

/**
 * `12 requests, 2 of them failed and were retried; the last of them failed and the wait ended before a
 * retry`: only a request that was tried again counts as retried.
 */
function requestsSaid(watch: WatchResult): string {
  const { retries } = watch
  const retried = retries > 0 ? `, ${retries} of them failed and ${retries === 1 ? 'was' : 'were'} retried` : ''
  const unretried =
    watch.transientErrors > retries
      ? `; the last ${watch.polls === 1 ? 'one' : 'of them'} failed and the wait ended before a retry`
      : ''
  return `${plural(watch.polls, 'request')}${retried}${unretried}`
}

/**
 * "Since the last check": when it was, and what changed since (or that nothing did), from a state file.
 * A first check says so, and why when the file could not be used.
 */
function sinceSection(doc: BudgetedMarkdown, since: SinceLastCheck, level: number): void {
  const h = '#'.repeat(level)
  const file = `<code>${escapeCell(since.file, 200)}</code>`
  const { changes, lastCheckAt } = since
  const warning = since.problem ? ['> [!WARNING]', `> ${escapeCell(since.problem, 1_000)}`, ''] : []
  const lines =
    lastCheckAt === undefined
      ? [
          `${h} Since the last check: this is the first`,
          '',
          ...warning,
          since.problem
            ? 'Each status counts as a change.'
            : `${file} holds no earlier check of what this one watches: each status counts as a change.`,
          ''
        ]
      : [
          `${h} Since the last check (${formatDuration(since.now - lastCheckAt)} ago)`,
          '',
          ...warning,
          changes.length === 0
            ? `Nothing changed since the last check, at ${clockTime(lastCheckAt)} (state in ${file}).`
            : `${plural(changes.length, 'change')} since the last check, at ${clockTime(lastCheckAt)} (state in ${file}):`,
          ''
        ]
  if (!doc.add(...lines)) return
  addTable(
    doc,
    ['| Item | What | Change | First seen |', '| --- | --- | --- | --- |'],
    changes.length,
    (i) => {
      const change = changes[i] as SinceLastCheck['changes'][number]
      const what = change.what === 'status' ? 'Status' : escapeCell(change.name ?? change.step ?? '', NAME_MAX)
      const at = Date.parse(change.firstSeen)
      return `| ${escapeCell(change.item, NAME_MAX)} | ${what} | ${changeSaid(change.from, change.to)} | ${Number.isFinite(at) ? clockTime(at) : '—'} |`
    },
    'changes'
  )
}

/**
 * One offer's section: heading, next move, status, reasons, (`then`, when given), steps, what was
 * observed. False when not even its heading fit.
 */
function offerSection(
  doc: BudgetedMarkdown,
  watch: WatchResult,
  verdict: Verdict,
  level: number,
  since?: SinceLastCheck,
  then?: () => void
): boolean {
  const subject = escapeCell(subjectOf(watch), NAME_MAX + 10)
  const snapshot = watch.snapshot
  const status = snapshot ? escapeCell(snapshot.status, NAME_MAX) : 'none read'
  const h = '#'.repeat(level)
  const waited = formatDuration(watch.endedAt - watch.startedAt)
  const headlineWhole = verdict.headline.length <= HEADLINE_MAX

  const head = [
    `${h} ${verdict.icon} ${escapeCell(verdict.headline, HEADLINE_MAX)} — ${subject}`,
    '',
    ...nextLines(watch, verdict),
    `Status: **${status}** · result: **${verdict.result}** · waited ${waited} · ${plural(watch.polls, 'request')}`,
    ''
  ]
  if (verdict.result === 'cancelled') {
    const what = snapshot ? 'the table shows the last status read before it stopped' : 'no status had been read yet'
    head.push('> [!WARNING]', `> The run was cancelled: ${what}.`, '')
  }
  // A reason the heading says in full is not said again.
  const reasons = [...verdict.failures, ...verdict.warnings]
    .filter((reason) => !(reason.inHeading && headlineWhole))
    .map(
      (reason) => `- **${escapeCell(reason.title, NAME_MAX)}**: ${escapeCell(reason.detail ?? reason.message, 2_000)}`
    )
  if (reasons.length > 0) head.push(...reasons, '')
  if (!doc.add(...head)) return false
  then?.()
  if (doc.isFull) return true

  if (snapshot && snapshot.steps.length > 0) {
    const { steps } = snapshot
    addTable(
      doc,
      ['| Step | Status | Progress | Estimate | Messages |', '| --- | --- | --- | --- | --- |'],
      steps.length,
      (i) => {
        const step = steps[i] as Step
        return stepRow(
          step,
          watch.stuck.find((s) => s.id === step.id)
        )
      },
      'steps'
    )
  } else if (snapshot) {
    doc.add('_The service reported no publishing steps._', '')
  }
  if (snapshot?.omittedSteps) {
    doc.count('steps', snapshot.omittedSteps)
    doc.note(`_… the service reported ${plural(snapshot.omittedSteps, 'more step')}, not kept._`, '')
  }
  if (snapshot && snapshot.messages.length > 0) {
    doc.add(`> ${messageCell(snapshot.messages, snapshot.omittedMessages)}`, '')
  }

  const across = since?.histories.get(watch.key)
  if (across && across.history.length > 0) {
    // With a state file, the history spans the checks (this one's changes included).
    const names = new Map(snapshot?.steps.map((s) => [s.id, s.name]))
    doc.add(`${h}# What was observed, across checks`, '')
    addHistory(doc, ['| Time | What | Change |', '| --- | --- | --- |'], across, '| … | |', (entry) => {
      const who =
        entry.step === undefined
          ? watch.kind === 'job'
            ? 'Job'
            : 'Offer'
          : escapeCell(names.get(entry.step) ?? entry.step, NAME_MAX)
      const at = Date.parse(entry.at)
      return `| ${Number.isFinite(at) ? clockTime(at) : '—'} | ${who} | ${changeSaid(entry.from, entry.to)} |`
    })
  } else if (watch.history.length > 0) {
    doc.add(`${h}# What was observed`, '')
    addHistory(doc, ['| Time | After | What | Change |', '| --- | --- | --- | --- |'], watch, '| … | | |', (o) =>
      historyRow(watch, o)
    )
  }
  doc.add(
    `Watched from ${clockTime(watch.startedAt)} to ${clockTime(watch.endedAt)}: ${waited} in ${requestsSaid(watch)}.`,
    ''
  )
  return true
}

function overviewRow(watch: WatchResult, verdict: Verdict): string {
  const status = watch.snapshot ? escapeCell(watch.snapshot.status, 60) : '—'
  const why = verdict.why ? escapeCell(verdict.why, WHY_MAX) : '—'
  return (
    `| ${escapeCell(watch.label, NAME_MAX)} | ${OUTCOME_ICONS[verdict.outcome]} ${verdict.outcome} | ${why} | ` +
    `${status} | ${RESULT_ICONS[verdict.result]} ${verdict.result} |`
  )
}

function closingNote(cut: ReadonlyMap<string, number>): string {
  const what = [...cut].map(([kind, n]) => counted(n, kind)).join(', ')
  return (
    `> [!NOTE]\n> Cut to fit GitHub's 1 MiB limit for a job summary: ${what} not shown. ` +
    'The outputs and the log have the rest.'
  )
}

/** `2 failed, 1 timed out, 3 live`, worst first (the verdicts come sorted). */
function tallies(verdicts: readonly Verdict[]): string {
  const counts = new Map<string, number>()
  for (const { what } of verdicts) counts.set(what, (counts.get(what) ?? 0) + 1)
  return [...counts].map(([word, n]) => `${n} ${word}`).join(', ')
}

/** `offers`, `configure jobs`, or `offers and jobs`. */
function noun(watches: readonly WatchResult[]): string {
  const jobs = watches.filter((w) => w.kind === 'job').length
  if (jobs === 0) return watches.length === 1 ? 'offer' : 'offers'
  if (jobs === watches.length) return watches.length === 1 ? 'configure job' : 'configure jobs'
  return 'offers and jobs'
}

export interface SummaryOptions {
  /** At most this long (GitHub shows no summary over 1 MiB). */
  budgetBytes?: number
  /** What changed since the last check, with a state file: a section of its own, after the verdict. */
  since?: SinceLastCheck
}

/**
 * The job summary. One offer: its section. Several: an overview table first, worst first, then each
 * offer's section under `<details>`, open for those that did not pass or have a stuck step. With
 * `since`, what changed since the last check comes after the verdict and before the details.
 */
export function renderSummary(
  watches: WatchResult[],
  verdicts: Verdict[],
  overall: Result,
  options: SummaryOptions = {}
): string {
  const { budgetBytes = SUMMARY_BUDGET_BYTES, since } = options
  const doc = new BudgetedMarkdown(budgetBytes)
  const [only] = watches
  const [onlyVerdict] = verdicts
  if (watches.length === 1 && only && onlyVerdict) {
    const then = since
      ? () => {
          sinceSection(doc, since, 3)
        }
      : undefined
    offerSection(doc, only, onlyVerdict, 2, since, then)
    return doc.toString(closingNote)
  }

  let started = Infinity
  let ended = -Infinity
  let requests = 0
  for (const w of watches) {
    started = Math.min(started, w.startedAt)
    ended = Math.max(ended, w.endedAt)
    requests += w.polls
  }
  // Worst first; the sort is stable, so offers that fare alike keep the order they were given in.
  const order = watches
    .flatMap((watch, i) => {
      const verdict = verdicts[i]
      return verdict ? [{ watch, verdict }] : []
    })
    .sort((a, b) => compareVerdicts(a.verdict, b.verdict))
  const sorted = order.map((o) => o.verdict)
  const nexts = new Set(sorted.map((v) => v.next))
  const next =
    nexts.size === 1
      ? ([...nexts][0] ?? '')
      : `Start at the top: the ${noun(watches)} are listed worst first, each with what to do next.`
  doc.add(
    `## ${sorted[0]?.icon ?? RESULT_ICONS[overall]} ${watches.length} ${noun(watches)}: ${tallies(sorted)}`,
    '',
    `**Next:** ${next}`,
    '',
    `Result: **${overall}** · waited ${formatDuration(ended - started)} · ${plural(requests, 'request')} in all`,
    ''
  )
  addTable(
    doc,
    ['| Offer | Outcome | Why | Status | Result |', '| --- | --- | --- | --- | --- |'],
    order.length,
    (i) => {
      const o = order[i] as (typeof order)[number]
      return overviewRow(o.watch, o.verdict)
    },
    'offers in the overview'
  )
  if (since) sinceSection(doc, since, 3)
  let skipped = 0
  for (const { watch, verdict } of order) {
    const open = verdict.result !== 'passed' || watch.stuck.length > 0
    if (
      doc.isFull ||
      !doc.add(
        open ? '<details open>' : '<details>',
        `<summary>${verdict.icon} ${escapeCell(watch.label, NAME_MAX)}: ${escapeCell(verdict.headline, 200)}</summary>`,
        ''
      )
    ) {
      skipped++
      continue
    }
    offerSection(doc, watch, verdict, 3, since)
    doc.close('</details>', '')
  }
  doc.count('offer sections', skipped)
  return doc.toString(closingNote)
}

/** The summary of a run that never started watching, e.g. because of bad inputs. */
export function renderProblemSummary(title: string, problem: string): string {
  const lines = problem
    .split('\n')
    .slice(0, 50)
    .map((line) => `- ${escapeCell(line, 2_000)}`)
  return [`## ${RESULT_ICONS.failed} ${escapeCell(title, 200)}`, '', ...lines, ''].join('\n')
}
