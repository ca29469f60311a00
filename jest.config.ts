import { getJestProjectsAsync } from '@nx/jest';

/**
 * Every project's Jest suite in one run, with one summary: unit specs beside the code, e2e suites under test/.
 * testTimeout is a global option (projects' own values are ignored in a multi-project run): e2e setups that start
 * an app and sign people in need more than Jest's 5 s default on a loaded 2-core machine.
 *
 * workerGracefulExitTimeout: a worker that loaded the app's module graph holds no open handle once its suites are
 * done (its event loop is empty and 'exit' fires within a few ms of Jest's request), but Node then disposes a V8 heap
 * of about 100 MB (hundreds of munmap calls), which on a loaded 2-core machine takes longer than Jest's default
 * 500 ms: Jest then kills it and warns "A worker process has failed to exit gracefully". 5 s leaves room for that;
 * a real leak (a ref'd timer or socket) still never exits and is still killed and reported, after 5 s.
 */
const WORKER_GRACEFUL_EXIT_MS = 5_000;

export default async () => {
  // test/jest.config.ts sets the global options itself only when it is the run's own config (npm run test:e2e, one
  // suite with -c test/jest.config.ts): as a project of this run, Jest would warn that they belong to the root.
  process.env['MAJLIS_JEST_ROOT_CONFIG'] = __filename;
  return {
    projects: await getJestProjectsAsync(),
    maxWorkers: 2,
    testTimeout: 60_000,
    workerGracefulExitTimeout: WORKER_GRACEFUL_EXIT_MS,
  };
};
