// @ts-check
/**
 * `npm start`: run the committed bundle (dist/index.js) against the in-process simulator, the way a
 * runner would, and show its log, outputs and job summary readably in a terminal.
 *   node script/demo.js [--scenario NAME | --offers LIST] [--api auto|cloud-partner-portal|product-ingestion]
 *                       [--job ID]... [--sign-in token|secret|oidc] [--token-lifetime SECONDS]
 *                       [--wait-for VALUE] [--timeout VALUE] [--checks N] [--verbose]
 * With --checks N above 1 it runs the action N times in a row, as a scheduled workflow would, against one
 * simulator (so each check sees the next frame) and one state file, and shows what each check says
 * changed since the last.
 * Node built-ins only (no npm install needed).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { IDENTITY_DEFAULTS } from '../simulator/identity.js'
import { jobScenarioOf } from '../simulator/ingestion.js'
import { JOB_NAMES, PI_SCENARIO_NAMES, SCENARIO_NAMES, startSimulator } from '../simulator/server.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BUNDLE = join(ROOT, 'dist', 'index.js')
/** The static token of the CPP API (audience https://cloudpartner.azure.com) */
const TOKEN = 'demo-token-0123456789'
/** The static token of the Product Ingestion API (audience https://graph.microsoft.com) */
const GRAPH_TOKEN = 'demo-graph-token-0123456789'
const COLOR = process.stdout.isTTY && !process.env.NO_COLOR
const MAX_WIDTH = Math.min(140, process.stdout.columns || 140)

/** @param {string} codes @returns {(s: string) => string} */
const sgr = (codes) => (s) => (COLOR && s ? `\x1b[${codes}m${s}\x1b[0m` : s)
const bold = sgr('1'),
  dim = sgr('2'),
  italic = sgr('3'),
  under = sgr('1;4'),
  red = sgr('31'),
  green = sgr('32')
const yellow = sgr('33'),
  blue = sgr('34'),
  magenta = sgr('35'),
  cyan = sgr('36')
const out = (/** @type {string} */ s = '') => process.stdout.write(s + '\n')
// A reader that stops early (`npm start | head`) is not an error.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0)
  throw error
})
/** Colour for a result: passed green, failed red, anything else (timed-out, cancelled) yellow. */
const paintResult = (/** @type {string} */ result) => (result === 'passed' ? green : result === 'failed' ? red : yellow)

// ── Arguments ──────────────────────────────────────────────────────────────────────────────────
const SIGN_INS = ['token', 'secret', 'oidc']
/**
 * Scenarios that answer 401 for an expired token once: the action gets past it only with a token it can
 * renew, from a sign-in; the token input is used as it is, so with it the wait fails.
 */
const RENEWING = ['expired-once']
const APIS = ['auto', 'cloud-partner-portal', 'product-ingestion']
/** The state-file input with --checks above 1: relative to GITHUB_WORKSPACE, the demo's temporary directory. */
const STATE_FILE = 'offer-status-state.json'
/** The most checks --checks runs. */
const MAX_CHECKS = 10
/** A list of names, wrapped to the usage's second column. */
const names = (/** @type {readonly string[]} */ list) =>
  list
    .join(', ')
    .replace(/(.{1,70})(, |$)/g, '$1,\n                      ')
    .replace(/,\n\s*$/, '')
const USAGE = `usage: npm start -- [--scenario NAME | --offers LIST] [--api auto|cloud-partner-portal|product-ingestion]
                    [--job ID]... [--sign-in token|secret|oidc] [--token-lifetime SECONDS]
                    [--wait-for completion|publisher-review|none] [--timeout 30s] [--checks N] [--verbose]

Runs dist/index.js against the simulator of the Cloud Partner Portal (CPP) API and the Product Ingestion
(PI) API, and shows its log, outputs and job summary.
  --scenario NAME     the scenario of the one offer watched (default happy; pi-live with --api
                      product-ingestion or --job; multi-day with --checks above 1). A CPP scenario
                      plays for the offer contoso-vm-offer:
                      ${names(SCENARIO_NAMES)}
                      a PI scenario is the offer's ID itself:
                      ${names(PI_SCENARIO_NAMES)}
  --offers LIST       watch several offers at once instead: comma-separated offer IDs, each the name of
                      the scenario it plays, e.g. --offers failed,late,not-found (not with --scenario);
                      CPP and PI names may be mixed, e.g. --offers happy,pi-live (then --api auto)
  --api API           the api input: which API to read (default: cloud-partner-portal when only CPP
                      scenarios are played, product-ingestion when only PI ones (or jobs), auto when both):
                        cloud-partner-portal  the CPP API, publisher-id contoso
                        product-ingestion     the PI API (ingestion-url), with no publisher-id; with
                                              --sign-in token the token input is the PI (Graph) token
                        auto                  the CPP API, then PI for an offer the CPP API does not know;
                                              it needs tokens for both APIs, so it signs in by client
                                              secret unless --sign-in oidc is given
  --job ID            also watch a PI configure job (the job-id input); repeat it or give a comma list,
                      e.g. --job job-succeeded,job-cert-failed. The job IDs are the jobs' names:
                      ${names(JOB_NAMES)}
  --sign-in MODE      how the action signs in (default token; secret with --api auto, or when
                      ${names(RENEWING)} is played, whose expired token only a new sign-in gets past):
                        token   the token input, used as it is
                        secret  tenant-id, client-id and client-secret against the simulator's Entra ID
                        oidc    tenant-id and client-id, with a GitHub OIDC ID token from the simulator
  --token-lifetime S  lifetime in seconds of the simulator's Entra ID tokens (default 3600), with
                      --sign-in secret or oidc; e.g. 2 to see the token renewed mid-wait
  --wait-for VALUE    the wait-for input (default: none with --checks above 1; publisher-review when
                      publisher-review or pi-preview-ready is watched, none when only never-published,
                      unknown-status or pi-never-published are, else completion)
  --timeout VALUE     the timeout input (default 30s)
  --checks N          run the action N times in a row (1 to 10, default 1), as a workflow on a schedule
                      would: against one simulator, so that each check sees the offer further on, and
                      with one state file (the state-file input, ${STATE_FILE} in a temporary
                      workspace), so that each check says what changed since the last. Shows each
                      check's log, its outputs changed, changes, outcome and result, and the job
                      summary's "Since the last check" section; the last check's whole job summary;
                      then one line a check. E.g. npm start -- --checks 3 (scenario multi-day)
  --verbose           also show the step lines inside each poll group and the debug log

Every run sets the inputs base-url and ingestion-url (base-url + /rp/product-ingestion) to the simulator.`

