// @ts-check
/**
 * Connections: 1,000 polls against the simulator through the real HTTP port and sources (10 offers,
 * 100 polls each, four at a time as the limiter allows), counting the TCP connections the simulator
 * accepted. Kept-alive connections are reused across polls and offers: goal at most 10, for each API.
 */
import { startSimulator, DEFAULT_GRAPH_TOKEN } from '../../simulator/server.js'
import { BUILD, sourcesFor } from './lib.js'

export const CONNECTIONS_GOAL = 10
const OFFERS = 10
const POLLS_EACH = 100

/** @returns {Promise<import('./lib.js').Row[]>} */
export async function connections() {
  /** @type {typeof import('../../src/limiter.js')} */
  const { createLimiter } = await import(`${BUILD}/limiter.js`)

  /** @type {import('./lib.js').Row[]} */
  const rows = []
  for (const api of /** @type {const} */ (['cloud-partner-portal', 'product-ingestion'])) {
    const sim = await startSimulator({ token: 'bench-token' })
    try {
      const ids = Array.from({ length: OFFERS }, (_, i) =>
        api === 'cloud-partner-portal' ? `bench-${i}` : `pi-preview-ready_${i}`
      )
      /** @type {Record<string, string>} */
      const inputs = {
        api,
        'publisher-id': 'contoso',
        'offer-id': ids.join(','),
        token: api === 'cloud-partner-portal' ? 'bench-token' : DEFAULT_GRAPH_TOKEN,
        'base-url': sim.url,
        'ingestion-url': sim.ingestionUrl
      }
      const { sources, close } = await sourcesFor(inputs)
      const limiter = createLimiter({ now: Date.now, sleep: async () => undefined })
      const signal = new AbortController().signal
      let failed = 0
      await Promise.all(
        sources.map(async (source) => {
          const limited = limiter.wrap(source)
          for (let i = 0; i < POLLS_EACH; i++) {
            const outcome = await limited.read({ timeoutMs: 30_000, signal })
            if (outcome.kind !== 'ok') failed++
          }
        })
      )
      close()
      const polls = OFFERS * POLLS_EACH
      const count = sim.connections
      rows.push({
        figure: `${api === 'cloud-partner-portal' ? 'CPP' : 'Product Ingestion'}: TCP connections for ${polls.toLocaleString('en')} polls of ${OFFERS} offers (${sim.requests.length.toLocaleString('en')} requests${failed ? `, ${failed} failed` : ''})`,
        value: String(count),
        goal: `≤ ${CONNECTIONS_GOAL}`,
        ok: failed === 0 && count <= CONNECTIONS_GOAL
      })
    } finally {
      await sim.close()
    }
  }
  return rows
}
