import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const positiveInt = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .positive('must be positive');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number({ message: 'must be a number' }).int().min(1024).max(65535).default(54329),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(900),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(30 * 24 * 3600),
  INVITATION_TTL_HOURS: positiveInt.default(7 * 24),
  REFRESH_TOKEN_REUSE_GRACE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(60).default(20),
  SIGN_IN_FREE_FAILURES_PER_CLIENT: positiveInt.default(3),
  SIGN_IN_FREE_FAILURES_PER_EMAIL: positiveInt.default(10),
  SIGN_IN_FIRST_DELAY_SECONDS: positiveInt.default(2),
  SIGN_IN_MAX_DELAY_SECONDS: positiveInt.default(900),
  SIGN_IN_FORGET_AFTER_SECONDS: positiveInt.default(24 * 3600),
  SEED_SAMPLE_DATA: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: positiveInt.default(10),
  GRAPHQL_MAX_COST: positiveInt.default(50_000),
  TRUST_PROXY: flag.default('false'),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  REQUEST_BODY_TIMEOUT_MS: positiveInt.default(5000),
  MODERATION_AUTO_HIDE_REPORTS: positiveInt.default(3),
  RESULTS_MINIMUM_GROUP_SIZE: positiveInt.default(3),
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  LIVE_SESSION_CHECK_SECONDS: positiveInt.default(30),
  LIVE_WRITE_INTERVAL_MS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (write at the end of each turn of the event loop) or more')
    .max(1000, 'must be at most 1000')
    .default(40),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (only at start and shutdown) or more')
    .default(300),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Majlis <no-reply@majlis.localhost>'),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z.string().url('must be a URL such as https://majlis.example.org').optional(),
  WORKER_IN_PROCESS: flag.default('true'),
  WORKER_CONCURRENCY: positiveInt.default(4),
  PASSWORD_RESET_TTL_MINUTES: positiveInt.default(60),
  PASSWORD_RESET_PER_EMAIL_PER_HOUR: positiveInt.default(3),
  PASSWORD_RESET_PER_CLIENT_PER_HOUR: positiveInt.default(20),
});

export interface AppConfig {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  /** Unset: the app runs an embedded PostgreSQL whose data lives under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly invitationTtlHours: number;
  readonly refreshTokenReuseGraceSeconds: number;
  readonly signInThrottle: {
    readonly freeFailuresPerClient: number;
    readonly freeFailuresPerEmail: number;
    readonly firstDelaySeconds: number;
    readonly maxDelaySeconds: number;
    readonly forgetAfterSeconds: number;
  };
  readonly seedSampleData: boolean;
  readonly logLevel: string;
  readonly graphql: { readonly maxDepth: number; readonly maxCost: number };
  readonly trustProxy: boolean;
  readonly databasePoolSize: number;
  /** A request's body must arrive within this many ms of its headers (408 otherwise): the received-at stamp's bound. */
  readonly requestBodyTimeoutMs: number;
  readonly moderation: { readonly autoHideThreshold: number };
  /** Published results never split counts into a group of organisations smaller than this (merged into OTHER). */
  readonly consultations: { readonly minimumGroupSize: number };
  /** Live updates: how often an open subscription socket re-checks its session (revoked → closed, see live/). */
  /** writeIntervalMs: the shortest time between two writes of live messages to the sockets (live-delivery.ts). */
  readonly live: { readonly sessionCheckSeconds: number; readonly writeIntervalMs: number };
  /** The chains' HMAC key (never in the database) and the signed checkpoints of their heads, kept outside it. */
  readonly audit: {
    readonly hmacKey: string;
    readonly checkpointFile: string;
    readonly checkpointIntervalSeconds: number;
  };
  /**
   * E-mail: through SMTP when `SMTP_URL` is set; otherwise each message is written as an .eml file into the outbox
   * folder (listed at GET /dev/outbox outside production). Links in e-mails start with `publicUrl`.
   */
  readonly mail: {
    readonly smtpUrl: string | undefined;
    readonly from: string;
    readonly outboxDir: string;
    readonly publicUrl: string;
  };
  /** Background jobs (e-mail, digests, reminders): run inside the API process unless turned off. */
  readonly worker: { readonly inProcess: boolean; readonly concurrency: number };
  readonly passwordReset: {
    readonly ttlMinutes: number;
    readonly perEmailPerHour: number;
    readonly perClientPerHour: number;
  };
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment once, at start; a bad or missing variable stops the app with its name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.JWT_SECRET) {
    throw new ConfigurationError(['JWT_SECRET: is required in production (at least 32 random characters)']);
  }
  if (production && !env.AUDIT_HMAC_KEY) {
    throw new ConfigurationError([
      'AUDIT_HMAC_KEY: is required in production (at least 32 random characters, kept out of the database)',
    ]);
  }
  const dataDir = resolve(env.DATA_DIR);
  return {
    production,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT,
    jwtSecret: env.JWT_SECRET ?? localDevelopmentSecret(dataDir, 'jwt-secret'),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    invitationTtlHours: env.INVITATION_TTL_HOURS,
    refreshTokenReuseGraceSeconds: env.REFRESH_TOKEN_REUSE_GRACE_SECONDS,
    signInThrottle: {
      freeFailuresPerClient: env.SIGN_IN_FREE_FAILURES_PER_CLIENT,
      freeFailuresPerEmail: env.SIGN_IN_FREE_FAILURES_PER_EMAIL,
      firstDelaySeconds: env.SIGN_IN_FIRST_DELAY_SECONDS,
      maxDelaySeconds: env.SIGN_IN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: env.SIGN_IN_FORGET_AFTER_SECONDS,
    },
    seedSampleData: env.SEED_SAMPLE_DATA ?? !production,
    logLevel: env.LOG_LEVEL,
    graphql: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST },
    trustProxy: env.TRUST_PROXY,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    requestBodyTimeoutMs: env.REQUEST_BODY_TIMEOUT_MS,
    moderation: { autoHideThreshold: env.MODERATION_AUTO_HIDE_REPORTS },
    consultations: { minimumGroupSize: env.RESULTS_MINIMUM_GROUP_SIZE },
    live: { sessionCheckSeconds: env.LIVE_SESSION_CHECK_SECONDS, writeIntervalMs: env.LIVE_WRITE_INTERVAL_MS },
    audit: {
      hmacKey: env.AUDIT_HMAC_KEY ?? localDevelopmentSecret(dataDir, 'audit-hmac-key'),
      checkpointFile: resolve(env.AUDIT_CHECKPOINT_FILE ?? resolve(dataDir, 'audit-checkpoints.jsonl')),
      checkpointIntervalSeconds: env.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
    },
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      outboxDir: resolve(env.MAIL_OUTBOX_DIR ?? resolve(dataDir, 'outbox')),
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    },
    worker: { inProcess: env.WORKER_IN_PROCESS, concurrency: env.WORKER_CONCURRENCY },
    passwordReset: {
      ttlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      perEmailPerHour: env.PASSWORD_RESET_PER_EMAIL_PER_HOUR,
      perClientPerHour: env.PASSWORD_RESET_PER_CLIENT_PER_HOUR,
    },
  };
}

/**
 * Outside production a random secret is made once and kept beside the data (not in the database), so restarts
 * keep sessions and the audit chains' key.
 */
function localDevelopmentSecret(dataDir: string, name: string): string {
  const file = resolve(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
