import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Clock,
  ConflictError,
  DeadlinePassedError,
  NotFoundError,
  RateLimitedError,
  enqueueJob,
  parseInput,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { hashPassword } from '../auth/password';
import { ensureStrongPassword } from '../auth/password-rules';
import { derivedSecret, hashSecret } from '../auth/secret-token';
import { Session } from '../auth/session.entity';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { User } from '../users/user.entity';
import {
  RequestPasswordResetInput,
  ResetPasswordInput,
  requestPasswordResetInput,
  resetPasswordInput,
} from './password-reset.inputs';
import { IdentityReason } from '../identity.reasons';

/** The job that e-mails a reset link; its payload names the reset, never the secret. */
export const PASSWORD_RESET_EMAIL_JOB = 'email.password-reset';
const INVALID_LINK = 'This password reset link is not valid. Ask for a new one.';

/**
 * Password reset by e-mail. A request answers the same whether or not the address has an account (the link goes
 * out only when it does); requests are throttled per e-mail and per client, for known and unknown addresses alike.
 * The link's secret is derived from the reset's id under the server key; only its SHA-256 is stored. It is single
 * use, expires, and using it ends every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async request(raw: RequestPasswordResetInput, clientAddress: string | null): Promise<void> {
    const { email } = parseInput(requestPasswordResetInput, raw);
    const now = this.clock.now();
    const since = new Date(now.getTime() - 3_600_000);
    const throttle = this.options.passwordReset;
    await this.db.transaction(async (manager) => {
      const emailKey = hashSecret(email);
      // One request at a time per address, so simultaneous requests cannot all pass the count.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('password-reset:' || $1))`, [emailKey]);
      const [counts] = await manager.query(
        `SELECT count(*) FILTER (WHERE email_key = $1)::int AS per_email,
                count(*) FILTER (WHERE client_address = $2)::int AS per_client
           FROM password_reset_requests WHERE requested_at > $3 AND (email_key = $1 OR client_address = $2)`,
        [emailKey, clientAddress, since],
      );
      if (counts.per_email >= throttle.perEmailPerHour || counts.per_client >= throttle.perClientPerHour) {
        throw new RateLimitedError(3600).because(IdentityReason.PASSWORD_RESET_THROTTLED);
      }
      await manager.query(
        `INSERT INTO password_reset_requests (email_key, client_address, requested_at) VALUES ($1, $2, $3)`,
        [emailKey, clientAddress, now],
      );
      const [user] = await manager.query(`SELECT id FROM users WHERE email = $1 AND status = 'ACTIVE'`, [email]);
      if (!user) return;
      const id = randomUUID();
      await manager.query(
        `INSERT INTO password_resets (id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [id, user.id, hashSecret(this.tokenFor(id)), new Date(now.getTime() + throttle.ttlMinutes * 60_000), now],
      );
      await enqueueJob(manager, PASSWORD_RESET_EMAIL_JOB, { resetId: id }, { jobKey: `password-reset:${user.id}` });
    });
  }

  /** The secret of a reset's link, rebuilt by the job that e-mails it. */
  tokenFor(resetId: string): string {
    return derivedSecret(this.options.jwtSecret, 'password-reset', resetId);
  }

  /** The person a still usable reset is for (for the e-mail), or null when it was used, expired or is unknown. */
  async recipientOf(resetId: string): Promise<User | null> {
    const [row] = await this.db.query(
      `SELECT user_id FROM password_resets WHERE id = $1 AND used_at IS NULL AND expires_at > $2`,
      [resetId, this.clock.now()],
    );
    return row ? this.db.getRepository(User).findOneBy({ id: row.user_id, status: 'ACTIVE' }) : null;
  }

  /** How many minutes (at least 1) a reset's link was issued to last, for its e-mail; one statement. */
  async validForMinutes(resetId: string): Promise<number> {
    const [{ minutes }] = await this.db.query(
      `SELECT greatest(1, round(extract(epoch FROM expires_at - created_at) / 60))::int AS minutes
         FROM password_resets WHERE id = $1`,
      [resetId],
    );
    return minutes;
  }

  async reset(raw: ResetPasswordInput): Promise<void> {
    const input = parseInput(resetPasswordInput, raw);
    await this.db.transaction(async (manager) => {
      const [reset] = await manager.query(
        `SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1 FOR UPDATE`,
        [hashSecret(input.token)],
      );
      if (!reset) throw new NotFoundError('PasswordReset', INVALID_LINK);
      if (reset.used_at)
        throw new ConflictError('This password reset link has already been used.', 'token').because(
          IdentityReason.RESET_LINK_USED,
        );
      const now = this.clock.now();
      if (new Date(reset.expires_at).getTime() <= now.getTime()) {
        throw new DeadlinePassedError('This password reset link has expired. Ask for a new one.').because(
          IdentityReason.RESET_LINK_EXPIRED,
        );
      }
      const user = await manager.getRepository(User).findOneBy({ id: reset.user_id, status: 'ACTIVE' });
      if (!user) throw new NotFoundError('PasswordReset', INVALID_LINK);
      ensureStrongPassword(input.newPassword, user, 'newPassword');
      await manager.query(`UPDATE users SET password_hash = $2, version = version + 1 WHERE id = $1`, [
        user.id,
        await hashPassword(input.newPassword),
      ]);
      // This link and every other outstanding one of the account are spent.
      await manager.query(`UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
        user.id,
        now,
      ]);
      const ended = await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: now, revokedReason: 'PASSWORD_CHANGED' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId: user.id })
        .execute();
      await this.audit.record(
        {
          kind: 'PASSWORD_CHANGED',
          actorId: user.id,
          subjectType: 'USER',
          subjectId: user.id,
          details: { through: 'RESET_LINK', sessionsEnded: ended.affected ?? 0 },
        },
        manager,
      );
    });
  }
}