/**
 * @returns {{ scenario?: string, offers?: string, api?: string, job?: string[], 'sign-in'?: string,
 *   'token-lifetime'?: string, 'wait-for'?: string, timeout?: string, checks?: string, help?: boolean,
 *   verbose?: boolean }}
 */
function readArgs() {
  const options = /** @type {const} */ ({
    scenario: { type: 'string' },
    offers: { type: 'string' },
    api: { type: 'string' },
    job: { type: 'string', multiple: true },
    'sign-in': { type: 'string' },
    'token-lifetime': { type: 'string' },
    'wait-for': { type: 'string' },
    timeout: { type: 'string' },
    checks: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    verbose: { type: 'boolean', short: 'v' }
  })
  try {
    return parseArgs({ options, allowPositionals: false }).values
  } catch (err) {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
    return process.exit(2)
  }
}
const args = readArgs()
if (args.help) {
  out(USAGE)
  process.exit(0)
}
/** Whether a scenario is one of the Product Ingestion API's. */
const isPi = (/** @type {string} */ name) => PI_SCENARIO_NAMES.includes(name)
/** Exits 2 with the known scenarios when `name` is not one (of either API). */
function checkScenario(/** @type {string} */ name, /** @type {string} */ what) {
  if (SCENARIO_NAMES.includes(name) || isPi(name)) return
  const list = (/** @type {readonly string[]} */ l) => l.map((n) => `  ${n}`).join('\n')
  console.error(
    `demo: unknown ${what} '${name}'. Known scenarios, of the CPP API:\n${list(SCENARIO_NAMES)}\n` +
      `and of the Product Ingestion API:\n${list(PI_SCENARIO_NAMES)}`
  )
  process.exit(2)
}
/** Exits 2 with `message` and the usage. */
function usageError(/** @type {string} */ message) {
  console.error(`demo: ${message}\n\n${USAGE}`)
  return process.exit(2)
}
const checksArg = args.checks
/** How many times the action runs, one check after the other (--checks). */
const checks = checksArg === undefined ? 1 : Number(checksArg)
if (checksArg !== undefined && (!/^\s*\d+\s*$/.test(checksArg) || checks < 1 || checks > MAX_CHECKS)) {
  usageError(`--checks takes a whole number from 1 to ${MAX_CHECKS}, not '${checksArg}'.`)
}
if (args.offers !== undefined && args.scenario !== undefined) {
  usageError('--offers and --scenario exclude each other: each offer ID of --offers names its own scenario.')
}
const apiArg = args.api
if (apiArg !== undefined && !APIS.includes(apiArg)) usageError(`unknown --api '${apiArg}'; use ${APIS.join(', ')}.`)
/** The configure jobs to watch: their IDs are job scenario names. */
const jobs = [
  ...new Set(
    (args.job ?? [])
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== '')
  )
]
if (args.job !== undefined && jobs.length === 0) usageError('--job needs a job ID, e.g. --job job-succeeded.')
for (const id of jobs) {
  if (jobScenarioOf(id) === undefined) {
    console.error(`demo: unknown job '${id}'. Known jobs:\n${JOB_NAMES.map((n) => `  ${n}`).join('\n')}`)
    process.exit(2)
  }
}
if (jobs.length > 0 && apiArg === 'cloud-partner-portal') {
  usageError('--job watches a configure job of the Product Ingestion API: not with --api cloud-partner-portal.')
}
const scenario =
  args.scenario ??
  (apiArg === 'product-ingestion' || (apiArg === undefined && jobs.length > 0)
    ? 'pi-live'
    : checks > 1
      ? 'multi-day'
      : 'happy')
