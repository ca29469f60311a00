import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, RateLimitedError } from '@majlis/kernel';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';

/**
 * Counts failed sign-ins per e-mail address and per client address, in the database so that every API
 * instance sees the same counts. The e-mail key is counted whether or not an account exists, so the
 * answer never tells an attacker which addresses are registered.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly clock: Clock,
  ) {}

  async ensureAllowed(email: string, clientAddress: string | null): Promise<void> {
    const rows: { locked_until: Date }[] = await this.db.query(
      `SELECT locked_until FROM sign_in_failures WHERE key = ANY($1) AND locked_until > $2 ORDER BY locked_until DESC LIMIT 1`,
      [this.keys(email, clientAddress), this.clock.now()],
    );
    if (rows.length > 0) {
      const seconds = Math.max(1, Math.ceil((rows[0].locked_until.getTime() - this.clock.now().getTime()) / 1000));
      throw new RateLimitedError(seconds);
    }
  }

  async recordFailure(email: string, clientAddress: string | null): Promise<void> {
    const { windowSeconds, lockSeconds, maxFailuresPerEmail, maxFailuresPerClient } = this.options.signInThrottle;
    const now = this.clock.now();
    const entries: [string, number][] = [[this.emailKey(email), maxFailuresPerEmail]];
    if (clientAddress) entries.push([this.clientKey(clientAddress), maxFailuresPerClient]);
    for (const [key, max] of entries) {
      await this.db.query(
        `INSERT INTO sign_in_failures AS f (key, failures, window_started_at, locked_until)
         VALUES ($1, 1, $2::timestamptz, CASE WHEN 1 >= $5::int THEN $2::timestamptz + make_interval(secs => $4::int) END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.window_started_at < $2::timestamptz - make_interval(secs => $3::int) THEN 1 ELSE f.failures + 1 END,
           window_started_at = CASE
             WHEN f.window_started_at < $2::timestamptz - make_interval(secs => $3::int) THEN $2::timestamptz
             ELSE f.window_started_at END,
           locked_until = CASE
             WHEN f.window_started_at >= $2::timestamptz - make_interval(secs => $3::int) AND f.failures + 1 >= $5::int
             THEN $2::timestamptz + make_interval(secs => $4::int)
             ELSE f.locked_until END`,
        [key, now, windowSeconds, lockSeconds, max],
      );
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE key = $1`, [this.emailKey(email)]);
  }

  private keys(email: string, clientAddress: string | null): string[] {
    return clientAddress ? [this.emailKey(email), this.clientKey(clientAddress)] : [this.emailKey(email)];
  }

  private emailKey(email: string): string {
    return `email:${email.trim().toLowerCase()}`;
  }

  private clientKey(address: string): string {
    return `client:${address}`;
  }
}
