/** Docs that cannot drift: README's generated blocks, and action.yml against the published schema. */
import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputsTable, outputsTable, readSources, renderReadme, scenarioList } from '../script/docs.js'
import { INPUT_DEFAULTS } from '../src/inputs.js'
import { ROOT } from './fixtures/action.js'

const { readme, action, scenarios } = readSources()

describe('README', () => {
  it('has the inputs and outputs tables of action.yml and the simulator scenarios (npm run docs writes them)', () => {
    expect(readme).toBe(renderReadme(readme, action, scenarios))
  })

  it('renders the tables from action.yml', () => {
    const table = inputsTable({
      inputs: { a: { description: 'one\ntwo | three', required: true }, b: { default: 'x' } },
      outputs: {}
    })
    expect(table.split('\n')).toEqual([
      '| input | default | meaning |',
      '| --- | --- | --- |',
      '| `a` | required | one two \\| three |',
      '| `b` | `x` |  |'
    ])
    expect(outputsTable({ inputs: {}, outputs: { o: { description: 'out' } } })).toContain('| `o` | out |')
    expect(scenarioList(['a', 'b'])).toBe('Simulator scenarios: `a`, `b`.')
  })

  it('notices a stale block, and a missing marker', () => {
    const stale = readme.replace(/\| `timeout` \| `1h` \|/, '| `timeout` | `2h` |')
    expect(renderReadme(stale, action, scenarios)).toBe(readme)
    expect(() => renderReadme('no markers', action, scenarios)).toThrow(/no <!-- inputs:start -->/)
  })
})

describe('action.yml', () => {
  const yml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Record<string, unknown>

  it('validates against the published schema of action metadata', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'github-action.json'), 'utf8')) as object
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    expect(validate(yml) ? [] : validate.errors).toEqual([])
  })

  it('runs the bundle on node24 and describes every input and output', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    for (const input of Object.values(action.inputs)) expect(input.description?.length).toBeGreaterThan(10)
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(10)
  })

  it('gives every optional input the default the settings use', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.required) expect(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]).toBe('')
      else expect(input.default).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
    }
  })
})