checkScenario(scenario, 'scenario')
if (args.scenario !== undefined && apiArg === 'product-ingestion' && !isPi(scenario)) {
  usageError(
    `--scenario ${scenario} is a Cloud Partner Portal scenario: with --api product-ingestion use a PI one (pi-...), or --offers to mix them.`
  )
}
if (args.scenario !== undefined && apiArg === 'cloud-partner-portal' && isPi(scenario)) {
  usageError(
    `--scenario ${scenario} is a Product Ingestion scenario: with --api cloud-partner-portal use a CPP one, or --offers to mix them.`
  )
}
/** The offers to watch: their IDs are scenario names (the simulator plays that scenario for each), unless --offers is left out. */
const offers =
  args.offers === undefined
    ? undefined
    : [
        ...new Set(
          args.offers
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== '')
        )
      ]
if (offers?.length === 0) usageError('--offers needs at least one offer ID, e.g. --offers failed,late,not-found.')
for (const id of offers ?? []) checkScenario(id, 'offer (scenario)')
const played = offers ?? [scenario]
/** The offer IDs: --offers as given; a PI scenario is its own offer ID, a CPP one plays for contoso-vm-offer. */
const offerIds = offers ?? [isPi(scenario) ? scenario : 'contoso-vm-offer']
const usesPi = played.some(isPi) || jobs.length > 0
const usesCpp = played.some((name) => !isPi(name))
const api = apiArg ?? (usesPi && usesCpp ? 'auto' : usesPi ? 'product-ingestion' : 'cloud-partner-portal')
// Several checks in a row are scheduled checks: one look each, as a workflow on a schedule takes.
const waitFor =
  args['wait-for'] ??
  (checks > 1
    ? 'none'
    : played.some((name) => ['publisher-review', 'pi-preview-ready'].includes(name))
      ? 'publisher-review'
      : played.every((name) => ['never-published', 'unknown-status', 'pi-never-published'].includes(name))
        ? 'none'
        : 'completion')
// api auto may read both APIs, whose tokens have different audiences: one token input cannot serve both.
// A scenario that expires the token needs a sign-in too, to renew it.
const renews = played.some((name) => RENEWING.includes(name))
const signIn = args['sign-in'] ?? (api === 'auto' || renews ? 'secret' : 'token')
if (!SIGN_INS.includes(signIn)) usageError(`unknown --sign-in '${signIn}'; use ${SIGN_INS.join(', ')}.`)
if (api === 'auto' && signIn === 'token') {
  usageError(
    '--api auto reads the Cloud Partner Portal API and the Product Ingestion API, which take tokens of different' +
      ' audiences, and the token input holds one: use --sign-in secret (the default with --api auto) or oidc.'
  )
}
const lifetimeArg = args['token-lifetime']
const tokenLifetimeSec = lifetimeArg === undefined ? undefined : Number(lifetimeArg)
if (lifetimeArg !== undefined && (!/^\s*\d+(\.\d+)?\s*$/.test(lifetimeArg) || !Number.isFinite(tokenLifetimeSec))) {
  usageError(`--token-lifetime takes a number of seconds >= 0, not '${lifetimeArg}'.`)
}
if (lifetimeArg !== undefined && signIn === 'token') {
  usageError('--token-lifetime applies to the tokens the simulator issues: use it with --sign-in secret or oidc.')
}
if (!existsSync(BUNDLE)) {
  console.error('demo: dist/index.js is missing; build it with `npm run bundle`.')
  process.exit(1)
}

/** The defaults of action.yml's inputs (a runner sets them for inputs left out), read line by line. */
function actionDefaults() {
  /** @type {Record<string, string>} */
  const inputs = {}
  let section = '',
    current = ''
  for (const line of readFileSync(join(ROOT, 'action.yml'), 'utf8').split(/\r?\n/)) {
    const top = /^(\S[^:]*):/.exec(line)
    if (top) section = top[1] ?? ''
    const name = section === 'inputs' ? /^ {2}([\w-]+):\s*$/.exec(line) : null
    if (name?.[1]) current = name[1]
    const def = section === 'inputs' ? /^ {4}default:\s*(.*?)\s*$/.exec(line) : null
    if (def && current) inputs[current] = (def[1] ?? '').replace(/^'(.*)'$|^"(.*)"$/, '$1$2')
  }
  return inputs
}

// ── Display width, wrapping, inline markdown ───────────────────────────────────────────────────
// eslint-disable-next-line no-control-regex -- the escape character starts every colour code
const ANSI = /\x1b\[[0-9;]*m/g
const ZERO = /[\p{Mn}\p{Me}\p{Cf}]/u
const WIDE =
  /\p{Emoji_Presentation}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** Terminal columns a string takes: emoji 2, a symbol with U+FE0F (e.g. ⏱️ ⚠️) 2, marks and FE0F 0. */
function width(/** @type {string} */ s) {
  const chars = Array.from(s.replace(ANSI, ''))
  let w = 0
  chars.forEach((ch, i) => {
    if (ZERO.test(ch)) return
    w += WIDE.test(ch) || chars[i + 1] === '\ufe0f' || (ch.codePointAt(0) ?? 0) >= 0x20000 ? 2 : 1
  })
  return w
}
const pad = (/** @type {string} */ s, /** @type {number} */ n, right = false) =>
  right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s)))

