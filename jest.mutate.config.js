/**
 * Jest for mutation runs (`npm run mutate`): the unit tests of the pure modules, without coverage.
 * Left out: the integration, end-to-end and main tests, which open sockets or spawn processes, and
 * auth.test.ts and cpp.test.ts, which test modules that are not mutated. Stryker runs every test file
 * that imports a mutated module, however indirectly, so each of those would be loaded (with
 * `@actions/http-client`) for every mutant of snapshot.ts, sources/cpp-schema.ts, text.ts, inputs.ts and duration.ts.
 */
import base from './jest.config.js'

const UNIT_TESTS = ['duration', 'inputs', 'links', 'outcome', 'pace', 'poll', 'report', 'status', 'text']

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: [`<rootDir>/__tests__/{${UNIT_TESTS.join(',')}}.test.ts`, '<rootDir>/__tests__/*.mutation.test.ts'],
  collectCoverage: false,
  coverageThreshold: undefined,
  // Every unit test takes milliseconds: one that hangs under a mutant fails soon, not at Stryker's timeout.
  testTimeout: 2_000
}
