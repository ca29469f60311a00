/** What the deadline load check's parent and load generator share: one GraphQL call, classified; error tallies. */

/** How one GraphQL request ended, before anyone decides whether that outcome was expected. */
export type Outcome =
  | { readonly kind: 'data'; readonly data: Record<string, unknown>; readonly ms: number }
  /** A GraphQL error with its `extensions.code` (the first error's). */
  | {
      readonly kind: 'code';
      readonly code: string;
      readonly message: string;
      readonly ms: number;
      readonly extensions: Record<string, unknown>;
    }
  /** No usable answer: network error, timeout, non-JSON or non-200 without GraphQL errors, 200 without data. */
  | { readonly kind: 'failure'; readonly failure: string; readonly message: string; readonly ms: number };

export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    const failure =
      err.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : `network error ${err.cause?.code ?? err.name}`;
    return {
      kind: 'failure',
      failure,
      message: `${err.message}${err.cause?.message ? `: ${err.cause.message}` : ''}`,
      ms: ms(),
    };
  }
  let body: {
    data?: Record<string, unknown> | null;
    errors?: { message?: string; extensions?: { code?: unknown; [key: string]: unknown } }[];
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { kind: 'failure', failure: `HTTP ${response.status}, not JSON`, message: text.slice(0, 200), ms: ms() };
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : '(no extensions.code)';
    return { kind: 'code', code, message: String(first.message ?? ''), ms: ms(), extensions: first.extensions ?? {} };
  }
  if (response.status !== 200)
    return {
      kind: 'failure',
      failure: `HTTP ${response.status} without GraphQL errors`,
      message: text.slice(0, 200),
      ms: ms(),
    };
  if (!body.data) return { kind: 'failure', failure: 'HTTP 200 without data', message: text.slice(0, 200), ms: ms() };
  return { kind: 'data', data: body.data, ms: ms() };
}

/** The name an unexpected outcome is counted under: its GraphQL code, or the failure. */
export function errorKind(outcome: Exclude<Outcome, { kind: 'data' }>): string {
  return outcome.kind === 'code' ? outcome.code : outcome.failure;
}

/** Counts by kind, with the first message seen of each kind. */
export type Tally = Record<string, { count: number; example: string }>;

export function count(tally: Tally, kind: string, message: string): void {
  const entry = (tally[kind] ??= { count: 0, example: message });
  entry.count += 1;
}

export function total(tally: Tally): number {
  return Object.values(tally).reduce((sum, entry) => sum + entry.count, 0);
}

export function describe(tally: Tally): string[] {
  return Object.entries(tally)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([kind, { count: n, example }]) => `${n} × ${kind} — e.g. "${example}"`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
