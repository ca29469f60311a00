/** The deadline load check's setup: a database, the API, participants with tokens, a consultation they joined. */
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { SAMPLE_PASSWORD } from '@majlis/api';
import { BenchDatabase, Cleanup, Step, startBenchApi } from './bench-app';
import { Tally, count, describe, errorKind, post, total } from './deadline.client';
import type { RetryMode } from './deadline.load';

export interface Settings {
  readonly organizations: number;
  readonly leadSeconds: number;
  readonly poolSize: number;
  readonly logLevel: string;
  readonly requestTimeoutMs: number;
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

/**
 * The API on the bench's database with the real clock, its job worker in the process (as `npm start` runs it), signed
 * with a secret of this run; seeded; listening on a free port.
 */
export function startApi(
  database: BenchDatabase,
  settings: Settings,
  step: Step,
  cleanups: Cleanup[],
): Promise<{ app: INestApplication; graphqlUrl: string }> {
  const secret = `bench-${randomBytes(32).toString('hex')}`;
  return startBenchApi(
    cleanups,
    {
      databaseUrl: database.url,
      jwtSecret: secret,
      poolSize: settings.poolSize,
      logLevel: settings.logLevel,
      workerInProcess: true,
    },
    step,
  );
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
