// @ts-check
/**
 * Cut a release: `npm run release -- X.Y.Z`.
 *
 * Checks that the version is plain semver (X.Y.Z), that the work tree is clean, that the tag vX.Y.Z
 * is new and that dist/ is what `npm run bundle` builds; then creates the annotated tag vX.Y.Z, moves
 * the major tag vX to it, and prints the commands that push both. It pushes nothing itself.
 * Node built-ins only. Every failure is one line on stderr and exit code 1.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const USAGE = 'usage: npm run release -- X.Y.Z   (e.g. npm run release -- 1.2.0)'
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** A failure to report as one line, without a stack trace. */
class ReleaseError extends Error {}

/**
 * @typedef {{ status: number, stdout: string, stderr: string }} Ran
 */

/**
 * Run a command in the repository root and capture its output.
 * @param {string} command @param {string[]} args
 * @returns {Ran}
 */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw new ReleaseError(`cannot run ${command}: ${result.error.message}`)
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }
}

/** The first non-empty line of a command's error output, for a one-line message. @param {Ran} ran */
function firstLine(ran) {
  const line = `${ran.stderr}\n${ran.stdout}`.split('\n').find((l) => l.trim() !== '')
  return line?.trim() ?? `exit code ${ran.status}`
}

/**
 * Run git and return its standard output; a non-zero exit is a ReleaseError.
 * @param {string[]} args @param {string} what what was being done, for the error
 */
function git(args, what) {
  const ran = run('git', args)
  if (ran.status !== 0) throw new ReleaseError(`${what}: ${firstLine(ran)}`)
  return ran.stdout
}

/** @param {string} text */
function oneLineOf(text) {
  return text.replace(/\s+/g, ' ').trim()
}

/** @param {string} tag */
function tagExists(tag) {
  return run('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`]).status === 0
}

/** @param {string} version @returns {[number, number, number]} */
function parts(version) {
  const match = SEMVER.exec(version)
  if (!match) throw new ReleaseError(`'${version}' is not a version of the form X.Y.Z`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** @param {[number, number, number]} a @param {[number, number, number]} b */
function compare(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** The version named on the command line. @param {string[]} args */
function readVersion(args) {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(USAGE)
    process.exit(0)
  }
  if (args.length !== 1 || args[0] === undefined) throw new ReleaseError(`give exactly one version. ${USAGE}`)
  const version = args[0]
  if (/^v\d/.test(version)) throw new ReleaseError(`give the version without the 'v' (${version.slice(1)}). ${USAGE}`)
  if (!SEMVER.test(version)) throw new ReleaseError(`'${version}' is not a version of the form X.Y.Z. ${USAGE}`)
  return version
}

function checkCleanTree() {
  git(['rev-parse', '--is-inside-work-tree'], 'not a git work tree')
  const changes = git(['status', '--porcelain'], 'cannot read the git status').trim()
  if (changes) {
    const count = changes.split('\n').length
    throw new ReleaseError(
      `the work tree is not clean (${count} changed or untracked path${count === 1 ? '' : 's'}): commit or stash first`
    )
  }
}

/**
 * The new major tag must not move back to an older release of the same major version.
 * @param {string} version @param {string} major
 */
function checkNewest(version, major) {
  const mine = parts(version)
  const newer = git(['tag', '--list', `${major}.*`], 'cannot list the tags')
    .split('\n')
    .map((tag) => tag.trim().slice(1))
    .filter((v) => SEMVER.test(v) && compare(parts(v), mine) > 0)
  if (newer.length > 0) {
    throw new ReleaseError(`v${newer.join(', v')} is newer than ${version}: moving ${major} there would go back`)
  }
}

function checkDist() {
  console.log('Building dist/ (npm run bundle) ...')
  const built = run('npm', ['run', '-s', 'bundle'])
  if (built.status !== 0) {
    process.stderr.write(built.stderr || built.stdout)
    throw new ReleaseError(`npm run bundle failed (exit code ${built.status})`)
  }
  const changed = git(['status', '--porcelain', '--', 'dist'], 'cannot read the git status').trim()
  if (changed) {
    throw new ReleaseError(
      "dist/ is out of date: 'npm run bundle' changed it; review and commit dist/, then run the release again"
    )
  }
}

/** @param {string[]} args */
function release(args) {
  const version = readVersion(args)
  const tag = `v${version}`
  const major = `v${parts(version)[0]}`

  checkCleanTree()
  if (tagExists(tag)) throw new ReleaseError(`the tag ${tag} already exists`)
  checkNewest(version, major)
  checkDist()

  git(['tag', '-a', tag, '-m', tag], `cannot create the tag ${tag}`)
  try {
    git(['tag', '-fa', major, '-m', tag], `cannot move the tag ${major}`)
  } catch (error) {
    run('git', ['tag', '-d', tag]) // leave the tags as they were
    throw error
  }

  const commit = git(['rev-parse', '--short', 'HEAD'], 'cannot read HEAD').trim()
  console.log(`Tagged ${commit} as ${tag} and moved ${major} to it. Push both with:`)
  console.log('')
  console.log(`  git push origin ${tag}`)
  console.log(`  git push origin ${major} --force`)
}

try {
  release(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`release: ${error instanceof ReleaseError ? '' : 'unexpected error: '}${oneLineOf(message)}`)
  process.exitCode = 1
}
