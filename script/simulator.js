// @ts-check
/**
 * Run the Cloud Partner Portal simulator until Ctrl-C:
 *   node script/simulator.js [--scenario NAME] [--port N] [--token T]
 * The same server stands in for the Entra ID token endpoint and the GitHub OIDC ID-token endpoint
 * (default identity settings; see simulator/identity.js).
 */
import { parseArgs } from 'node:util'
import { CPP_SCOPE, IDENTITY_DEFAULTS } from '../simulator/identity.js'
import { SCENARIO_NAMES, startSimulator } from '../simulator/server.js'

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`simulator: ${message}`)
  console.error('usage: node script/simulator.js [--scenario NAME] [--port N] [--token T]')
  process.exit(2)
}

const options = /** @type {const} */ ({
  scenario: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' }
})
/** @returns {{ scenario?: string, port?: string, token?: string }} */
function readArgs() {
  try {
    return parseArgs({ options }).values
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err))
  }
}
const values = readArgs()

const scenario = values.scenario ?? 'happy'
const token = values.token ?? 'sim-token'
const port = values.port === undefined ? 0 : Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be an integer from 0 to 65535, not '${values.port}'`)
if (!SCENARIO_NAMES.includes(scenario)) fail(`unknown scenario '${scenario}'; known: ${SCENARIO_NAMES.join(', ')}`)

const sim = await startSimulator({
  scenario,
  token,
  port,
  host: '127.0.0.1',
  log: (line) => {
    console.log(line)
  }
})
console.log(`CPP simulator listening on ${sim.url} (default scenario: ${scenario}, token: ${token})`)
console.log(`Scenarios (use one as the offer ID to pick it per request): ${SCENARIO_NAMES.join(', ')}`)
console.log(
  `Try: curl -s -H 'Authorization: Bearer ${token}' '${sim.url}/api/publishers/contoso/offers/${scenario}/status?api-version=2017-10-31'`
)
const { tenantId, clientId, clientSecret } = IDENTITY_DEFAULTS
console.log(
  `Entra ID token endpoint: ${sim.url}/${tenantId}/oauth2/v2.0/token (client ID ${clientId}, secret ${clientSecret}, scope ${CPP_SCOPE});` +
    ` its access tokens work on the CPP API too`
)
console.log(
  `GitHub OIDC: ACTIONS_ID_TOKEN_REQUEST_URL='${sim.idTokenRequestUrl}' ACTIONS_ID_TOKEN_REQUEST_TOKEN='${sim.idTokenRequestToken}'`
)

let stopping = false
const stop = () => {
  if (stopping) process.exit(130)
  stopping = true
  console.log('\nStopping simulator')
  void sim.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
