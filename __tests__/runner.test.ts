/**
 * src/runner.ts, the runner protocol in place of `@actions/core`: what reaches stdout and the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, byte for byte. The expected lines are core 3.0's.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as crypto from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fakeRunner } from './fixtures/runner.js'

// The output delimiter is random; a test can choose the next one to try to break out of an entry.
let nextUuid: string | undefined
jest.unstable_mockModule('node:crypto', () => ({
  ...crypto,
  randomUUID: () => {
    const uuid = nextUuid ?? crypto.randomUUID()
    nextUuid = undefined
    return uuid
  }
}))
const runner = await import('../src/runner.js')

let stdout: string[]
let dir: string
const env = { ...process.env }
beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
  dir = mkdtempSync(join(tmpdir(), 'runner-test-'))
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...env }
  process.exitCode = undefined
  nextUuid = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Everything written to stdout, as lines. */
const lines = (): string[] => stdout.join('').split(EOL).slice(0, -1)

describe('escaping', () => {
  it('escapes a message: %, CR and LF; % first, so that an escape in the text stays text', () => {
    expect(runner.escapeData('100% a\r\nb %0A : ,')).toBe('100%25 a%0D%0Ab %250A : ,')
  })

  it('escapes a property: as a message, and : and , too', () => {
    expect(runner.escapeProperty('a:b,c%\r\n')).toBe('a%3Ab%2Cc%25%0D%0A')
  })

  it('writes null and undefined as nothing and anything not a string as JSON', () => {
    expect(runner.toCommandValue(undefined)).toBe('')
    expect(runner.toCommandValue(null)).toBe('')
    expect(runner.toCommandValue(3)).toBe('3')
    expect(runner.toCommandValue({ a: [1] })).toBe('{"a":[1]}')
    expect(runner.toCommandValue(new String('s'))).toBe('s')
  })
})

describe('workflow commands', () => {
  it('writes an annotation with every property, in the runner’s names, escaped', () => {
    runner.error('50% done\r\nnext', {
      title: 'a:b,c\nd',
      file: 'src/x.ts',
      startLine: 3,
      endLine: 4,
      startColumn: 5,
      endColumn: 6
    })
    expect(stdout).toEqual([
      `::error title=a%3Ab%2Cc%0Ad,file=src/x.ts,line=3,endLine=4,col=5,endColumn=6::50%25 done%0D%0Anext${EOL}`
    ])
  })

  it('keeps a message with :: or line breaks one command on one line', () => {
    runner.warning('a::b\n::error::injected\r\n::add-mask::x', { title: 'T::x' })
    expect(lines()).toEqual(['::warning title=T%3A%3Ax::a::b%0A::error::injected%0D%0A::add-mask::x'])
  })

  it('leaves out empty properties, and writes an Error as its toString()', () => {
    runner.error('m', { title: '' })
    runner.warning(new Error('boom'), { title: 'T', startLine: 0 })
    runner.notice('n', { file: 'a.ts', startLine: 7 })
    runner.notice('plain')
    expect(lines()).toEqual([
      '::error::m',
      '::warning title=T::Error: boom',
      '::notice file=a.ts,line=7::n',
      '::notice::plain'
    ])
  })

  it('writes info as it is and the other commands escaped', () => {
    runner.info('plain %0A text')
    runner.debug('d\ne')
    runner.setSecret('s3cr%t\nline')
    runner.startGroup('Step: a\nb')
    runner.endGroup()
    expect(lines()).toEqual([
      'plain %0A text',
      '::debug::d%0Ae',
      '::add-mask::s3cr%25t%0Aline',
      '::group::Step: a%0Ab',
      '::endgroup::'
    ])
  })

  it('setFailed writes an error and sets the exit code to 1', () => {
    expect(runner.ExitCode).toEqual({ Success: 0, Failure: 1 })
    runner.setFailed('it broke')
    expect(process.exitCode).toBe(1)
    expect(lines()).toEqual(['::error::it broke'])
  })
})

describe('getInput', () => {
  it('reads INPUT_ with the name upper-cased, spaces as _, hyphens kept, trimmed', () => {
    process.env['INPUT_OFFER-ID'] = '  abc \n'
    process.env.INPUT_MY_NAME = 'x'
    expect(runner.getInput('offer-id')).toBe('abc')
    expect(runner.getInput('my name')).toBe('x')
    expect(runner.getInput('Offer-Id', { trimWhitespace: false })).toBe('  abc \n')
  })

  it('reads an input that is not set as empty, and throws only when it is required', () => {
    delete process.env.INPUT_MISSING
    expect(runner.getInput('missing')).toBe('')
    expect(() => runner.getInput('missing', { required: true })).toThrow('Input required and not supplied: missing')
  })
})

