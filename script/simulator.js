// @ts-check
/**
 * Run the Cloud Partner Portal simulator until Ctrl-C:
 *   node script/simulator.js [--scenario NAME] [--port N] [--token T] [--graph-token T]
 * The same server serves the Product Ingestion API under /rp/product-ingestion, and stands in for the
 * Entra ID token endpoint and the GitHub OIDC ID-token endpoint (default identity settings; see
 * simulator/identity.js).
 */
import { parseArgs } from 'node:util'
import { CPP_SCOPE, GRAPH_SCOPE, IDENTITY_DEFAULTS } from '../simulator/identity.js'
import {
  DEFAULT_GRAPH_TOKEN,
  DEFAULT_TOKEN,
  JOB_NAMES,
  PI_SCENARIO_NAMES,
  SCENARIO_NAMES,
  startSimulator
} from '../simulator/server.js'

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`simulator: ${message}`)
  console.error('usage: node script/simulator.js [--scenario NAME] [--port N] [--token T] [--graph-token T]')
  process.exit(2)
}

const options = /** @type {const} */ ({
  scenario: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'graph-token': { type: 'string' }
})
/** @returns {{ scenario?: string, port?: string, token?: string, 'graph-token'?: string }} */
function readArgs() {
  try {
    return parseArgs({ options }).values
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err))
  }
}
const values = readArgs()

const scenario = values.scenario ?? 'happy'
const token = values.token ?? DEFAULT_TOKEN
const graphToken = values['graph-token'] ?? DEFAULT_GRAPH_TOKEN
const port = values.port === undefined ? 0 : Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be an integer from 0 to 65535, not '${values.port}'`)
if (!SCENARIO_NAMES.includes(scenario)) fail(`unknown scenario '${scenario}'; known: ${SCENARIO_NAMES.join(', ')}`)

const sim = await startSimulator({
  scenario,
  token,
  graphToken,
  port,
  host: '127.0.0.1',
  log: (line) => {
    console.log(line)
  }
})
console.log(`Simulator listening on ${sim.url} (CPP default scenario: ${scenario}, token: ${token})`)
console.log(`Scenarios (use one as the offer ID to pick it per request): ${SCENARIO_NAMES.join(', ')}`)
console.log(
  `Try: curl -s -H 'Authorization: Bearer ${token}' '${sim.url}/api/publishers/contoso/offers/${scenario}/status?api-version=2017-10-31'`
)
console.log(`Product Ingestion API: ${sim.ingestionUrl} (token: ${graphToken})`)
console.log(`  offer scenarios (use one as the externalId): ${PI_SCENARIO_NAMES.join(', ')}`)
console.log(`  jobs (use one as the job ID): ${JOB_NAMES.join(', ')}`)
console.log(
  `Try: curl -s -H 'Authorization: Bearer ${graphToken}' '${sim.ingestionUrl}/product?externalId=pi-live&$version=2022-07-01'`
)
const { tenantId, clientId, clientSecret } = IDENTITY_DEFAULTS
console.log(
  `Entra ID token endpoint: ${sim.url}/${tenantId}/oauth2/v2.0/token (client ID ${clientId}, secret ${clientSecret},` +
    ` scope ${CPP_SCOPE} or ${GRAPH_SCOPE}); its access tokens work on the API of their scope`
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
