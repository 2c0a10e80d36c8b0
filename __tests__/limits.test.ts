/**
 * Everything sized by a server stays bounded: parsed answers, the history, the summary and the
 * outputs, whatever the input. Hostile shapes are built here in memory; the bundle is tried against
 * attacker servers in e2e-hostile.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { BudgetedMarkdown } from '../src/budget.js'
import { MAX_HISTORY, MAX_MESSAGES, MAX_STEPS, OUTPUT_BUDGET_BYTES, SUMMARY_BUDGET_BYTES } from '../src/limits.js'
import { jsonArray, outputsOf } from '../src/outputs.js'
import { record, type Observation, type WatchResult } from '../src/poll.js'
import { stepLines } from '../src/progress.js'
import type { OfferSnapshot } from '../src/snapshot.js'
import { parseOfferStatus } from '../src/sources/cpp-schema.js'
import { renderSummary } from '../src/summary.js'
import { judge } from '../src/verdict.js'
import { T0, watchResult } from './fixtures/fakes.js'

const bytes = (text: string): number => Buffer.byteLength(text)

function parsed(body: unknown): OfferSnapshot {
  const result = parseOfferStatus(body)
  if (!result.ok) throw new Error(result.reason)
  return result.snapshot
}

function watchOf(snapshot: OfferSnapshot | undefined, label = 'contoso/offer', extra: Partial<WatchResult> = {}) {
  const watch: WatchResult = watchResult({ label, polls: 1, endedAt: T0 + 1_000, ...extra })
  if (snapshot) watch.snapshot = snapshot
  return watch
}

/** The worst text for the summary: every character becomes an entity. */
const nasty = (n: number): string => '|[]*_~`<&'.repeat(Math.ceil(n / 9)).slice(0, n)

describe('parsing a hostile answer', () => {
  it('keeps the first steps and counts the rest, without spreading the array', () => {
    const steps = Array.from({ length: 150_000 }, (_, i) => ({ id: `s${i}`, status: 'complete' }))
    const snapshot = parsed({ status: 'succeeded', steps })
    expect(snapshot.steps).toHaveLength(MAX_STEPS)
    expect(snapshot.omittedSteps).toBe(150_000 - MAX_STEPS)
  })

  it('keeps the first messages of a step and of the offer, and caps their text', () => {
    const messages = Array.from({ length: 100_000 }, (_, i) => ({ messageHtml: `<b>m${i}</b>`, level: 'info' }))
    const snapshot = parsed({
      status: 'running',
      messages,
      steps: [{ id: 'a', status: 'inProgress', messages: [{ messageHtml: 'x'.repeat(10 * 1024 * 1024) }, ...messages] }]
    })
    const [step] = snapshot.steps
    expect(step?.messages).toHaveLength(MAX_MESSAGES)
    expect(step?.omittedMessages).toBe(100_001 - MAX_MESSAGES)
    expect(step?.messages[0]?.text.length).toBeLessThanOrEqual(1_000)
    expect(snapshot.messages).toHaveLength(MAX_MESSAGES)
    expect(snapshot.omittedMessages).toBe(100_000 - MAX_MESSAGES)
  })

  it('caps a huge status and step fields', () => {
    const snapshot = parsed({
      status: 'S'.repeat(1_000_000),
      steps: [{ id: 'i'.repeat(1_000_000), stepName: 'n'.repeat(1_000_000), status: 'x'.repeat(1_000_000) }]
    })
    expect(snapshot.status.length).toBeLessThanOrEqual(200)
    expect(snapshot.steps[0]?.name.length).toBeLessThanOrEqual(200)
    expect(snapshot.steps[0]?.status.length).toBeLessThanOrEqual(200)
  })

  it('logs a bounded number of lines for the largest answer kept', () => {
    const messages = Array.from({ length: 50 }, () => ({ messageHtml: 'm' }))
    const steps = Array.from({ length: 1_000 }, (_, i) => ({ id: `s${i}`, status: 'complete', messages }))
    const lines = stepLines(parsed({ status: 'running', steps, messages }))
    expect(lines.length).toBeLessThanOrEqual(MAX_STEPS * 5 + 10)
    expect(lines.join('\n')).toContain('more steps')
  })
})

