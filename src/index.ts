/** The entry point the runner starts (bundled into dist/index.js). */
import * as core from '@actions/core'
import { run } from './main.js'

run().catch((error: unknown) => {
  // Expected failures are reported inside run(); this is a bug, so keep the stack in the debug log.
  if (error instanceof Error && error.stack) core.debug(error.stack)
  core.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`)
})
