import { connect } from 'node:net';
import { defineConfig } from 'vitest/config';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when something accepts connections at the URL's host and port. */
function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * The database-backed suite runs twice: against a PostgreSQL server
 * (TEST_DATABASE_URL, each test file in its own database) and against embedded
 * PGlite. Without TEST_DATABASE_URL the local server is used when it answers;
 * when it does not, only PGlite runs and the run says so. An explicit
 * TEST_DATABASE_URL that does not answer fails the run instead.
 */
export default defineConfig(async () => {
  const explicitUrl = process.env.TEST_DATABASE_URL;
  const serverUrl = explicitUrl ?? DEFAULT_SERVER_URL;
  const useServer = explicitUrl !== undefined || (await reachable(serverUrl));
  if (!useServer) {
    console.warn(`\n[tests] No PostgreSQL server at ${serverUrl}: running the database tests on embedded PGlite only.\n`);
  }
  const databaseTests = ['test/**/*.test.ts'];
  const pureTests = ['test/flows/**/*.test.ts', 'test/prompts/**/*.test.ts', 'test/**/*.unit.test.ts'];
  // Browser tests drive Chromium (test/browser): a project of their own, on PGlite, never under faketime.
  const browserTests = ['test/browser/**/*.test.ts'];
  // TESTS_EXCLUDE (globs, comma-separated) leaves files out of the database projects: CI's
  // faked-time runs split the files between two instants (the CLI's --exclude misses projects).
  const excluded = (process.env.TESTS_EXCLUDE ?? '').split(',').filter((glob) => glob !== '');
  const common = { include: databaseTests, exclude: [...pureTests, 'test/browser/**', ...excluded], testTimeout: 30_000, hookTimeout: 60_000 };
  return {
    test: {
      projects: [
        { test: { name: 'unit', include: pureTests } },
        {
          test: { ...common, name: 'pglite', env: { TEST_DB: 'pglite' }, globalSetup: ['test/helpers/global-setup.ts'] },
        },
        {
          test: {
            name: 'browser',
            include: browserTests,
            env: { TEST_DB: 'pglite' },
            globalSetup: ['test/helpers/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        ...(useServer ? [{ test: { ...common, name: 'server', env: { TEST_DB: 'server', TEST_DATABASE_URL: serverUrl } } }] : []),
      ],
    },
  };
});
