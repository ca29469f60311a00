import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ActorMembership,
  Clock,
  ForbiddenError,
  InvalidInputError,
  PlatformRole,
  UnauthenticatedError,
  ensureAllowed,
  isId,
  parseInput,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { User } from '../users/user.entity';
import { AccessTokenClaims, AuthenticatedActor, IssuedTokens } from './authenticated-actor';
import { UserPolicy } from '../users/user.policy';
import { hashPassword, spendVerificationTime, verifyPassword } from './password';
import { ChangePasswordInput, changePasswordInput } from './password.inputs';
import { PASSWORD_MAX_LENGTH, ensureStrongPassword } from './password-rules';
import { RefreshToken } from './refresh-token.entity';
import { hashSecret, newSecret, secretMatches } from './secret-token';
import { Session } from './session.entity';
import { SignInThrottleService } from './sign-in-throttle.service';
import { IdentityReason } from '../identity.reasons';

const WRONG_CREDENTIALS = 'The e-mail address or the password is not correct.';
const WRONG_PASSWORD = 'The password is not correct.';

/** Why a password is being checked (kept in the audit trail). */
export type PasswordCheckPurpose = 'SIGN_IN' | 'ACCEPT_INVITATION' | 'CHANGE_PASSWORD' | 'DELETE_ACCOUNT';

export interface PasswordCheck {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string | null;
  readonly purpose: PasswordCheckPurpose;
}
const SESSION_ENDED = 'Your session has ended. Sign in again.';

export interface SignedIn {
  readonly user: User;
  readonly tokens: IssuedTokens;
  /** The signed-in actor, so the rest of the operation can run as them. */
  readonly actor: AuthenticatedActor;
}

