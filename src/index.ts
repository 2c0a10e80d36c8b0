/** The entry point the runner starts (bundled into dist/index.js). */
import { run, writeSummary } from './main.js'
import { outputsOf } from './outputs.js'
import * as core from './runner.js'
import { renderProblemSummary } from './summary.js'
import { neutralize } from './text.js'

run().catch(async (error: unknown) => {
  // Expected failures are reported inside run(); this is a bug, so keep the stack in the debug log.
  const message = `Unexpected error: ${neutralize(error instanceof Error ? error.message : String(error), 1_000)}`
  // The stack's first line is the message, which may quote remote text: each line is neutralised.
  if (error instanceof Error && error.stack) {
    for (const line of error.stack.split('\n').slice(0, 30)) core.debug(neutralize(line, 500))
  }
  core.setFailed(message)
  for (const [name, value] of Object.entries(outputsOf([], [], 'failed'))) core.setOutput(name, value)
  await writeSummary(renderProblemSummary('Offer status: unexpected error', message))
})