/** Word-wraps each line of `text` to `max` columns; a word longer than that is cut. */
function wrap(/** @type {string} */ text, /** @type {number} */ max) {
  /** @type {string[]} */
  const lines = []
  for (const hard of text.split('\n')) {
    let line = ''
    for (const piece of hard.split(' ').flatMap((word) => chop(word, max))) {
      if (line && width(line) + 1 + width(piece) > max) {
        lines.push(line)
        line = piece
      } else line = line ? `${line} ${piece}` : piece
    }
    lines.push(line)
  }
  return lines
}

/** A word cut into pieces of at most `max` columns (a cut word loses its styling). */
function chop(/** @type {string} */ word, /** @type {number} */ max) {
  if (width(word) <= max) return [word]
  const pieces = ['']
  for (const ch of word.replace(ANSI, '')) {
    if (width((pieces.at(-1) ?? '') + ch) > max) pieces.push('')
    pieces[pieces.length - 1] = (pieces.at(-1) ?? '') + ch
  }
  return pieces
}

/** HTML entities: the named ones the summary uses, and numeric ones. */
function decodeEntities(/** @type {string} */ s) {
  /** @type {Record<string, string>} */
  const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    const code = e[0] !== '#' ? NaN : e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isNaN(code) ? (named[e.toLowerCase()] ?? m) : String.fromCodePoint(code)
  })
}

