// @ts-check
/**
 * README facts that live in two places are written from their source, between markers:
 *   <!-- inputs:start --> ... <!-- inputs:end -->        from action.yml
 *   <!-- outputs:start --> ... <!-- outputs:end -->      from action.yml
 *   <!-- scenarios:start --> ... <!-- scenarios:end -->  from the simulator's SCENARIO_NAMES (CPP),
 *                                                        PI_SCENARIO_NAMES and JOB_NAMES
 * `npm run docs` rewrites README.md; `npm run docs -- --check` (and a test) fail when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { JOB_NAMES, PI_SCENARIO_NAMES, SCENARIO_NAMES } from '../simulator/server.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {{ cpp: readonly string[], pi: readonly string[], jobs: readonly string[] }} ScenarioNames
 *   the simulator's scenarios: of the CPP API, of the Product Ingestion API, and its configure jobs
 * @typedef {{ description?: string, required?: boolean, default?: string }} Input
 * @typedef {{ inputs: Record<string, Input>, outputs: Record<string, { description?: string }> }} Action
 */

/** One table cell: one line, no `|` to split it. @param {string | undefined} text */
const cell = (text) => (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

/** @param {Action} action */
export function inputsTable(action) {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const def = input.required ? 'required' : input.default ? `\`${input.default}\`` : ''
    return `| \`${name}\` | ${def} | ${cell(input.description)} |`
  })
  return ['| input | default | meaning |', '| --- | --- | --- |', ...rows].join('\n')
}

/** @param {Action} action */
export function outputsTable(action) {
  const rows = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| output | meaning |', '| --- | --- |', ...rows].join('\n')
}

/**
 * The scenario names as sentences: the CPP ones, then (when given) the Product Ingestion ones and the jobs.
 * @param {readonly string[]} names @param {readonly string[]} [pi] @param {readonly string[]} [jobs]
 */
export function scenarioList(names, pi = [], jobs = []) {
  /** @param {readonly string[]} list */
  const codes = (list) => list.map((name) => `\`${name}\``).join(', ')
  const lines = [`Simulator scenarios: ${codes(names)}.`]
  if (pi.length > 0) lines.push(`Product Ingestion scenarios: ${codes(pi)}.`)
  if (jobs.length > 0) lines.push(`Product Ingestion jobs: ${codes(jobs)}.`)
  return lines.join('\n')
}

/**
 * README with every marked block written anew.
 * @param {string} readme @param {Action} action @param {readonly string[] | ScenarioNames} scenarios
 *   the CPP scenario names alone, or all of them
 */
export function renderReadme(readme, action, scenarios) {
  const { cpp, pi, jobs } = Array.isArray(scenarios)
    ? { cpp: scenarios, pi: [], jobs: [] }
    : /** @type {ScenarioNames} */ (scenarios)
  /** @type {Record<string, string>} */
  const blocks = { inputs: inputsTable(action), outputs: outputsTable(action), scenarios: scenarioList(cpp, pi, jobs) }
  let out = readme
  for (const [name, content] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> / <!-- ${name}:end --> markers`)
    out = out.replace(pattern, (_, start, end) => `${String(start)}\n${content}\n${String(end)}`)
  }
  return out
}

/** The sources: README.md, action.yml and the scenario names. */
export function readSources() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const action = /** @type {Action} */ (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')))
  /** @type {ScenarioNames} */
  const scenarios = { cpp: SCENARIO_NAMES, pi: PI_SCENARIO_NAMES, jobs: JOB_NAMES }
  return { readme, action, scenarios }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { readme, action, scenarios } = readSources()
  const wanted = renderReadme(readme, action, scenarios)
  if (process.argv.includes('--check')) {
    if (wanted !== readme) {
      console.error('README.md is out of date with action.yml or the simulator: run npm run docs')
      process.exit(1)
    }
    console.log('README.md is up to date.')
  } else {
    writeFileSync(join(ROOT, 'README.md'), wanted)
    console.log(wanted === readme ? 'README.md was up to date.' : 'README.md updated.')
  }
}
