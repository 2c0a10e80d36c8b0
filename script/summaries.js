// @ts-check
/**
 * `npm run summaries`: writes the job summary of every simulator scenario to `summaries/<name>.md`, and
 * their index to `summaries/README.md` (see summaries-lib.js for how), and deletes the `.md` files there
 * that no case writes any more. `--check` writes nothing and fails when a file differs.
 * The action's modules come from `.bench/build` (compiled by the npm script).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { renderAll } from './summaries-lib.js'

const ROOT = resolve(import.meta.dirname, '..')
const DIR = join(ROOT, 'summaries')
const BUILD = join(ROOT, '.bench', 'build')

/** @param {string} path */
const load = (path) => import(join(BUILD, path))

/** @type {import('./summaries-lib.js').Modules} */
const modules = {
  readSettings: (await load('inputs.js')).readSettings,
  createCredentials: (await load('auth.js')).createCredentials,
  createSources: (await load('sources/factory.js')).createSources,
  createHttpPort: (await load('http.js')).createHttpPort,
  watchAll: (await load('portfolio.js')).watchAll,
  reportOf: (await load('report.js')).reportOf
}

const check = process.argv.includes('--check')
const started = performance.now()
const files = await renderAll(modules)
mkdirSync(DIR, { recursive: true })

/** @param {string} name */
const read = (name) => {
  try {
    return readFileSync(join(DIR, name), 'utf8')
  } catch {
    return undefined
  }
}
const stale = readdirSync(DIR).filter((name) => name.endsWith('.md') && !files.has(name))
const changed = [...files].filter(([name, text]) => read(name) !== text).map(([name]) => name)

if (check) {
  if (changed.length > 0 || stale.length > 0) {
    console.error(
      `summaries/ is out of date (${[...changed, ...stale.map((n) => `${n} (stale)`)].join(', ')}): run npm run summaries`
    )
    process.exit(1)
  }
  console.log(`summaries/ is up to date (${String(files.size)} files).`)
} else {
  for (const name of changed) writeFileSync(join(DIR, name), files.get(name) ?? '')
  for (const name of stale) rmSync(join(DIR, name))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `${String(files.size)} files in summaries/ (${seconds} s): ${String(changed.length)} written, ${String(stale.length)} deleted.`
  )
  for (const name of changed) console.log(`  written: summaries/${name}`)
  for (const name of stale) console.log(`  deleted: summaries/${name}`)
  if (changed.length + stale.length > 0) console.log('Review the diff: git diff -- summaries/')
}
