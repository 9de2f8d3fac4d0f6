import { defineConfig } from 'vitest/config'

const TESTS = ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'platform/**/*.test.ts', 'renderer/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts']
/** The long runs, kept out of `npm test`: `npm run soak` (vitest --mode soak). */
const SOAK = ['test/soak/**/*.soak.test.ts']

export default defineConfig(({ mode }) => ({
  test: {
    include: mode === 'soak' ? SOAK : TESTS,
    environment: 'node',
    // One migrated PGlite database made per run, copied by each test file that needs one.
    globalSetup: ['platform/test-support/vitest-global-setup.ts'],
    testTimeout: mode === 'soak' ? 600_000 : 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
}))
