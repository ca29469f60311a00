import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/** How long the last hook waits for test apps still starting and closing. */
const CLOSE_LIMIT_MS = 60_000;

/**
 * The e2e suites' environment: Node's, plus one last `afterAll` that closes the test apps the suite left open
 * (`closeUnclosedTestApps` in test-app.ts): after a `beforeAll` that failed or timed out while `startTestApp` was still
 * starting, or a forgotten `close()`, no server, pool or database stays behind.
 *
 * The hook is appended to the root block when the run starts, so it runs after every hook the suite declared (Jest
 * runs a block's afterAll hooks in the order declared, and a setup file's would come first). It must be a hook, not
 * the environment's teardown: Jest 30 refuses `require` outside tests and hooks, and a starting app still loads modules.
 */
export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    if (event.name !== 'run_start') return;
    const close = (this.global as { __majlisCloseUnclosedTestApps?: () => Promise<void> })
      .__majlisCloseUnclosedTestApps;
    if (!close) return; // the suite never loaded test-app.ts
    state.rootDescribeBlock.hooks.push({
      type: 'afterAll',
      fn: () => close(),
      parent: state.rootDescribeBlock,
      asyncError: new Error('closing the test apps left open'),
      seenDone: false,
      timeout: CLOSE_LIMIT_MS,
    });
  }
}
