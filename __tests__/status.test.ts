import { describe, expect, it } from '@jest/globals'
import {
  activeStep,
  canonicalStatus,
  hasChanged,
  isFinalOfferStatus,
  waitsForPublisherReview
} from '../src/snapshot.js'
import { parseOfferStatus } from '../src/sources/cpp-schema.js'
import { snapshot, step } from './fixtures/fakes.js'

describe('canonicalStatus', () => {
  it.each([
    ['succeeded', 'Succeeded'],
    ['SUCCEEDED', 'Succeeded'],
    ['notStarted', 'NotStarted'],
    ['waitingForPublisherReview', 'WaitingForPublisherReview'],
    ['inprogress', 'InProgress'],
    ['cancelled', 'Canceled'],
    ['complete', 'Complete'],
    ['  running ', 'Running'],
    ['pendingSomething', 'pendingSomething']
  ])('%p → %p', (raw, canonical) => {
    expect(canonicalStatus(raw)).toBe(canonical)
  })
})

describe('parseOfferStatus', () => {
  it('reads a real-looking response', () => {
    const parsed = parseOfferStatus({
      status: 'running',
      messages: [{ messageHtml: '<b>Offer</b> note', level: 'informational' }],
      steps: [
        {
          id: 'certification',
          stepName: 'Certification',
          description: 'Checks',
          status: 'inProgress',
          estimatedTimeFrame: '~2-3 days',
          progressPercentage: 40,
          messages: [{ messageHtml: '<p>Scan &amp; test</p>', level: 'warning', timestamp: '2026-11-25T10:00:00Z' }]
        }
      ],
      previewLinks: [],
      somethingNew: { nested: true }
    })
    expect(parsed).toEqual({
      ok: true,
      snapshot: {
        status: 'Running',
        messages: [{ text: 'Offer note', level: 'informational' }],
        steps: [
          {
            id: 'certification',
            name: 'Certification',
            description: 'Checks',
            status: 'InProgress',
            estimatedTimeFrame: '~2-3 days',
            progress: 40,
            messages: [{ text: 'Scan & test', level: 'warning', timestamp: '2026-11-25T10:00:00Z' }]
          }
        ]
      }
    })
  })

  it('accepts processPercentage, numeric strings, and clamps progress', () => {
    const parsed = parseOfferStatus({
      status: 'running',
      steps: [
        { id: 'a', status: 'inProgress', processPercentage: 25 },
        { id: 'b', status: 'inProgress', progressPercentage: '70' },
        { id: 'c', status: 'inProgress', progressPercentage: 140 },
        { id: 'd', status: 'inProgress', progressPercentage: 'lots' }
      ]
    })
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.snapshot.steps.map((s) => s.progress)).toEqual([25, 70, 100, undefined])
  })

  it('keeps an unknown status as it came and tolerates missing fields', () => {
    const parsed = parseOfferStatus({ status: 'pendingValidationQueue', steps: [{ status: 'queuedForScan' }, {}] })
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.snapshot.status).toBe('pendingValidationQueue')
    expect(parsed.snapshot.steps[0]).toMatchObject({ id: 'step-1', name: 'step-1', status: 'queuedForScan' })
    expect(parsed.snapshot.steps[1]).toMatchObject({ id: 'step-2', status: 'Unknown' })
    expect(parsed.snapshot.steps[0]?.progress).toBeUndefined()
    expect(parsed.snapshot.steps[0]?.estimatedTimeFrame).toBeUndefined()
  })

  it('tolerates null steps and junk messages', () => {
    const parsed = parseOfferStatus({ status: 'running', steps: null, messages: 'oops' })
    expect(parsed).toEqual({ ok: true, snapshot: { status: 'Running', steps: [], messages: [] } })
    const junk = parseOfferStatus({
      status: 'running',
      steps: [{ id: 'x', status: 'complete', messages: [5, { level: 'x' }] }]
    })
    expect(junk.ok && junk.snapshot.steps[0]?.messages).toEqual([])
  })

  it.each([null, 'text', 42, [], {}, { status: '' }, { status: 7 }, { steps: [] }])('refuses %p', (body) => {
    const parsed = parseOfferStatus(body)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.reason).toMatch(/not an offer status/)
  })
})