/** Inline markdown to terminal text: <br> → line break, **bold**, _italic_, `code` and <code>, [text](url). */
function inline(/** @type {string} */ s) {
  return decodeEntities(
    s
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/\*\*(.+?)\*\*/g, (_, t) => bold(t))
      .replace(/(?<!\w)_(.+?)_(?!\w)/g, (_, t) => italic(t))
      .replace(/`([^`]+)`/g, (_, t) => cyan(t))
      .replace(/<code>(.*?)<\/code>/gi, (_, t) => cyan(t))
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, t, u) => `${t} ${dim(`(${u})`)}`)
  )
}

// ── Markdown job summary ───────────────────────────────────────────────────────────────────────
/** A markdown table as a box; columns fit in MAX_WIDTH by wrapping the widest ones. */
function renderTable(/** @type {string[]} */ rows) {
  const split = (/** @type {string} */ row) =>
    row
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => inline(c.trim().replace(/\\\|/g, '|')))
  const [head = [], aligns = [], ...body] = rows.map(split)
  const right = aligns.map((a) => a.replace(ANSI, '').endsWith('-:'))
  const n = head.length
  const cells = [head, ...body].map((r) => Array.from({ length: n }, (_, i) => r[i] ?? ''))
  const widths = head.map((_, i) => Math.max(1, ...cells.map((r) => Math.max(...(r[i] ?? '').split('\n').map(width)))))
  while (widths.reduce((a, b) => a + b, 0) + 3 * n + 1 > MAX_WIDTH) {
    const widest = widths.indexOf(Math.max(...widths))
    if ((widths[widest] ?? 0) <= 12) break
    widths[widest] = (widths[widest] ?? 0) - 1
  }
  const rule = (/** @type {string} */ l, /** @type {string} */ m, /** @type {string} */ r) =>
    dim(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r)
  const wrapped = cells.map((r) => r.map((c, i) => wrap(c, widths[i] ?? 1)))
  const lines = [rule('┌', '┬', '┐')]
  wrapped.forEach((r, index) => {
    if (index === 1) lines.push(rule('├', '┼', '┤'))
    const height = Math.max(...r.map((c) => c.length))
    for (let k = 0; k < height; k++) {
      const parts = r.map((c, i) =>
        pad(index === 0 ? bold(c[k] ?? '') : (c[k] ?? ''), widths[i] ?? 0, right[i] ?? false)
      )
      lines.push(dim('│ ') + parts.join(dim(' │ ')) + dim(' │'))
    }
  })
  return [...lines, rule('└', '┴', '┘')]
}

/**
 * The job summary as terminal lines: headings, box tables, lists, GitHub alerts, paragraphs. With several
 * offers each offer's section sits in `<details>`: its `<summary>` becomes a bold line, the tags go.
 */
function renderMarkdown(/** @type {string} */ md) {
  /** @type {string[]} */
  const lines = []
  const src = md.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)
  /** @type {Record<string, [string, (s: string) => string]>} */
  const alerts = {
    NOTE: ['ℹ', blue],
    TIP: ['💡', green],
    IMPORTANT: ['❕', magenta],
    WARNING: ['⚠', yellow],
    CAUTION: ['✖', red]
  }
  let quote = dim
  for (let i = 0; i < src.length; i++) {
    const line = src[i] ?? ''
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    const details = /^\s*<summary>(.*)<\/summary>\s*$/i.exec(line)
    if (/^\s*<\/?details>\s*$/i.test(line)) {
      continue
    } else if (details) {
      lines.push(...wrap(bold(decodeEntities(details[1] ?? '').trim()), MAX_WIDTH))
    } else if (/^\s*\|/.test(line) && /^\s*\|?\s*:?-{3,}/.test(src[i + 1] ?? '')) {
      const rows = []
      while (i < src.length && /^\s*\|/.test(src[i] ?? '')) rows.push(src[i++] ?? '')
      i--
      lines.push(...renderTable(rows))
    } else if (heading) {
      // ## underlined (a double rule without colour); ### bold over a thin rule; #### and below bold over a dotted one.
      const text = inline(heading[2] ?? ''),
        level = (heading[1] ?? '').length
      lines.push(level <= 2 ? under(text) : bold(text))
      if (level > 2 || !COLOR)
        lines.push(dim((level <= 2 ? '═' : level === 3 ? '─' : '┄').repeat(Math.min(width(text), MAX_WIDTH))))
    } else if (line.startsWith('>')) {
      const text = line.replace(/^>\s?/, ''),
        alert = /^\[!(\w+)\]\s*$/.exec(text)
      const known = alert ? alerts[(alert[1] ?? '').toUpperCase()] : undefined
      if (known) quote = known[1]
      const body = known ? bold(`${known[0]} ${(alert?.[1] ?? '').toUpperCase()}`) : inline(text)
      for (const l of wrap(body, MAX_WIDTH - 2)) lines.push(quote('┃ ') + l)
    } else {
      if (!line.trim() && !(lines.at(-1) ?? '').trim()) continue
      const item = /^(\s*)(?:[-*+]|\d+\.)\s+(.*)$/.exec(line)
      const [lead, text] = item ? [`${item[1] ?? ''}  • `, item[2] ?? ''] : ['', line]
      wrap(inline(text), MAX_WIDTH - width(lead)).forEach((l, k) =>
        lines.push((k ? ' '.repeat(width(lead)) : lead) + l)
      )
    }
    if (!line.startsWith('>')) quote = dim
  }
  return lines
}

// ── The action's log ───────────────────────────────────────────────────────────────────────────
/** Undoes the runner's escaping of command data (and, with `prop`, of properties); %25 goes last. */
const unescapeCommand = (/** @type {string} */ s, prop = false) => {
  const t = s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
  return (prop ? t.replace(/%3A/gi, ':').replace(/%2C/gi, ',') : t).replace(/%25/g, '%')
}
let inGroup = false

/** One line of the action's stdout as terminal text, or undefined to hide it. */
function renderLogLine(/** @type {string} */ line) {
  const cmd = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  const stamp = (/** @type {string} */ s) => s.replace(/^(\[[^\]]+\])/, (t) => dim(t))
  if (!cmd) {
    if (inGroup) return args.verbose ? dim(`    │ ${line}`) : undefined
    const result = /^Result: ([\w-]+)/.exec(line)?.[1]
    if (result) return bold(paintResult(result)(line))
    // The sign-in (--sign-in secret or oidc): the first token, each renewal, and a renewal after a 401.
    if (/^(Signed in to|Renewed the) Entra ID\b/.test(line)) return `${blue('⚿')} ${line}`
    if (line.endsWith('renewing the token and trying again.')) return `${yellow('⚿')} ${line}`
    return /^\[[^\]]+\] /.test(line) ? `${yellow('↻')} ${stamp(line)}` : line
  }
  const [, name = '', props = '', raw = ''] = cmd
  const data = unescapeCommand(raw)
  switch (name) {
    case 'group':
      return ((inGroup = true), `${cyan('▸')} ${stamp(data)}`)
    case 'endgroup':
      return ((inGroup = false), undefined)
    case 'debug':
      return args.verbose ? dim(`  debug: ${data}`) : undefined
    case 'error':
    case 'warning':
    case 'notice': {
      const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1]
      const [icon, paint] = name === 'error' ? ['✖', red] : name === 'warning' ? ['⚠', yellow] : ['ℹ', blue]
      const text = `${icon} ${name}: ${title ? `${unescapeCommand(title, true)}: ` : ''}${data}`
      return text
        .split(/\r?\n/)
        .map((l, k) => paint(k ? `  ${l}` : l))
        .join('\n')
    }
    case 'add-mask':
      return undefined
    default:
      return dim(line)
  }
}

/** `name<<DELIM … DELIM` (and `name=value`) entries of a GITHUB_OUTPUT file. */
function parseOutputs(/** @type {string} */ text) {
  /** @type {Array<[string, string]>} */
  const entries = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '',
      heredoc = /^([^=<]+)<<(.+)$/.exec(line),
      simple = /^([^=<]+)=(.*)$/.exec(line)
    if (heredoc?.[1] && heredoc[2]) {
      const value = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i])
      entries.push([heredoc[1], value.join('\n')])
    } else if (simple?.[1]) entries.push([simple[1], simple[2] ?? ''])
  }
  return entries
}

/** Minutes as e.g. `6d 2h`, `3h 5m`, `12m`. */
function minutes(/** @type {number} */ total) {
  const d = Math.floor(total / 1440),
    h = Math.floor((total % 1440) / 60),
    m = Math.round(total % 60)
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m || (!d && !h) ? `${m}m` : ''].filter(Boolean)
  return parts.slice(0, 2).join(' ')
}

/** A value of an output parsed as JSON, or undefined when it is not JSON. */
function json(/** @type {string} */ value) {
  try {
    return /** @type {unknown} */ (JSON.parse(value))
  } catch {
    return undefined
  }
}
const field = (/** @type {unknown} */ o, /** @type {string} */ key) =>
  o !== null && typeof o === 'object' && key in o ? /** @type {Record<string, unknown>} */ (o)[key] : undefined
const str = (/** @type {unknown} */ v) =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v)

/** `offers`: one offer a line, `id  status  result  (N steps)`, in columns. */
function showOffers(/** @type {unknown[]} */ offers, /** @type {string} */ gap) {
  const rows = offers.map((o) => {
    const steps = field(o, 'steps'),
      n = Array.isArray(steps) ? steps.length : 0
    return [
      str(field(o, 'id')),
      str(field(o, 'status')) || '(no status)',
      str(field(o, 'result')),
      `(${n} ${n === 1 ? 'step' : 'steps'})`
    ]
  })
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => width(r[i] ?? ''))))
  return rows
    .map(
      ([id = '', status = '', result = '', steps = ''], k) =>
        `${k ? gap : ''}${bold(pad(id, widths[0] ?? 0))}  ${pad(status, widths[1] ?? 0)}  ${paintResult(result)(pad(result, widths[2] ?? 0))}  ${dim(steps)}`
    )
    .join('\n')
}

/** `stuck-steps`: one step a line, `offer/step  name  in progress 6d (estimate ~2-3 days) since TIME`. */
function showStuck(/** @type {unknown[]} */ stuck, /** @type {string} */ gap) {
  return stuck
    .map((s, k) => {
      const offer = str(field(s, 'offer')),
        id = str(field(s, 'id')),
        mins = Number(field(s, 'inProgressMinutes'))
      const estimate = str(field(s, 'estimatedTimeFrame')),
        since = str(field(s, 'inProgressSince')).replace(/\.\d+Z$/, 'Z')
      const long = Number.isFinite(mins) ? ` ${yellow(`in progress ${minutes(mins)}`)}` : ''
      return (
        `${k ? gap : ''}${bold(offer ? `${offer}/${id}` : id)}  ${str(field(s, 'name'))}${long}` +
        `${estimate ? ` (estimate ${estimate})` : ''}${since ? dim(` since ${since}`) : ''}`
      )
    })
    .join('\n')
}

/**
 * `changes`: one change a line, `item  what  from → to  first seen TIME`; what is `status` for the
 * item's status, else the step's name and ID; a change with no `from` reads `to (first seen)`.
 */
function showChanges(/** @type {unknown[]} */ changes, /** @type {string} */ gap) {
  return changes
    .map((c, k) => {
      const step = str(field(c, 'step')),
        name = str(field(c, 'name')),
        from = str(field(c, 'from')),
        to = str(field(c, 'to'))
      const what = step ? `${name || step}${name && name !== step ? ` (${step})` : ''}` : str(field(c, 'what'))
      const seen = str(field(c, 'firstSeen'))
      return (
        `${k ? gap : ''}${bold(str(field(c, 'item')))}  ${what}  ${from ? `${from} → ${to}` : `${to} (first seen)`}` +
        (seen ? dim(` first seen ${seen}`) : '')
      )
    })
    .join('\n')
}

/** An output value for the terminal: JSON arrays one element a line, the result coloured. */
function showOutput(/** @type {string} */ name, /** @type {string} */ value, /** @type {number} */ indent) {
  if (name === 'result') return paintResult(value)(value)
  if (name === 'changed' && value === 'true') return bold(value)
  if (!value) return dim('(empty)')
  const parsed = json(value)
  if ((name === 'offers' || name === 'stuck-steps' || name === 'changes') && Array.isArray(parsed)) {
    if (parsed.length === 0) return dim('(none)')
    return (name === 'offers' ? showOffers : name === 'changes' ? showChanges : showStuck)(parsed, ' '.repeat(indent))
  }
  // Another JSON array, one element a line; anything else as is.
  if (Array.isArray(parsed) && parsed.length > 0) {
    const gap = ' '.repeat(indent)
    return `[\n${parsed.map((el, k) => `${gap}  ${JSON.stringify(el)}${k < parsed.length - 1 ? ',' : ''}`).join('\n')}\n${gap}]`
  }
  return value
}

/**
 * The job summary's "Since the last check" sections (one, or one an offer): from each heading that starts
 * so to the next heading of its level or above, the end of an offer's `<details>`, or a table other than
 * the section's list of changes (whose header has a Change column; the section ends after it).
 */
function sinceSections(/** @type {string} */ md) {
  const lines = md.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)
  /** @type {string[][]} */
  const sections = []
  for (let i = 0; i < lines.length; i++) {
    const start = /^(#{1,6})\s+Since the last check\b/i.exec(lines[i] ?? '')
    if (!start) continue
    const level = (start[1] ?? '').length
    const section = [lines[i] ?? '']
    for (i++; i < lines.length; i++) {
      const line = lines[i] ?? ''
      const heading = /^(#{1,6})\s/.exec(line)
      if ((heading && (heading[1] ?? '').length <= level) || /^\s*<\/?(details|summary)\b/i.test(line)) break
      if (/^\s*\|/.test(line)) {
        if (!/\|\s*Change\s*\|/i.test(line)) break
        while (i < lines.length && /^\s*\|/.test(lines[i] ?? '')) section.push(lines[i++] ?? '')
        break
      }
      section.push(line)
    }
    i--
    sections.push(section)
  }
  return sections.map((section) => section.join('\n').trim())
}

// ── Run ────────────────────────────────────────────────────────────────────────────────────────
const sim = await startSimulator({
  scenario: isPi(scenario) ? 'happy' : scenario,
  token: TOKEN,
  graphToken: GRAPH_TOKEN,
  host: '127.0.0.1',
  ...(tokenLifetimeSec === undefined ? {} : { identity: { tokenLifetimeSec } })
})
const dir = mkdtempSync(join(tmpdir(), 'offer-status-demo-'))

/** The sign-in inputs of each mode: the simulator's Entra ID (and GitHub OIDC) stand-ins take its identity defaults. */
const app = {
  'tenant-id': IDENTITY_DEFAULTS.tenantId,
  'client-id': IDENTITY_DEFAULTS.clientId,
  'authority-host': sim.url
}
/** @type {Record<string, Record<string, string>>} */
const signInInputs = {
  token: { token: api === 'product-ingestion' ? GRAPH_TOKEN : TOKEN },
  secret: { ...app, 'client-secret': IDENTITY_DEFAULTS.clientSecret },
  oidc: app
}
/** @type {Record<string, string>} */
const inputs = {
  ...actionDefaults(),
  api,
  // The PI API needs no publisher: the token's Partner Center account is the scope.
  'publisher-id': api === 'product-ingestion' ? '' : 'contoso',
  'offer-id': offerIds.join('\n'),
  ...(jobs.length > 0 ? { 'job-id': jobs.join('\n') } : {}),
  ...signInInputs[signIn],
  'base-url': sim.url,
  'ingestion-url': sim.ingestionUrl,
  interval: '300ms',
  'max-interval': '1s',
  'wait-for': waitFor,
  timeout: args.timeout ?? '30s',
  // Checks in a row share one state file, relative to the workspace (the temporary directory).
  ...(checks > 1 ? { 'state-file': STATE_FILE } : {})
}
/** @type {NodeJS.ProcessEnv} */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_ID_TOKEN_REQUEST_)/.test(k))
)
// As a runner names them: INPUT_ and the name upper-cased, hyphens kept (INPUT_WAIT-FOR, INPUT_STATE-FILE).
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
if (checks > 1) env.GITHUB_WORKSPACE = dir
if (signIn === 'oidc') {
  Object.assign(env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: sim.idTokenRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.idTokenRequestToken
  })
}

const watched =
  (offers ? `${offers.length === 1 ? 'offer' : 'offers'} ${bold(offers.join(', '))}` : `scenario ${bold(scenario)}`) +
  (jobs.length > 0 ? ` · ${jobs.length === 1 ? 'job' : 'jobs'} ${bold(jobs.join(', '))}` : '')
const lifetime = tokenLifetimeSec === undefined ? '' : ` (tokens live ${tokenLifetimeSec}s)`
const series = checks > 1 ? ` · ${bold(`${checks} checks`)} with state-file ${STATE_FILE}` : ''
out(
  dim(
    `Offer status demo · ${watched} · api ${bold(api)} · sign-in ${bold(signIn)}${lifetime} · wait-for ${waitFor} · timeout ${inputs.timeout}${series} · simulator ${sim.url}`
  )
)
if (renews && signIn === 'token') {
  out(
    yellow(
      `With --sign-in token the action cannot renew the token that ${played.filter((name) => RENEWING.includes(name)).join(', ')} expires: expect the wait to fail (leave --sign-in out to sign in by client secret).`
    )
  )
}
out(
  dim(
    checks > 1
      ? `Running dist/index.js ${checks} times in a row, as a workflow on a schedule would, against one simulator and one state file (Ctrl-C cancels it)…`
      : 'Running dist/index.js as a runner would (Ctrl-C cancels it)…'
  )
)

/** Streams a pipe line by line through renderLogLine. */
function follow(/** @type {NodeJS.ReadableStream} */ stream, /** @type {NodeJS.WriteStream} */ to) {
  let rest = ''
  stream.setEncoding('utf8')
  const emit = (/** @type {string} */ line) => {
    const shown = renderLogLine(line.replace(/\r$/, ''))
    if (shown !== undefined) to.write(shown + '\n')
  }
  stream.on('data', (/** @type {string} */ chunk) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop() ?? ''
    parts.forEach(emit)
  })
  stream.on('end', () => {
    if (rest) emit(rest)
  })
}

/** The action's process while it runs. */
let child = /** @type {import('node:child_process').ChildProcess | undefined} */ (undefined)
/** The signal that cancelled the demo: no check starts after it. */
let cancelled = /** @type {NodeJS.Signals | undefined} */ (undefined)
/** `cancelled` as it is now (a signal may have set it while a check ran). */
const cancelledBy = () => cancelled
let lastSignal = 0
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    // npm forwards the terminal's signal too: one press can arrive twice, so skip quick repeats.
    if (Date.now() - lastSignal < 1000) return
    cancelled ??= signal
    if (child?.exitCode !== null || child.signalCode !== null) return
    lastSignal = Date.now()
    child.kill(signal)
  })
}

/**
 * @typedef {{ code: number, signal: NodeJS.Signals | null, seconds: string, outputs: Array<[string, string]>,
 *   summary: string }} Run
 *   code: the exit code (1 when a signal ended it); outputs: GITHUB_OUTPUT's entries; summary: the job summary
 */

/**
 * Runs dist/index.js once, its log shown as it goes, with fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files (`output`, `summary`; `-<check>` after them when there are several checks).
 * @param {number} check 1 for the first
 * @returns {Promise<Run>}
 */
async function runAction(check) {
  const suffix = checks > 1 ? `-${check}` : ''
  const outputFile = join(dir, `output${suffix}`),
    summaryFile = join(dir, `summary${suffix}`)
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  inGroup = false
  const started = Date.now()
  // Own process group: a terminal's Ctrl-C reaches the action once, through the forwarding above.
  const running = spawn(process.execPath, [BUNDLE], {
    cwd: ROOT,
    env: { ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  child = running
  follow(running.stdout, process.stdout)
  follow(running.stderr, process.stderr)
  const [code, signal] = await /** @type {Promise<[number | null, NodeJS.Signals | null]>} */ (
    new Promise((done) =>
      running.on('close', (c, s) => {
        done([c, s])
      })
    )
  )
  child = undefined
  return {
    code: code ?? 1,
    signal,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** The outputs as `name  value` lines; `names` picks those to show, in order, absent ones "(not reported)". */
function showOutputs(/** @type {Array<[string, string]>} */ outputs, /** @type {string[]} */ names = []) {
  /** @type {Array<[string, string | undefined]>} */
  const shown = names.length > 0 ? names.map((n) => [n, outputs.find(([name]) => name === n)?.[1]]) : outputs
  const nameWidth = Math.max(0, ...shown.map(([n]) => n.length))
  for (const [name, value] of shown) {
    const text = value === undefined ? dim('(not reported)') : showOutput(name, value, nameWidth + 4)
    out(`  ${bold(name.padEnd(nameWidth))}  ${text}`)
  }
  if (shown.length === 0) out(dim('  (none)'))
}

/** The job summary, rendered. */
function showSummary(/** @type {string} */ summary) {
  out(summary.trim() ? renderMarkdown(summary).join('\n').replace(/\n+$/, '') : dim('  (none written)'))
}

/** One check's `changed` and the number of its `changes`, for the closing lines. */
function tally(/** @type {Run} */ run) {
  const value = (/** @type {string} */ n) => run.outputs.find(([name]) => name === n)?.[1]
  const changed = value('changed'),
    changes = value('changes')
  const list = changes === undefined ? undefined : json(changes)
  const count =
    changes === undefined
      ? 'changes (not reported)'
      : Array.isArray(list)
        ? `${list.length} ${list.length === 1 ? 'change' : 'changes'}`
        : 'changes (not a JSON array)'
  return `changed=${changed ?? '(not reported)'}, ${count}`
}

/** The line that ends the demo: the (last) check's exit code. */
function exitLine(/** @type {Run} */ run, /** @type {string} */ what) {
  out(
    (run.code === 0 ? green : red)(
      `${what} exited with code ${run.code}${run.signal ? ` (${run.signal})` : ''} after ${run.seconds}s.`
    )
  )
}

if (checks === 1) {
  out()
  const run = await runAction(1)
  await sim.close()
  out()
  out(under('Outputs'))
  showOutputs(run.outputs)
  out()
  out(under('Job summary'))
  showSummary(run.summary)
  rmSync(dir, { recursive: true, force: true })
  out()
  exitLine(run, 'The action')
  process.exitCode = run.code
} else {
  /** @type {Run[]} */
  const runs = []
  const rule = dim('━'.repeat(Math.min(100, MAX_WIDTH)))
  for (let check = 1; check <= checks && !cancelledBy(); check++) {
    out()
    out(rule)
    out(bold(`Check ${check} of ${checks}`))
    out(rule)
    const run = await runAction(check)
    runs.push(run)
    const last = check === checks || cancelledBy() !== undefined
    out()
    out(under('Outputs'))
    showOutputs(run.outputs, ['changed', 'changes', 'outcome', 'result'])
    const state = join(dir, STATE_FILE)
    out(
      `  ${dim(`state file ${STATE_FILE}: ${existsSync(state) ? `${readFileSync(state).length} bytes` : 'not written'}`)}`
    )
    out()
    if (last) {
      out(under(`Job summary of check ${check}`))
      showSummary(run.summary)
      if (sinceSections(run.summary).length === 0)
        out(dim('  (no "Since the last check" section: not reported by this dist/index.js)'))
    } else {
      out(under('From the job summary'))
      const sections = sinceSections(run.summary)
      out(
        sections.length > 0
          ? sections.map((section) => renderMarkdown(section).join('\n').replace(/\n+$/, '')).join('\n\n')
          : dim('  (not reported: the job summary has no "Since the last check" section)')
      )
    }
    out()
    exitLine(run, `Check ${check} of ${checks}`)
  }
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
  out()
  out(rule)
  out(under('Checks'))
  runs.forEach((run, k) => {
    out(`  Check ${k + 1}: ${tally(run)} ${dim(`(exit code ${run.code}, ${run.seconds}s)`)}`)
  })
  if (runs.length < checks)
    out(yellow(`  Cancelled (${cancelledBy() ?? 'signal'}): ${checks - runs.length} of ${checks} checks not run.`))
  const lastRun = runs.at(-1)
  process.exitCode = lastRun?.code ?? 1
}