/** Sign-in, token rotation, sign-out, and turning an access token back into an actor on each request. */
@Injectable()
export class AuthenticationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly jwt: JwtService,
    private readonly throttle: SignInThrottleService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Sign-in (passport-local): e-mail and password, through the one throttled password check. */
  verifyCredentials(email: string, password: string, clientAddress: string | null): Promise<User> {
    return this.checkPassword({ email, password, clientAddress, purpose: 'SIGN_IN' });
  }

  /**
   * THE password check: sign-in, accepting an invitation for an existing account, changing one's password and
   * deleting one's account all go through it, so one budget of guesses (per client and e-mail, and per e-mail, see
   * `SignInThrottleService`) covers them all. The throttle is asked before anything else and counts unknown
   * e-mails like registered ones; an unknown e-mail costs one argon2 verification like a wrong password, and both
   * answer the same message. With `allowUnknownAccount` (accepting an invitation that creates the account), an
   * unknown e-mail answers null after the same throttle check instead of failing.
   */
  async checkPassword(check: PasswordCheck & { allowUnknownAccount: true }): Promise<User | null>;
  async checkPassword(check: PasswordCheck): Promise<User>;
  async checkPassword(check: PasswordCheck & { allowUnknownAccount?: boolean }): Promise<User | null> {
    const { clientAddress, purpose } = check;
    const email = String(check.email ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 254);
    const password = String(check.password ?? '').slice(0, PASSWORD_MAX_LENGTH);
    try {
      await this.throttle.ensureAllowed(email, clientAddress);
    } catch (error) {
      await this.audit.record({
        kind: 'SIGN_IN_FAILED',
        details: { email, clientAddress, purpose, reason: 'RATE_LIMITED' },
      });
      throw error;
    }
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    if (!user && check.allowUnknownAccount) return null;
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, password)
      : (await spendVerificationTime(password), false);
    if (!user || !passwordOk || user.status === 'DELETED') {
      await this.throttle.recordFailure(email, clientAddress);
      await this.audit.record({
        kind: 'SIGN_IN_FAILED',
        actorId: user?.id ?? null,
        details: { email, clientAddress, purpose, reason: 'WRONG_CREDENTIALS' },
      });
      // Not a session problem (reason WRONG_PASSWORD): clients must not refresh their session and try again.
      throw new UnauthenticatedError(
        purpose === 'SIGN_IN' || purpose === 'ACCEPT_INVITATION' ? WRONG_CREDENTIALS : WRONG_PASSWORD,
      ).because(IdentityReason.WRONG_PASSWORD);
    }
    await this.throttle.recordSuccess(email, clientAddress);
    if (user.status === 'SUSPENDED' && !(await this.suspensionHasEnded(user))) {
      await this.audit.record({
        kind: 'SIGN_IN_FAILED',
        actorId: user.id,
        details: { clientAddress, purpose, reason: 'SUSPENDED' },
      });
      throw new ForbiddenError('This account is suspended. Contact the ministry’s moderators.').because(
        IdentityReason.ACCOUNT_SUSPENDED,
      );
    }
    if (purpose === 'SIGN_IN' || purpose === 'ACCEPT_INVITATION') {
      await this.audit.record({ kind: 'SIGN_IN_SUCCEEDED', actorId: user.id, details: { clientAddress, purpose } });
    }
    return user;
  }

  /**
   * A signed-in person changes their password: the new one must meet the password rules, the current one is
   * checked through the one throttled path, every OTHER session of theirs ends (the current one goes on), and the
   * change is audited — all in one transaction.
   */
  async changePassword(
    actor: AuthenticatedActor,
    raw: ChangePasswordInput,
    clientAddress: string | null,
  ): Promise<User> {
    const input = parseInput(changePasswordInput, raw);
    const person = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    ensureAllowed(
      UserPolicy.canChangePassword(actor, person),
      'You can only change your own password.',
      IdentityReason.OWN_PASSWORD_ONLY,
    );
    ensureStrongPassword(input.newPassword, person, 'newPassword');
    const user = await this.checkPassword({
      email: person.email,
      password: input.currentPassword,
      clientAddress,
      purpose: 'CHANGE_PASSWORD',
    });
    if (await verifyPassword(user.passwordHash, input.newPassword)) {
      throw InvalidInputError.field('newPassword', 'must differ from your current password');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, version = version + 1 WHERE id = $1`, [
        user.id,
        passwordHash,
      ]);
      const ended = await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: this.clock.now(), revokedReason: 'PASSWORD_CHANGED' })
        .where('user_id = :userId AND id <> :sessionId AND revoked_at IS NULL', {
          userId: user.id,
          sessionId: actor.sessionId,
        })
        .execute();
      await this.audit.record(
        {
          kind: 'PASSWORD_CHANGED',
          actorId: actor.userId,
          subjectType: 'USER',
          subjectId: user.id,
          details: { clientAddress, otherSessionsEnded: ended.affected ?? 0 },
        },
        manager,
      );
    });
    return this.db.getRepository(User).findOneByOrFail({ id: user.id });
  }

  /** A suspension for a period ends by itself: the account is reinstated at its first sign-in after the period. */
  private async suspensionHasEnded(user: User): Promise<boolean> {
    const [row] = await this.db.query(`SELECT suspended_until FROM users WHERE id = $1`, [user.id]);
    if (!row?.suspended_until || new Date(row.suspended_until).getTime() > this.clock.now().getTime()) return false;
    await this.db.query(
      `UPDATE users SET status = 'ACTIVE', suspended_until = NULL, version = version + 1 WHERE id = $1 AND status = 'SUSPENDED'`,
      [user.id],
    );
    await this.audit.record({
      kind: 'USER_REINSTATED',
      actorId: null,
      subjectType: 'USER',
      subjectId: user.id,
      details: { reason: 'SUSPENSION_ENDED' },
    });
    return true;
  }

  async startSession(user: User): Promise<SignedIn> {
    const { tokens, sessionId } = await this.db.transaction(async (manager) => {
      const session = await manager.getRepository(Session).save(
        manager.getRepository(Session).create({
          userId: user.id,
          expiresAt: this.refreshExpiry(),
          revokedAt: null,
          revokedReason: null,
        }),
      );
      return { tokens: await this.issueTokens(manager, session), sessionId: session.id };
    });
    return { user, tokens, actor: await this.resolveActor({ sub: user.id, sid: sessionId }) };
  }

  /**
   * Rotates a refresh token. A token that was already rotated is being replayed (stolen, or leaked): the whole
   * session family is revoked and every token of it stops working — except within a short grace window after its
   * rotation (`refreshTokenReuseGraceSeconds`), when the same session presenting it again is two tabs refreshing
   * at once: that caller gets a sibling token of the same session (OAuth 2.0 Security BCP, refresh-token rotation).
   */
  async refresh(presented: string): Promise<SignedIn> {
    const [tokenId, secret] = String(presented ?? '').split('.', 2);
    if (!isId(tokenId) || !secret) throw new UnauthenticatedError(SESSION_ENDED).because(IdentityReason.SESSION_ENDED);
    const outcome = await this.db.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.id = :tokenId', { tokenId })
        .getOne();
      if (!token || !secretMatches(secret, token.tokenHash)) return { kind: 'invalid' as const };
      const session = await manager
        .getRepository(Session)
        .createQueryBuilder('session')
        .setLock('pessimistic_write')
        .where('session.id = :id', { id: token.sessionId })
        .getOneOrFail();
      if (session.revokedAt || session.expiresAt.getTime() <= this.clock.now().getTime())
        return { kind: 'invalid' as const };
      const user = await manager.getRepository(User).findOneByOrFail({ id: session.userId });
      if (token.rotatedAt && this.withinReuseGrace(token.rotatedAt)) {
        // Two tabs refreshed the same token at once: the loser gets a sibling token of the same session. The window
        // runs from the first rotation, so presenting the token again never stretches it.
        if (user.status !== 'ACTIVE') return { kind: 'invalid' as const };
        await manager.update(Session, { id: session.id }, { expiresAt: this.refreshExpiry() });
        return {
          kind: 'rotated' as const,
          user,
          sessionId: session.id,
          tokens: await this.issueTokens(manager, session),
        };
      }
      if (token.rotatedAt) {
        await this.revokeSession(manager, session.id, 'REFRESH_TOKEN_REUSED');
        await this.audit.record(
          {
            kind: 'SESSION_FAMILY_REVOKED',
            actorId: session.userId,
            subjectType: 'SESSION',
            subjectId: session.id,
            details: { reason: 'REFRESH_TOKEN_REUSED' },
          },
          manager,
        );
        return { kind: 'reused' as const };
      }
      if (user.status !== 'ACTIVE') return { kind: 'invalid' as const };
      await manager.update(RefreshToken, { id: token.id }, { rotatedAt: this.clock.now() });
      await manager.update(Session, { id: session.id }, { expiresAt: this.refreshExpiry() });
      return {
        kind: 'rotated' as const,
        user,
        sessionId: session.id,
        tokens: await this.issueTokens(manager, session),
      };
    });
    if (outcome.kind === 'reused') {
      throw new UnauthenticatedError(
        'This refresh token was already used: the session has been closed for your safety. Sign in again.',
      ).because(IdentityReason.REFRESH_TOKEN_REUSED);
    }
    if (outcome.kind === 'invalid') throw new UnauthenticatedError(SESSION_ENDED).because(IdentityReason.SESSION_ENDED);
    const actor = await this.resolveActor({ sub: outcome.user.id, sid: outcome.sessionId });
    return { user: outcome.user, tokens: outcome.tokens, actor };
  }

  async signOut(actor: AuthenticatedActor): Promise<void> {
    await this.revokeSession(this.db.manager, actor.sessionId, 'SIGNED_OUT');
  }

  /**
   * The actor behind a raw access token (a WebSocket's `connectionParams`, which passport does not see): its
   * signature and expiry, then the same live check of its user and session as every request (`resolveActor`).
   */
  async authenticateAccessToken(token: unknown): Promise<{ actor: AuthenticatedActor; expiresAt: Date }> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      throw new UnauthenticatedError('Send your access token in connectionParams.accessToken.').because(
        IdentityReason.ACCESS_TOKEN_MISSING,
      );
    }
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'Your access token has expired. Refresh your session.' : 'Your session is not valid. Sign in again.',
      ).because(expired ? IdentityReason.ACCESS_TOKEN_EXPIRED : IdentityReason.SESSION_ENDED);
    }
    const actor = await this.resolveActor(claims);
    return { actor, expiresAt: new Date((claims.exp ?? 0) * 1000) };
  }

  /**
   * The actor behind an access token, read in one statement: the user must be active and the session alive,
   * so suspension and sign-out take effect on the very next request.
   */
  async resolveActor(claims: AccessTokenClaims): Promise<AuthenticatedActor> {
    if (!isId(claims?.sub) || !isId(claims?.sid))
      throw new UnauthenticatedError(SESSION_ENDED).because(IdentityReason.SESSION_ENDED);
    const rows: { id: string; platform_role: PlatformRole; status: string; memberships: ActorMembership[] }[] =
      await this.db.query(
        `SELECT u.id, u.platform_role, u.status,
                COALESCE((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
                            FROM memberships m WHERE m.user_id = u.id), '[]'::json) AS memberships
           FROM users u JOIN sessions s ON s.user_id = u.id
          WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3`,
        [claims.sub, claims.sid, this.clock.now()],
      );
    const row = rows[0];
    if (!row || row.status !== 'ACTIVE')
      throw new UnauthenticatedError(SESSION_ENDED).because(IdentityReason.SESSION_ENDED);
    return { userId: row.id, platformRole: row.platform_role, memberships: row.memberships, sessionId: claims.sid };
  }

  private async issueTokens(manager: EntityManager, session: Session): Promise<IssuedTokens> {
    const secret = newSecret();
    const saved = await manager
      .getRepository(RefreshToken)
      .save(
        manager
          .getRepository(RefreshToken)
          .create({ sessionId: session.id, tokenHash: hashSecret(secret), rotatedAt: null }),
      );
    const now = this.clock.now().getTime();
    const claims: AccessTokenClaims = { sub: session.userId, sid: session.id };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: this.options.accessTokenTtlSeconds,
        algorithm: 'HS256',
      }),
      accessTokenExpiresAt: new Date(now + this.options.accessTokenTtlSeconds * 1000),
      refreshToken: `${saved.id}.${secret}`,
      refreshTokenExpiresAt: this.refreshExpiry(),
    };
  }

  private async revokeSession(
    manager: EntityManager,
    sessionId: string,
    reason: Session['revokedReason'],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
  }

  private withinReuseGrace(rotatedAt: Date): boolean {
    return this.clock.now().getTime() - rotatedAt.getTime() < this.options.refreshTokenReuseGraceSeconds * 1000;
  }

  private refreshExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.options.refreshTokenTtlSeconds * 1000);
  }
}
