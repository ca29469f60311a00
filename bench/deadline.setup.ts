/** The deadline load check's setup: a database, the API, participants with tokens, a consultation they joined. */
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import {
  SAMPLE_PASSWORD,
  createApp,
  loadConfig,
  migrate,
  seedSampleDataIfEmpty,
  startEmbeddedPostgres,
} from '@majlis/api';
import { freePort, redact, withDatabase } from './bench-support';
import { Tally, count, describe, errorKind, post, total } from './deadline.client';
import type { RetryMode } from './deadline.load';

export type Cleanup = { label: string; run: () => Promise<void> };
export type Step = (label: string) => void;

export interface Settings {
  readonly organizations: number;
  readonly leadSeconds: number;
  readonly poolSize: number;
  readonly logLevel: string;
  readonly requestTimeoutMs: number;
}

export interface Database {
  readonly name: string;
  readonly url: string;
  readonly source: string;
  /** A small pool of the bench's own, for setup and verification. */
  readonly db: Pool;
}

export interface Participant {
  index: number;
  organizationId: string;
  representativeToken: string;
  memberToken: string;
  retry: RetryMode;
  draft: { text: string; scale: number };
}

export interface RaceConsultation {
  readonly id: string;
  readonly textQuestionId: string;
  readonly scaleQuestionId: string;
}

const MODERATOR_EMAIL = 'moderatrice@mtnra.example';
const SETUP_CONCURRENCY = 16;
const TOKEN_TTL_SECONDS = 3600;

/** A fresh database on BENCH_DATABASE_URL's server, or on an embedded PostgreSQL; migrated. */
export async function openDatabase(step: Step, cleanups: Cleanup[]): Promise<Database> {
  let adminUrl = process.env['BENCH_DATABASE_URL'];
  let source: string;
  if (adminUrl) source = `PostgreSQL at ${redact(adminUrl)} (BENCH_DATABASE_URL)`;
  else {
    adminUrl = await embeddedPostgres(step, cleanups);
    source = 'embedded PostgreSQL';
  }
  const name = `majlis_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push({ label: 'disconnect the admin client', run: () => admin.end() });
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push({
    label: `drop ${name}`,
    run: async () => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  });
  const url = withDatabase(adminUrl, name);
  step(`database ${name} created on ${source}; migrating`);
  await migrate(url);
  const db = new Pool({ connectionString: url, max: 2 });
  db.on('error', () => undefined);
  cleanups.push({ label: 'close the verification pool', run: () => db.end() });
  return { name, url, source, db };
}

async function embeddedPostgres(step: Step, cleanups: Cleanup[]): Promise<string> {
  const dataDir = join(__dirname, '..', 'tmp', `bench-deadline-postgres-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  cleanups.push({
    label: 'remove the embedded data directory',
    run: async () => rmSync(dataDir, { recursive: true, force: true }),
  });
  step(`starting an embedded PostgreSQL in ${dataDir}`);
  const running = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'postgres',
    log: (m) => console.log(`        ${m}`),
  });
  cleanups.push({ label: 'stop the embedded PostgreSQL', run: () => running.stop() });
  return running.url;
}

