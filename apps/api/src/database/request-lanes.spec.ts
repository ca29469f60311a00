import { EventEmitter } from 'node:events';
import type { PoolClient } from 'pg';
import { LanedPool, inRequestLane, markUrgent, runUrgent } from './request-lanes';

/** A stand-in for pg's Client: connects at once, runs nothing (the pool's queueing is what is tested). */
class InstantClient extends EventEmitter {
  connect(callback: (error?: Error) => void): void {
    process.nextTick(callback);
  }
  end(callback?: () => void): void {
    this.emit('end');
    callback?.();
  }
  isConnected(): boolean {
    return true;
  }
}

function onePool(options: { connectionTimeoutMillis?: number } = {}): LanedPool {
  return new LanedPool({ max: 1, Client: InstantClient as never, ...options });
}

/** Each caller, in the order the pool served it; each gives its connection back at once. */
function served(pool: LanedPool, order: string[], label: string, lane: 'normal' | 'urgent'): Promise<void> {
  const take = () => pool.connect();
  const client = lane === 'urgent' ? runUrgent(take) : take();
  return client.then((connection: PoolClient) => {
    order.push(label);
    connection.release();
  });
}

describe('LanedPool: the urgent lane is served first', () => {
  it('serves waiting urgent callers before every normal one, each lane in its own order', async () => {
    const pool = onePool();
    const holder = await pool.connect();
    const order: string[] = [];
    const all = [
      served(pool, order, 'normal 1', 'normal'),
      served(pool, order, 'normal 2', 'normal'),
      served(pool, order, 'urgent 1', 'urgent'),
      served(pool, order, 'normal 3', 'normal'),
      served(pool, order, 'urgent 2', 'urgent'),
    ];
    expect(pool.waitingCount).toBe(5);
    holder.release();
    await Promise.all(all);
    expect(order).toEqual(['urgent 1', 'urgent 2', 'normal 1', 'normal 2', 'normal 3']);
    await pool.end();
  });

  it('is plain first come, first served without urgent callers', async () => {
    const pool = onePool();
    const holder = await pool.connect();
    const order: string[] = [];
    const all = ['a', 'b', 'c'].map((label) => served(pool, order, label, 'normal'));
    holder.release();
    await Promise.all(all);
    expect(order).toEqual(['a', 'b', 'c']);
    await pool.end();
  });

  it('keeps the connection timeout of a waiting urgent caller, and serves the rest after it', async () => {
    const pool = onePool({ connectionTimeoutMillis: 50 });
    const holder = await pool.connect();
    const urgent = runUrgent(() => pool.connect());
    await expect(urgent).rejects.toThrow('timeout exceeded when trying to connect');
    expect(pool.waitingCount).toBe(0);
    const order: string[] = [];
    const next = served(pool, order, 'after', 'normal');
    holder.release();
    await next;
    expect(order).toEqual(['after']);
    await pool.end();
  });

  it('takes the callback form as TypeORM calls it, in either lane', async () => {
    const pool = onePool();
    const holder = await pool.connect();
    const order: string[] = [];
    const viaCallback = (label: string) =>
      new Promise<void>((resolve, reject) =>
        pool.connect((error, _client, release) => {
          if (error) return reject(error);
          order.push(label);
          release();
          resolve();
        }),
      );
    const normal = viaCallback('normal');
    const urgent = runUrgent(() => viaCallback('urgent'));
    holder.release();
    await Promise.all([normal, urgent]);
    expect(order).toEqual(['urgent', 'normal']);
    await pool.end();
  });
});

describe('a request lane', () => {
  it('starts normal, and markUrgent moves the rest of that request (and only it) to the urgent lane', async () => {
    const pool = onePool();
    const holder = await pool.connect();
    const order: string[] = [];
    const requests: Promise<void>[] = [];
    inRequestLane(null, null, () => requests.push(served(pool, order, 'plain request', 'normal')));
    inRequestLane(null, null, () => {
      markUrgent();
      requests.push(served(pool, order, 'marked request', 'normal'));
    });
    holder.release();
    await Promise.all(requests);
    expect(order).toEqual(['marked request', 'plain request']);
    await pool.end();
  });

  it('does nothing outside a request', () => {
    expect(() => markUrgent()).not.toThrow();
  });
});