describe('decisions on a snapshot', () => {
  it('knows the final offer statuses in any case', () => {
    expect(['succeeded', 'FAILED', 'Canceled'].every(isFinalOfferStatus)).toBe(true)
    expect(
      ['running', 'notStarted', 'neverPublished', 'waitingForPublisherReview', 'weird'].some(isFinalOfferStatus)
    ).toBe(false)
  })

  it('sees publisher review on the offer or on a step', () => {
    expect(waitsForPublisherReview(snapshot('WaitingForPublisherReview'))).toBe(true)
    expect(waitsForPublisherReview(snapshot('Running', [step('publisher-signoff', 'WaitingForPublisherReview')]))).toBe(
      true
    )
    expect(waitsForPublisherReview(snapshot('Running', [step('certification', 'InProgress')]))).toBe(false)
  })

  it('names the active step: rejected, else in progress, else waiting, else unknown, else not started', () => {
    const steps = [step('a', 'Complete'), step('b', 'NotStarted'), step('c', 'InProgress'), step('d', 'Rejected')]
    expect(activeStep(snapshot('Running', steps))?.id).toBe('d')
    expect(activeStep(snapshot('Running', steps.slice(0, 3)))?.id).toBe('c')
    expect(
      activeStep(snapshot('Running', [step('a', 'Complete'), step('x', 'mystery'), step('b', 'NotStarted')]))?.id
    ).toBe('x')
    expect(activeStep(snapshot('Running', steps.slice(0, 2)))?.id).toBe('b')
    expect(activeStep(snapshot('Succeeded', [step('a', 'Complete')]))).toBeUndefined()
  })

  it('detects a change of offer status, step status, progress or step set', () => {
    const base = snapshot('Running', [step('a', 'InProgress', { progress: 10 })])
    expect(hasChanged(undefined, base)).toBe(true)
    expect(hasChanged(base, snapshot('Running', [step('a', 'InProgress', { progress: 10 })]))).toBe(false)
    expect(hasChanged(base, snapshot('Succeeded', base.steps))).toBe(true)
    expect(hasChanged(base, snapshot('Running', [step('a', 'Complete', { progress: 10 })]))).toBe(true)
    expect(hasChanged(base, snapshot('Running', [step('a', 'InProgress', { progress: 20 })]))).toBe(true)
    expect(hasChanged(base, snapshot('Running', [step('b', 'InProgress', { progress: 10 })]))).toBe(true)
    expect(hasChanged(base, snapshot('Running', [...base.steps, step('b', 'NotStarted')]))).toBe(true)
  })
})

describe('parseOfferStatus, field by field', () => {
  const stepOf = (raw: Record<string, unknown>) => {
    const parsed = parseOfferStatus({ status: 'running', steps: [raw] })
    if (!parsed.ok) throw new Error(parsed.reason)
    return parsed.snapshot.steps[0]
  }

  it('trims every text field of a step, and keeps absent optional fields absent', () => {
    expect(
      stepOf({
        id: ' certification ',
        stepName: ' Certification ',
        description: ' Checks ',
        status: ' inProgress ',
        estimatedTimeFrame: ' < 15 min '
      })
    ).toStrictEqual({
      id: 'certification',
      name: 'Certification',
      description: 'Checks',
      status: 'InProgress',
      estimatedTimeFrame: '< 15 min',
      messages: []
    })
    expect(stepOf({ stepName: ' Packaging ', status: 'notStarted', estimatedTimeFrame: '   ' })).toStrictEqual({
      id: 'Packaging',
      name: 'Packaging',
      description: '',
      status: 'NotStarted',
      messages: []
    })
  })

  it('reads a message level trimmed, "info" when there is none, and a timestamp only when given', () => {
    const parsed = parseOfferStatus({
      status: 'running',
      messages: [
        { messageHtml: 'a', level: ' warning ' },
        { message: 'b' },
        { messageHtml: 'c', level: '  ', timestamp: '2026-11-25T10:00:00Z' }
      ]
    })
    expect(parsed.ok && parsed.snapshot.messages).toStrictEqual([
      { text: 'a', level: 'warning' },
      { text: 'b', level: 'info' },
      { text: 'c', level: 'info', timestamp: '2026-11-25T10:00:00Z' }
    ])
  })

  it('drops a step that is not an object, numbering the others by their place in the list', () => {
    const parsed = parseOfferStatus({ status: 'running', steps: ['junk', { status: 'complete' }] })
    expect(parsed.ok && parsed.snapshot.steps.map((s) => [s.id, s.status])).toEqual([['step-2', 'Complete']])
  })

  it('says which field is wrong, or that the body is', () => {
    expect(parseOfferStatus(null)).toEqual({
      ok: false,
      reason: 'not an offer status (body: Invalid input: expected object, received null)'
    })
    expect(parseOfferStatus({ status: 7 })).toEqual({
      ok: false,
      reason: 'not an offer status (status: Invalid input: expected string, received number)'
    })
  })
})

describe('decisions on a snapshot, step by step', () => {
  it('sees publisher review on any one step, not only when all steps wait for it', () => {
    expect(
      waitsForPublisherReview(
        snapshot('Running', [step('validation', 'Complete'), step('publisher-signoff', 'WaitingForPublisherReview')])
      )
    ).toBe(true)
  })

  it('sees a step that went away', () => {
    const before = snapshot('Running', [step('a', 'Complete'), step('b', 'InProgress')])
    expect(hasChanged(before, snapshot('Running', [step('a', 'Complete')]))).toBe(true)
  })
})