describe('history', () => {
  it('keeps the first and the last changes and counts those between', () => {
    const watch = watchOf(undefined)
    const change = (i: number): Observation => ({ at: T0 + i, subject: 'offer', name: 'o', to: `S${i}` })
    for (let i = 0; i < 10_000; i++) record(watch, [change(i)])
    expect(watch.history).toHaveLength(MAX_HISTORY)
    expect(watch.historyOmitted).toBe(10_000 - MAX_HISTORY)
    expect(watch.history[0]?.to).toBe('S0')
    expect(watch.history.at(-1)?.to).toBe('S9999')
    expect(watch.history[MAX_HISTORY / 2 - 1]?.to).toBe(`S${MAX_HISTORY / 2 - 1}`)
    const md = renderSummary([watch], [judge(watch, { onTimeout: 'fail' })], 'passed')
    expect(md).toContain(`${10_000 - MAX_HISTORY} more changes in between, not kept`)
  })
})

describe('summary budget', () => {
  it('never exceeds the budget, keeps the verdict and says what was cut', () => {
    const messages = Array.from({ length: 20 }, () => ({ messageHtml: nasty(1_000), level: 'error' }))
    const steps = Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      stepName: nasty(200),
      status: 'rejected',
      estimatedTimeFrame: nasty(200),
      messages
    }))
    const snapshot = parsed({ status: 'failed', steps, messages })
    const history = Array.from({ length: MAX_HISTORY }, (_, i) => ({
      at: T0 + i,
      subject: `s${i}`,
      name: nasty(200),
      from: nasty(200),
      to: nasty(200)
    }))
    const watch = watchOf(snapshot, 'contoso/offer', { history, historyOmitted: 5 })
    const verdict = judge(watch, { onTimeout: 'fail' })
    const md = renderSummary([watch], [verdict], verdict.result)
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(md.split('\n')[0]).toBe('## ❌ Failed: 20 errors — Offer contoso/offer')
    expect(md).toContain('result: **failed**')
    expect(md).toContain("Cut to fit GitHub's 1 MiB limit")
  })

  it('keeps every one of 1,000 offers in the overview and cuts sections instead', () => {
    const messages = Array.from({ length: 20 }, () => ({ messageHtml: 'word '.repeat(200), level: 'error' }))
    const steps = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, status: 'rejected', messages }))
    const failed = parsed({ status: 'failed', steps })
    const watches = Array.from({ length: 1_000 }, (_, i) => watchOf(failed, `contoso/offer-${i}`))
    const verdicts = watches.map((w) => judge(w, { onTimeout: 'fail' }))
    const md = renderSummary(watches, verdicts, 'failed')
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    const rows = new Set(md.split('\n').filter((line) => line.startsWith('| contoso/offer-')))
    const why = `10 steps rejected: ${Array.from({ length: 10 }, (_, i) => `s${i}`).join(', ')}`
    for (let i = 0; i < 1_000; i++)
      expect(rows.has(`| contoso/offer-${i} | ❌ failed | ${why} | Failed | ❌ failed |`)).toBe(true)
    expect(md).toMatch(/\d+ offer sections/)
    // Every <details> that was opened is closed.
    expect(md.split(/<details[ >]/).length).toBe(md.split('</details>').length)
    // Failed offers are open.
    expect(md).toContain('<details open>\n<summary>❌ contoso/offer-0: Failed: 10 steps rejected: s0, s1')
  })

  it('holds under a tiny budget too', () => {
    const watch = watchOf(parsed({ status: 'failed', steps: [{ id: 'a', status: 'rejected' }] }))
    const verdict = judge(watch, { onTimeout: 'fail' })
    for (const budget of [5_000, 6_000, 8_000]) {
      expect(
        bytes(renderSummary([watch, watch], [verdict, verdict], 'failed', { budgetBytes: budget }))
      ).toBeLessThanOrEqual(budget)
    }
  })

  it('refuses content once full, but writes notes into the reserve and closing tags always', () => {
    const doc = new BudgetedMarkdown(5_000)
    expect(doc.add('a'.repeat(500))).toBe(true)
    expect(doc.add('b'.repeat(1_000))).toBe(false)
    expect(doc.isFull).toBe(true)
    expect(doc.add('c')).toBe(false)
    doc.note('note')
    doc.close('</details>')
    doc.count('steps', 3)
    doc.count('steps', 0)
    const text = doc.toString((cut) => `cut ${cut.get('steps')}`)
    expect(text).toBe(`${'a'.repeat(500)}\nnote\n</details>\ncut 3\n`)
  })
})

