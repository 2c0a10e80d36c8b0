/**
 * The job summary, as markdown: a heading with the offer and its final status, a table of the
 * publishing steps, then what was observed while waiting. Every remote or user text goes through
 * {@link escapeCell}, so nothing in it can become HTML, markdown or a new table cell.
 */
import { formatDuration } from './duration.js'
import type { WatchResult } from './poll.js'
import { clockTime, offerIcon, progressBar, RESULT_ICONS, stepIcon } from './present.js'
import { activeStep, type Step } from './status.js'
import type { StuckStep } from './stuck.js'
import { escapeCell, truncate } from './text.js'
import type { Result, Verdict } from './verdict.js'

const MESSAGE_CELL_MAX = 600

function stepRow(step: Step, stuck: StuckStep | undefined): string {
  const name = escapeCell(step.name)
  const stuckMark = stuck ? ` ⚠️ stuck for ${formatDuration(stuck.inProgressMs)}` : ''
  const status = `${stepIcon(step.status)} ${escapeCell(step.status)}${stuckMark}`
  const messages = step.messages
    .map((m) => {
      const level = /error|critical/i.test(m.level) ? '❗ ' : /warn/i.test(m.level) ? '⚠️ ' : ''
      return `${level}${escapeCell(truncate(m.text, MESSAGE_CELL_MAX))}`
    })
    .join('<br>')
  const estimate = step.estimatedTimeFrame ? escapeCell(step.estimatedTimeFrame) : '—'
  return `| ${name} | ${status} | ${progressBar(step.progress)} | ${estimate} | ${messages} |`
}

function historyRows(watch: WatchResult): string[] {
  return watch.history.map((o) => {
    const who = o.subject === 'offer' ? 'Offer' : escapeCell(o.name)
    const change =
      o.from === undefined ? `${escapeCell(o.to)} (first seen)` : `${escapeCell(o.from)} → ${escapeCell(o.to)}`
    return `| ${clockTime(o.at)} | +${formatDuration(o.at - watch.startedAt)} | ${who} | ${change} |`
  })
}

/** One offer's section: heading, result, reasons, steps, what was observed. */
function offerSection(watch: WatchResult, verdict: Verdict, level: number): string[] {
  const label = escapeCell(watch.label)
  const snapshot = watch.snapshot
  const status = snapshot ? escapeCell(snapshot.status) : 'status unknown'
  const lines: string[] = []
  const h = '#'.repeat(level)

  lines.push(`${h} ${RESULT_ICONS[verdict.result]} Offer ${label}: ${status}`, '')
  const waited = formatDuration(watch.endedAt - watch.startedAt)
  const polls = `${watch.polls} ${watch.polls === 1 ? 'request' : 'requests'}`
  lines.push(`**Result: ${verdict.result}** · ${escapeCell(verdict.headline)} · waited ${waited} · ${polls}`, '')

  if (verdict.result === 'cancelled') {
    const what = snapshot ? 'the table shows the last status read before it stopped' : 'no status had been read yet'
    lines.push('> [!WARNING]', `> The run was cancelled: ${what}.`, '')
  }
  for (const reason of [...verdict.failures, ...verdict.warnings]) {
    lines.push(`- **${escapeCell(reason.title)}**: ${escapeCell(reason.message)}`)
  }
  if (verdict.failures.length + verdict.warnings.length > 0) lines.push('')

  if (snapshot && snapshot.steps.length > 0) {
    lines.push('| Step | Status | Progress | Estimate | Messages |', '| --- | --- | --- | --- | --- |')
    lines.push(
      ...snapshot.steps.map((step) =>
        stepRow(
          step,
          watch.stuck.find((s) => s.id === step.id)
        )
      ),
      ''
    )
  } else if (snapshot) {
    lines.push('_The service reported no publishing steps._', '')
  }
  if (snapshot && snapshot.messages.length > 0) {
    lines.push(...snapshot.messages.map((m) => `> ${escapeCell(truncate(m.text, MESSAGE_CELL_MAX))}`), '')
  }

  lines.push(`${h}# What was observed`, '')
  if (watch.history.length > 0) {
    lines.push('| Time | After | What | Change |', '| --- | --- | --- | --- |', ...historyRows(watch), '')
  }
  const errors = watch.transientErrors
  const retried = errors > 0 ? `, ${errors} of them failed and were retried` : ''
  lines.push(
    `Watched from ${clockTime(watch.startedAt)} to ${clockTime(watch.endedAt)}: ${waited} in ${polls}${retried}.`,
    ''
  )
  return lines
}

function overviewRow(watch: WatchResult, verdict: Verdict): string {
  const snapshot = watch.snapshot
  const status = snapshot ? `${offerIcon(snapshot.status)} ${escapeCell(snapshot.status)}` : 'unknown'
  const step = snapshot ? activeStep(snapshot) : undefined
  const stuck = step && watch.stuck.some((s) => s.id === step.id) ? ' ⚠️ stuck' : ''
  const active = step ? `${stepIcon(step.status)} ${escapeCell(step.name)} ${escapeCell(step.status)}${stuck}` : '—'
  return `| ${escapeCell(watch.label)} | ${status} | ${active} | ${RESULT_ICONS[verdict.result]} ${verdict.result} |`
}

/**
 * The job summary. One offer: its section. Several: an overview table first, then each offer's
 * section collapsed under `<details>`.
 */
export function renderSummary(watches: WatchResult[], verdicts: Verdict[], overall: Result): string {
  const [only] = watches
  const [onlyVerdict] = verdicts
  if (watches.length === 1 && only && onlyVerdict) return offerSection(only, onlyVerdict, 2).join('\n')

  const started = Math.min(...watches.map((w) => w.startedAt))
  const ended = Math.max(...watches.map((w) => w.endedAt))
  const requests = watches.reduce((sum, w) => sum + w.polls, 0)
  const lines = [
    `## ${RESULT_ICONS[overall]} ${watches.length} offers: ${overall}`,
    '',
    `**Result: ${overall}** · waited ${formatDuration(ended - started)} · ${requests} requests in all`,
    '',
    '| Offer | Status | Active step | Result |',
    '| --- | --- | --- | --- |',
    ...watches.flatMap((watch, i) => {
      const verdict = verdicts[i]
      return verdict ? [overviewRow(watch, verdict)] : []
    }),
    ''
  ]
  watches.forEach((watch, i) => {
    const verdict = verdicts[i]
    if (!verdict) return
    const status = watch.snapshot ? escapeCell(watch.snapshot.status) : 'status unknown'
    lines.push(
      '<details>',
      `<summary>${RESULT_ICONS[verdict.result]} ${escapeCell(watch.label)}: ${status} (${verdict.result})</summary>`,
      '',
      ...offerSection(watch, verdict, 3),
      '</details>',
      ''
    )
  })
  return lines.join('\n')
}

/** The summary of a run that never started watching, e.g. because of bad inputs. */
export function renderProblemSummary(title: string, problem: string): string {
  const lines = problem.split('\n').map((line) => `- ${escapeCell(line)}`)
  return [`## ${RESULT_ICONS.failed} ${escapeCell(title)}`, '', ...lines, ''].join('\n')
}