describe('setOutput', () => {
  const DELIMITER = /^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('appends name<<delimiter heredoc entries to GITHUB_OUTPUT, a fresh random delimiter each', () => {
    const file = join(dir, 'output')
    writeFileSync(file, 'before=1\n')
    process.env.GITHUB_OUTPUT = file
    runner.setOutput('status', 'Succeeded')
    runner.setOutput('steps', 'a\nb')
    runner.setOutput('json', { n: 1 })
    const text = readFileSync(file, 'utf8')
    const entries = [...text.matchAll(/^(\w+)<<(\S+)\n([^]*?)\n\2\n/gm)]
    expect(entries.map((m) => [m[1], m[3]])).toEqual([
      ['status', 'Succeeded'],
      ['steps', 'a\nb'],
      ['json', '{"n":1}']
    ])
    expect(text).toBe(`before=1\n${entries.map((m) => m[0]).join('')}`)
    const delimiters = entries.map((m) => m[2] ?? '')
    for (const d of delimiters) expect(d).toMatch(DELIMITER)
    expect(new Set(delimiters).size).toBe(3)
    expect(stdout).toEqual([])
  })

  it('refuses a name or a value that contains the delimiter, writing nothing', () => {
    const file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    nextUuid = 'guessed'
    expect(() => {
      runner.setOutput('status', 'x\nghadelimiter_guessed\nresult=passed')
    }).toThrow('Unexpected input: value should not contain the delimiter "ghadelimiter_guessed"')
    nextUuid = 'guessed'
    expect(() => {
      runner.setOutput('a<<ghadelimiter_guessed', 'x')
    }).toThrow('Unexpected input: name should not contain the delimiter "ghadelimiter_guessed"')
    expect(readFileSync(file, 'utf8')).toBe('')
  })

  it('throws when GITHUB_OUTPUT names no file, rather than create it', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'absent')
    expect(() => {
      runner.setOutput('status', 'x')
    }).toThrow(`Missing file at path: ${join(dir, 'absent')}`)
    expect(existsSync(join(dir, 'absent'))).toBe(false)
  })

  it('without GITHUB_OUTPUT writes the legacy set-output command after an empty line', () => {
    delete process.env.GITHUB_OUTPUT
    runner.setOutput('a:b', 'v\nw')
    expect(stdout).toEqual([EOL, `::set-output name=a%3Ab::v%0Aw${EOL}`])
  })
})

describe('summary', () => {
  it('appends the collected text to GITHUB_STEP_SUMMARY and empties it; overwrite replaces the file', async () => {
    const file = join(dir, 'summary')
    writeFileSync(file, 'earlier step\n')
    process.env.GITHUB_STEP_SUMMARY = file
    const summary = new runner.Summary()
    await summary.addRaw('## A').addRaw(' b', true).write()
    expect(readFileSync(file, 'utf8')).toBe(`earlier step\n## A b${EOL}`)
    expect(summary.stringify()).toBe('')
    await summary.addRaw('more').write()
    expect(readFileSync(file, 'utf8')).toBe(`earlier step\n## A b${EOL}more`)
    await summary.addRaw('only').write({ overwrite: true })
    expect(readFileSync(file, 'utf8')).toBe('only')
  })

  it('rejects without GITHUB_STEP_SUMMARY, or when the file is missing, and keeps the text', async () => {
    const summary = new runner.Summary().addRaw('text')
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(summary.write()).rejects.toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY.')
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'absent')
    await expect(summary.write()).rejects.toThrow(`Unable to access summary file: '${join(dir, 'absent')}'.`)
    expect(existsSync(join(dir, 'absent'))).toBe(false)
    expect(summary.stringify()).toBe('text')
    expect(summary.emptyBuffer().stringify()).toBe('')
  })

  it('is one shared summary, as core.summary', () => {
    expect(runner.summary).toBeInstanceOf(runner.Summary)
  })
})

it('has everything the test fixture fakes, of the same kind', () => {
  const { runner: fake } = fakeRunner()
  for (const [name, value] of Object.entries(fake)) {
    expect([name, typeof (runner as Record<string, unknown>)[name]]).toEqual([name, typeof value])
  }
  expect(Object.keys(fake.summary).filter((k) => !(k in runner.summary))).toEqual([])
})
