/** The entry point the runner starts (bundled into dist/index.js). */
import * as core from '@actions/core'
import { run, writeSummary } from './main.js'
import { outputsOf } from './outputs.js'
import { renderProblemSummary } from './summary.js'
import { neutralize } from './text.js'

run().catch(async (error: unknown) => {
  // Expected failures are reported inside run(); this is a bug, so keep the stack in the debug log.
  const message = `Unexpected error: ${neutralize(error instanceof Error ? error.message : String(error), 1_000)}`
  if (error instanceof Error && error.stack) core.debug(error.stack)
  core.setFailed(message)
  for (const [name, value] of Object.entries(outputsOf([], [], 'failed'))) core.setOutput(name, value)
  await writeSummary(renderProblemSummary('Offer status: unexpected error', message))
})
