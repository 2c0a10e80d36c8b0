/**
 * The job summary, as markdown: a heading with the offer and its final status, a table of the
 * publishing steps, then what was observed while waiting. Every remote or user text goes through
 * {@link escapeCell}, so nothing in it can become a command, HTML, markdown, a mention, a link or a new
 * table cell. The whole is built to a byte budget (GitHub shows no summary over 1 MiB): the headings,
 * verdicts and the overview of several offers come first, and what does not fit is left out with a
 * note that says so.
 */
import { BudgetedMarkdown } from './budget.js'
import { formatDuration } from './duration.js'
import { SUMMARY_BUDGET_BYTES } from './limits.js'
import type { WatchResult } from './poll.js'
import { clockTime, offerIcon, progressBar, RESULT_ICONS, stepIcon, subjectOf } from './present.js'
import { activeStep, type Step, type StepMessage } from './snapshot.js'
import type { StuckStep } from './stuck.js'
import { escapeCell } from './text.js'
import type { Result, Verdict } from './verdict.js'

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

function historyRow(watch: WatchResult, o: WatchResult['history'][number]): string {
  const who = o.subject === 'offer' ? (watch.kind === 'job' ? 'Job' : 'Offer') : escapeCell(o.name, NAME_MAX)
  const change =
    o.from === undefined
      ? `${escapeCell(o.to, NAME_MAX)} (first seen)`
      : `${escapeCell(o.from, NAME_MAX)} → ${escapeCell(o.to, NAME_MAX)}`
  return `| ${clockTime(o.at)} | +${formatDuration(o.at - watch.startedAt)} | ${who} | ${change} |`
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

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
    doc.note(`_… ${count - shown} more ${kind} not shown (summary size limit)._`, '')
  }
}

/** One offer's section: heading, result, reasons, steps, what was observed. False when not even its heading fit. */
function offerSection(doc: BudgetedMarkdown, watch: WatchResult, verdict: Verdict, level: number): boolean {
  const subject = escapeCell(subjectOf(watch), NAME_MAX + 10)
  const snapshot = watch.snapshot
  const status = snapshot ? escapeCell(snapshot.status, NAME_MAX) : 'status unknown'
  const h = '#'.repeat(level)
  const waited = formatDuration(watch.endedAt - watch.startedAt)
  const polls = plural(watch.polls, 'request')

  const head = [
    `${h} ${RESULT_ICONS[verdict.result]} ${subject}: ${status}`,
    '',
    `**Result: ${verdict.result}** · ${escapeCell(verdict.headline, 1_000)} · waited ${waited} · ${polls}`,
    ''
  ]
  if (verdict.result === 'cancelled') {
    const what = snapshot ? 'the table shows the last status read before it stopped' : 'no status had been read yet'
    head.push('> [!WARNING]', `> The run was cancelled: ${what}.`, '')
  }
  const reasons = [...verdict.failures, ...verdict.warnings].map(
    (reason) => `- **${escapeCell(reason.title, NAME_MAX)}**: ${escapeCell(reason.message, 2_000)}`
  )
  if (reasons.length > 0) head.push(...reasons, '')
  if (!doc.add(...head)) return false
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

  doc.add(`${h}# What was observed`, '')
  const { history, historyOmitted } = watch
  // The changes left out of a long history were those in the middle: a row there says how many.
  const gapAt = historyOmitted > 0 ? Math.floor(history.length / 2) : -1
  const gap = `| … | | | ${plural(historyOmitted, 'more change')} in between, not kept |`
  addTable(
    doc,
    ['| Time | After | What | Change |', '| --- | --- | --- | --- |'],
    history.length + (gapAt >= 0 ? 1 : 0),
    (i) => {
      if (i === gapAt) return gap
      const o = history[gapAt >= 0 && i > gapAt ? i - 1 : i] as WatchResult['history'][number]
      return historyRow(watch, o)
    },
    'history rows'
  )
  const errors = watch.transientErrors
  const retried =
    errors === 1
      ? ', 1 of them failed and was retried'
      : errors > 1
        ? `, ${errors} of them failed and were retried`
        : ''
  doc.add(
    `Watched from ${clockTime(watch.startedAt)} to ${clockTime(watch.endedAt)}: ${waited} in ${polls}${retried}.`,
    ''
  )
  return true
}

function overviewRow(watch: WatchResult, verdict: Verdict): string {
  const snapshot = watch.snapshot
  const status = snapshot ? `${offerIcon(snapshot.status)} ${escapeCell(snapshot.status, 60)}` : 'unknown'
  const step = snapshot ? activeStep(snapshot) : undefined
  const stuck = step && watch.stuck.some((s) => s.id === step.id) ? ' ⚠️ stuck' : ''
  const active = step
    ? `${stepIcon(step.status)} ${escapeCell(step.name, 80)} ${escapeCell(step.status, 60)}${stuck}`
    : '—'
  return `| ${escapeCell(watch.label, NAME_MAX)} | ${status} | ${active} | ${RESULT_ICONS[verdict.result]} ${verdict.result} |`
}

function closingNote(cut: ReadonlyMap<string, number>): string {
  const what = [...cut].map(([kind, n]) => `${n} ${kind}`).join(', ')
  return (
    `> [!NOTE]\n> Cut to fit GitHub's 1 MiB limit for a job summary: ${what} not shown. ` +
    'The outputs and the log have the rest.'
  )
}

/**
 * The job summary. One offer: its section. Several: an overview table first, then each offer's
 * section collapsed under `<details>`. At most `budgetBytes` long.
 */
export function renderSummary(
  watches: WatchResult[],
  verdicts: Verdict[],
  overall: Result,
  budgetBytes = SUMMARY_BUDGET_BYTES
): string {
  const doc = new BudgetedMarkdown(budgetBytes)
  const [only] = watches
  const [onlyVerdict] = verdicts
  if (watches.length === 1 && only && onlyVerdict) {
    offerSection(doc, only, onlyVerdict, 2)
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
  doc.add(
    `## ${RESULT_ICONS[overall]} ${watches.length} offers: ${overall}`,
    '',
    `**Result: ${overall}** · waited ${formatDuration(ended - started)} · ${plural(requests, 'request')} in all`,
    ''
  )
  addTable(
    doc,
    ['| Offer | Status | Active step | Result |', '| --- | --- | --- | --- |'],
    Math.min(watches.length, verdicts.length),
    (i) => overviewRow(watches[i] as WatchResult, verdicts[i] as Verdict),
    'offers in the overview'
  )
  let skipped = 0
  watches.forEach((watch, i) => {
    const verdict = verdicts[i]
    if (!verdict) return
    const status = watch.snapshot ? escapeCell(watch.snapshot.status, 60) : 'status unknown'
    if (
      doc.isFull ||
      !doc.add(
        '<details>',
        `<summary>${RESULT_ICONS[verdict.result]} ${escapeCell(watch.label, NAME_MAX)}: ${status} (${verdict.result})</summary>`,
        ''
      )
    ) {
      skipped++
      return
    }
    offerSection(doc, watch, verdict, 3)
    doc.close('</details>', '')
  })
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
