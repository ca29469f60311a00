/**
 * Whether the API (and its database) answer. A failed request flips it to "down"; while down, /health/ready is
 * polled until it answers again. The banner in the layout reads it.
 */
export type ApiStatus = 'up' | 'api-down' | 'database-down';

let status: ApiStatus = 'up';
let polling: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function set(next: ApiStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

async function probe(): Promise<ApiStatus> {
  try {
    const response = await fetch('/health/ready', { headers: { accept: 'application/json' } });
    return response.ok ? 'up' : 'database-down';
  } catch {
    return 'api-down';
  }
}

function poll(): void {
  if (polling) return;
  polling = setTimeout(async () => {
    polling = null;
    const next = await probe();
    set(next);
    if (next !== 'up') poll();
  }, 5000);
}

export const apiStatus = {
  get: (): ApiStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A request could not reach the API, or the API answered 5xx: find out which, then keep checking. */
  async reportFailure(): Promise<void> {
    set(await probe());
    if (status !== 'up') poll();
  },
  reportSuccess(): void {
    set('up');
  },
};