describe('output budget', () => {
  it('keeps a JSON array under the budget, valid, with a marker saying what was left out', () => {
    const items = Array.from({ length: 1_000 }, (_, i) => ({ id: i, pad: 'x'.repeat(100) }))
    const json = jsonArray(items, 10_000)
    expect(bytes(json)).toBeLessThanOrEqual(10_000)
    const parsedItems = JSON.parse(json) as { truncated?: boolean; omitted?: number }[]
    const marker = parsedItems.at(-1)
    expect(marker).toEqual({ truncated: true, omitted: 1_000 - (parsedItems.length - 1) })
    expect(jsonArray([1, 2, 3], 10_000)).toBe('[1,2,3]')
    expect(jsonArray([], 10)).toBe('[]')
  })

  it('fits exactly when the last item just fits', () => {
    expect(jsonArray(['aaaa'], 8)).toBe('["aaaa"]')
    const cut = jsonArray(['a'.repeat(50), 'b'.repeat(50)], 90)
    expect(JSON.parse(cut)).toEqual(['a'.repeat(50), { truncated: true, omitted: 1 }])
    expect(bytes(cut)).toBeLessThanOrEqual(90)
  })

  it('keeps every output of 1,000 large offers under 1 MB', () => {
    const steps = Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      stepName: nasty(200),
      status: 'inProgress',
      estimatedTimeFrame: '< 1 day'
    }))
    const running = parsed({ status: 'running', steps })
    const watches = Array.from({ length: 1_000 }, (_, i) => watchOf(running, `contoso/o${i}`))
    const outputs = outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed'
    )
    const sizes = Object.values(outputs).map(bytes)
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES)
    const offers = JSON.parse(outputs.offers ?? '') as { truncated?: boolean }[]
    expect(offers.at(-1)?.truncated).toBe(true)
  })

  it('makes the status output a plain word', () => {
    const outputs = outputsOf(
      [watchOf(parsed({ status: 'Succeeded; rm -rf / $(x)' }))],
      [{ result: 'passed' }],
      'passed'
    )
    expect(outputs.status).toMatch(/^[A-Za-z0-9-]{1,64}$/)
  })
})

describe('deeply nested values', () => {
  it('are refused or ignored without recursion', () => {
    let nested: unknown = []
    for (let i = 0; i < 200_000; i++) nested = [nested]
    const snapshot = parsed({
      status: 'running',
      steps: [
        { id: 'a', status: 'inProgress', progressPercentage: nested, estimatedTimeFrame: nested, messages: nested }
      ],
      messages: [{ messageHtml: nested, timestamp: nested }]
    })
    expect(snapshot.steps[0]).toMatchObject({ id: 'a', status: 'InProgress', messages: [] })
    expect(snapshot.steps[0]?.progress).toBeUndefined()
    expect(parseOfferStatus({ status: nested }).ok).toBe(false)
  })
})

describe('all outputs together', () => {
  it('stay within the budget with many stuck steps and offers', () => {
    const steps = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, stepName: nasty(200), status: 'inProgress' }))
    const running = parsed({ status: 'running', steps })
    const stuck = Array.from({ length: 5 }, (_, i) => ({
      id: `s${i}`,
      name: nasty(200),
      since: T0,
      inProgressMs: 86_400_000,
      estimatedTimeFrame: '< 1 hour'
    }))
    const watches = Array.from({ length: 1_000 }, (_, i) => watchOf(running, `contoso/o${i}`, { stuck }))
    const outputs = outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed'
    )
    const total = Object.values(outputs).reduce((sum, value) => sum + bytes(value), 0)
    expect(total).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES)
    for (const name of ['offers', 'stuck-steps', 'steps']) {
      expect(() => JSON.parse(outputs[name] ?? '') as unknown).not.toThrow()
    }
    expect((JSON.parse(outputs['stuck-steps'] ?? '[]') as { truncated?: boolean }[]).at(-1)?.truncated).toBe(true)
  })
})
