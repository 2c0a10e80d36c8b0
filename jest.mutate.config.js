/**
 * Jest for mutation runs (`npm run mutate`): the unit tests alone, without coverage. The integration
 * and end-to-end tests, which open sockets or spawn processes, stay out: they are slow per mutant and
 * add nothing on the pure modules.
 */
import base from './jest.config.js'

const UNIT_TESTS = ['auth', 'cpp', 'duration', 'inputs', 'pace', 'poll', 'report', 'status', 'text']

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: [`<rootDir>/__tests__/{${UNIT_TESTS.join(',')}}.test.ts`, '<rootDir>/__tests__/*.mutation.test.ts'],
  collectCoverage: false,
  coverageThreshold: undefined,
  // Every unit test takes milliseconds: one that hangs under a mutant fails soon, not at Stryker's timeout.
  testTimeout: 2_000
}
