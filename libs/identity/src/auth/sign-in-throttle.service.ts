import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, RateLimitedError } from '@majlis/kernel';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { IdentityReason } from '../identity.reasons';

/** Forgotten failures are deleted once every this many failures recorded by an instance. */
const PRUNE_EVERY = 100;

interface ThrottleRow {
  readonly key: string;
  readonly failures: number;
  readonly blocked_until: Date | null;
}

/**
 * Throttles failed password checks, in PostgreSQL so that every API instance sees the same counts. Two keys:
 *
 * - **(client, e-mail)**: one client's consecutive failures on one e-mail. Past `freeFailuresPerClient`, each
 *   further failure doubles that client's wait (exponential backoff, capped). Only that client waits: other people
 *   behind the same address (a load balancer, a company's NAT) and the account's owner elsewhere are untouched.
 * - **e-mail**: failures from every client. Past `freeFailuresPerEmail`, every client that has itself failed on
 *   this e-mail waits the e-mail's (doubling) delay, which slows a guesser spread over many addresses down to one
 *   guess per address. A client that has not failed on it (the owner on their own device) is never kept out by
 *   other people's failures.
 *
 * The e-mail key is counted whether or not an account exists, so answers never tell registered addresses apart.
 * A refused attempt is not checked at all (the right password is refused too): the throttle is not an oracle.
 */
@Injectable()
export class SignInThrottleService {
  private failuresSincePrune = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly clock: Clock,
  ) {}

  async ensureAllowed(email: string, clientAddress: string | null): Promise<void> {
    const { forgetAfterSeconds } = this.options.signInThrottle;
    const now = this.clock.now();
    const pairKey = this.pairKey(email, clientAddress);
    const rows: ThrottleRow[] = await this.db.query(
      `SELECT key, failures, blocked_until FROM sign_in_throttle
        WHERE key = ANY($1) AND last_failure_at > $2::timestamptz - make_interval(secs => $3::int)`,
      [[pairKey, this.emailKey(email)], now, forgetAfterSeconds],
    );
    const pair = rows.find((row) => row.key === pairKey);
    const byEmail = rows.find((row) => row.key !== pairKey);
    const waits = [pair?.blocked_until, pair ? byEmail?.blocked_until : null]
      .filter((until): until is Date => !!until && until.getTime() > now.getTime())
      .map((until) => until.getTime() - now.getTime());
    if (waits.length > 0)
      throw new RateLimitedError(Math.max(1, Math.ceil(Math.max(...waits) / 1000))).because(
        IdentityReason.SIGN_IN_THROTTLED,
      );
  }

  async recordFailure(email: string, clientAddress: string | null): Promise<void> {
    const { freeFailuresPerClient, freeFailuresPerEmail } = this.options.signInThrottle;
    await this.bump(this.pairKey(email, clientAddress), freeFailuresPerClient);
    await this.bump(this.emailKey(email), freeFailuresPerEmail);
    if (++this.failuresSincePrune >= PRUNE_EVERY) await this.prune();
  }

  /** Drops the rows of failures already forgotten (an attacker spraying addresses leaves one row per address). */
  async prune(): Promise<void> {
    this.failuresSincePrune = 0;
    await this.db.query(
      `DELETE FROM sign_in_throttle WHERE last_failure_at <= $1::timestamptz - make_interval(secs => $2::int)`,
      [this.clock.now(), this.options.signInThrottle.forgetAfterSeconds],
    );
  }

  /** A right password: this client starts afresh on this e-mail, and so does the e-mail. */
  async recordSuccess(email: string, clientAddress: string | null): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE key = ANY($1)`, [
      [this.pairKey(email, clientAddress), this.emailKey(email)],
    ]);
  }

  /** Forgets an e-mail's failures from every client (the account was deleted). */
  async forget(email: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE key = $1 OR key LIKE $2`, [
      this.emailKey(email),
      `client:%|${likeEscaped(normalized(email))}`,
    ]);
  }

  /** One more failure, atomically: the count restarts after `forgetAfterSeconds`; past `free`, the wait doubles. */
  private async bump(key: string, free: number): Promise<void> {
    const { firstDelaySeconds, maxDelaySeconds, forgetAfterSeconds } = this.options.signInThrottle;
    await this.db.query(
      `INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at, blocked_until)
       VALUES ($1, 1, $2::timestamptz, CASE WHEN $3::int <= 1 THEN $2::timestamptz + make_interval(secs => $4::int) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at <= $2::timestamptz - make_interval(secs => $6::int) THEN 1 ELSE t.failures + 1 END,
         last_failure_at = $2::timestamptz,
         blocked_until = CASE
           WHEN t.last_failure_at <= $2::timestamptz - make_interval(secs => $6::int) THEN
             CASE WHEN $3::int <= 1 THEN $2::timestamptz + make_interval(secs => $4::int) END
           WHEN t.failures + 1 >= $3::int THEN
             $2::timestamptz + make_interval(secs => LEAST($5::float8, $4::float8 * power(2, LEAST(t.failures + 1 - $3::int, 30))))
           ELSE t.blocked_until END`,
      [key, this.clock.now(), free, firstDelaySeconds, maxDelaySeconds, forgetAfterSeconds],
    );
  }

  private emailKey(email: string): string {
    return `email:${normalized(email)}`;
  }

  private pairKey(email: string, clientAddress: string | null): string {
    return `client:${clientAddress ?? 'unknown'}|${normalized(email)}`;
  }
}

function normalized(email: string): string {
  return email.trim().toLowerCase();
}

function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
