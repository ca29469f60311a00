/** What the raw-SQL floors of the benchmarks share: the server and its pool, JSON answers, request bodies, the bearer token's user. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';

export function send(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 2 * 1024 * 1024) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** HS256 JWT: signature (constant-time compare), then `exp`; the user id is `sub`. Null when anything is off. */
export function verifiedUserId(authorization: string | undefined, secret: Buffer): string | null {
  if (!authorization?.startsWith('Bearer ')) return null;
  const token = authorization.slice(7);
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string }).alg;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string; exp?: number };
    if (alg !== 'HS256' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > Date.now() ? claims.sub : null;
  } catch {
    return null;
  }
}

/** A bare `[0-9a-f]` UUID, as the floors check their ids. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FloorOptions {
  readonly databaseUrl: string;
  readonly jwtSecret: string;
  /** The API's pool size: the floor gets as many connections. */
  readonly poolSize: number;
}

export interface FloorServer {
  readonly url: string;
  readonly pool: Pool;
  close(): Promise<void>;
}

/**
 * A floor's server: node:http on a free local port, with its own pg.Pool ('majlis-bench-floor'). Every request must
 * carry a valid bearer token (else 401); `handle` answers it as that user; a handler that throws answers 500.
 */
export async function startFloorServer(
  options: FloorOptions,
  handle: (request: IncomingMessage, response: ServerResponse, userId: string, pool: Pool) => Promise<void>,
): Promise<FloorServer> {
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize,
    application_name: 'majlis-bench-floor',
  });
  // pool.end() does not wait for the backends to go: a DROP DATABASE … WITH (FORCE) right after may still end one.
  pool.on('error', () => undefined);
  const secret = Buffer.from(options.jwtSecret, 'utf8');
  const server: Server = createServer((request, response) => {
    const userId = verifiedUserId(request.headers.authorization, secret);
    if (!userId) return send(response, 401, { error: 'unauthenticated' });
    handle(request, response, userId, pool).catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