/** The API as the e2e tests start it, in production mode, with the real clock; seeded; listening on a free port. */
export async function startApi(
  database: Database,
  settings: Settings,
  step: Step,
  cleanups: Cleanup[],
): Promise<{ app: INestApplication; graphqlUrl: string }> {
  const secret = `bench-${randomBytes(32).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: settings.logLevel,
    JWT_SECRET: secret,
    AUDIT_HMAC_KEY: secret,
    SEED_SAMPLE_DATA: 'false',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  });
  const app = await createApp({ config, databaseUrl: database.url });
  cleanups.push({ label: 'close the API', run: () => app.close() });
  step('API created; seeding the sample organisations and demo users');
  await seedSampleDataIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  const apiBase = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return { app, graphqlUrl: `${apiBase}/graphql` };
}

/**
 * Verified companies (unique 15-digit ICE), one representative and one member each, with a session and an access
 * token each: signed by the API's own JwtService rather than through 400 password checks (argon2 would take minutes
 * on a loaded machine, and sign-in is not what this measures).
 */
export async function createParticipants(
  app: INestApplication,
  db: Pool,
  organizations: number,
): Promise<Participant[]> {
  const run = randomBytes(3).toString('hex');
  const { rows: orgs } = await db.query<{ id: string; n: number }>(
    `INSERT INTO organizations (kind, name, ice, description, verified_at)
     SELECT 'COMPANY', 'Bench Company ' || $2 || '-' || lpad(g::text, 3, '0'), '888' || lpad(g::text, 12, '0'), 'Deadline load check', now()
       FROM generate_series(1, $1::int) AS g
     RETURNING id, substring(name from '[0-9]+$')::int AS n`,
    [organizations, run],
  );
  const { rows: users } = await db.query<{ id: string; n: number; role: string }>(
    `INSERT INTO users (email, display_name, password_hash)
     SELECT 'bench-' || role || '-' || lpad(g::text, 3, '0') || '@deadline.example', 'Bench ' || role || ' ' || g, 'not-a-hash'
       FROM generate_series(1, $1::int) AS g, unnest(ARRAY['rep', 'member']) AS role
     RETURNING id, substring(email from '-([0-9]+)@')::int AS n, substring(email from '^bench-([a-z]+)-') AS role`,
    [organizations],
  );
  const orgByN = new Map(orgs.map((org) => [org.n, org.id]));
  await db.query(
    `INSERT INTO memberships (user_id, organization_id, role) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
    [
      users.map((user) => user.id),
      users.map((user) => orgByN.get(user.n)),
      users.map((user) => (user.role === 'rep' ? 'REPRESENTATIVE' : 'MEMBER')),
    ],
  );
  const { rows: sessions } = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO sessions (user_id, expires_at) SELECT unnest($1::uuid[]), now() + interval '1 day' RETURNING id, user_id`,
    [users.map((user) => user.id)],
  );
  const jwt = app.get(JwtService);
  const tokenOf = new Map<string, string>();
  for (const session of sessions)
    tokenOf.set(
      session.user_id,
      await jwt.signAsync(
        { sub: session.user_id, sid: session.id },
        { expiresIn: TOKEN_TTL_SECONDS, algorithm: 'HS256' },
      ),
    );
  const userOf = (n: number, role: string) => users.find((user) => user.n === n && user.role === role)!.id;
  return orgs
    .sort((a, b) => a.n - b.n)
    .map(({ id, n }) => ({
      index: n,
      organizationId: id,
      representativeToken: tokenOf.get(userOf(n, 'rep'))!,
      memberToken: tokenOf.get(userOf(n, 'member'))!,
      // Every 10th representative double-clicks (two submits at once), every 10th + 5 retries after the answer.
      retry: n % 10 === 0 ? 'concurrent' : n % 10 === 5 ? 'sequential' : 'none',
      draft: {
        text: `Contribution de l’entreprise ${n} : l’article 4 devrait préciser le plafond.`,
        scale: 1 + (n % 5),
      },
    }));
}

/** The sample moderator signs in (one password check) and creates and publishes a consultation open for a day. */
export async function openConsultation(graphqlUrl: string, timeoutMs: number): Promise<RaceConsultation> {
  const signedIn = await mustData(
    graphqlUrl,
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { email: MODERATOR_EMAIL, password: SAMPLE_PASSWORD } },
    undefined,
    timeoutMs,
  );
  const token = (signedIn['signIn'] as { accessToken: string }).accessToken;
  const now = Date.now();
  const created = await mustData(
    graphqlUrl,
    `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id questions { id kind } } } }`,
    {
      input: {
        title: 'Deadline load check',
        summary: 'Two hundred companies submit in the last seconds.',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 24 * 3600_000).toISOString(),
        eligibleKinds: ['COMPANY'],
        invitedOrganizationIds: [],
        documentIds: [],
        questions: [
          { kind: 'TEXT', prompt: 'Votre avis sur l’article 4 ?', required: true, maxLength: 2000 },
          { kind: 'SCALE', prompt: 'Votre accord global (1 à 5) ?' },
        ],
      },
    },
    token,
    timeoutMs,
  );
  const { id, questions } = (
    created['createConsultation'] as { consultation: { id: string; questions: { id: string; kind: string }[] } }
  ).consultation;
  await mustData(
    graphqlUrl,
    `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { state } } }`,
    { input: { id } },
    token,
    timeoutMs,
  );
  return {
    id,
    textQuestionId: questions.find((q) => q.kind === 'TEXT')!.id,
    scaleQuestionId: questions.find((q) => q.kind === 'SCALE')!.id,
  };
}

/** Every representative joins and saves a complete first draft (through the API). */
export async function joinWithDrafts(
  graphqlUrl: string,
  consultation: RaceConsultation,
  people: readonly Participant[],
  timeoutMs: number,
): Promise<void> {
  const errors: Tally = {};
  await inBatches(people, SETUP_CONCURRENCY, async (person) => {
    const joined = await post(
      graphqlUrl,
      `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`,
      { input: { consultationId: consultation.id, organizationId: person.organizationId } },
      person.representativeToken,
      timeoutMs,
    );
    if (joined.kind !== 'data') return count(errors, `join: ${errorKind(joined)}`, joined.message);
    const version = (joined.data['joinConsultation'] as { contribution: { version: number } }).contribution.version;
    const saved = await post(
      graphqlUrl,
      `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
      {
        input: {
          consultationId: consultation.id,
          organizationId: person.organizationId,
          version,
          answers: [
            { questionId: consultation.textQuestionId, text: person.draft.text },
            { questionId: consultation.scaleQuestionId, scale: person.draft.scale },
          ],
        },
      },
      person.representativeToken,
      timeoutMs,
    );
    if (saved.kind !== 'data') count(errors, `first draft: ${errorKind(saved)}`, saved.message);
  });
  if (total(errors) > 0)
    throw new Error(`joining and saving the first drafts failed:\n  ${describe(errors).join('\n  ')}`);
}

/** Once everyone is ready: the deadline is moved to `leadSeconds` from now (in SQL: the bench owns this database). */
export async function setDeadline(db: Pool, consultationId: string, leadSeconds: number): Promise<number> {
  const { rows } = await db.query<{ closes_at: Date }>(
    `UPDATE consultations SET closes_at = date_trunc('milliseconds', now() + make_interval(secs => $2))
      WHERE id = $1 RETURNING closes_at`,
    [consultationId, leadSeconds],
  );
  return rows[0].closes_at.getTime();
}

export async function mustData(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const outcome = await post(url, query, variables, token, timeoutMs);
  if (outcome.kind !== 'data') throw new Error(`GraphQL request failed: ${errorKind(outcome)}: ${outcome.message}`);
  return outcome.data;
}

async function inBatches<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
