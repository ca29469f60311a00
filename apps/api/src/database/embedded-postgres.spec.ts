import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { SHUTDOWN_CHECKPOINT_GRACE_MS, stopCluster } from './embedded-postgres';

/** A postmaster that exits when told to (`finishCheckpoint`), as a real one does once its shutdown checkpoint is written. */
function fakeCluster() {
  const postmaster = Object.assign(new EventEmitter(), {
    exitCode: null as number | null,
    signalCode: null as NodeJS.Signals | null,
    kill: jest.fn((signal: NodeJS.Signals) => {
      if (signal === 'SIGKILL') finish(null, 'SIGKILL');
      return true;
    }),
  });
  const finish = (code: number | null, signal: NodeJS.Signals | null) => {
    postmaster.exitCode = code;
    postmaster.signalCode = signal;
    postmaster.emit('exit', code, signal);
  };
  const cluster = {
    process: postmaster as unknown as ChildProcess | undefined,
    // embedded-postgres's stop(): SIGINT, then waits for 'exit'.
    stop: jest.fn(() => new Promise<void>((resolve) => postmaster.once('exit', () => resolve()))),
  };
  return { cluster, postmaster, finishCheckpoint: () => finish(0, null) };
}

describe('stopping the embedded PostgreSQL', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for a slow shutdown checkpoint instead of killing the server in the middle of it', async () => {
    const { cluster, postmaster, finishCheckpoint } = fakeCluster();
    const log = jest.fn();
    const stopped = stopCluster(cluster, log);
    await jest.advanceTimersByTimeAsync(10_000); // a checkpoint longer than the former 5 s limit
    expect(postmaster.kill).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('the embedded PostgreSQL is still writing its shutdown checkpoint: waiting');
    finishCheckpoint();
    await stopped;
    expect(postmaster.kill).not.toHaveBeenCalled();
    expect(postmaster.exitCode).toBe(0);
  });

  it('kills a server that is still running after the grace period, and says so', async () => {
    const { cluster, postmaster } = fakeCluster();
    const log = jest.fn();
    const stopped = stopCluster(cluster, log);
    await jest.advanceTimersByTimeAsync(SHUTDOWN_CHECKPOINT_GRACE_MS);
    await stopped;
    expect(postmaster.kill).toHaveBeenCalledWith('SIGKILL');
    expect(log).toHaveBeenCalledWith(
      `the embedded PostgreSQL did not stop within ${SHUTDOWN_CHECKPOINT_GRACE_MS / 1000} s: killing it`,
    );
  });

  it('has nothing to wait for when the server has already exited', async () => {
    const { cluster, finishCheckpoint } = fakeCluster();
    finishCheckpoint();
    const log = jest.fn();
    await stopCluster(cluster, log);
    expect(cluster.stop).not.toHaveBeenCalled();
    expect(cluster.process).toBeUndefined();
  });
});
