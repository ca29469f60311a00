import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorMembership, Clock, ForbiddenError, PlatformRole, UnauthenticatedError, isId } from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { User } from '../users/user.entity';
import { AccessTokenClaims, AuthenticatedActor, IssuedTokens } from './authenticated-actor';
import { spendVerificationTime, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { hashSecret, newSecret, secretMatches } from './secret-token';
import { Session } from './session.entity';
import { SignInThrottleService } from './sign-in-throttle.service';

const WRONG_CREDENTIALS = 'The e-mail address or the password is not correct.';
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

  /** Checks e-mail and password; the same answer and the same cost whether or not the e-mail exists. */
  async verifyCredentials(rawEmail: string, password: string, clientAddress: string | null): Promise<User> {
    const email = String(rawEmail ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 254);
    try {
      await this.throttle.ensureAllowed(email, clientAddress);
    } catch (error) {
      await this.audit.record({ kind: 'SIGN_IN_FAILED', details: { email, clientAddress, reason: 'RATE_LIMITED' } });
      throw error;
    }
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, String(password ?? '').slice(0, 128))
      : (await spendVerificationTime(String(password ?? '').slice(0, 128)), false);
    if (!user || !passwordOk || user.status === 'DELETED') {
      await this.throttle.recordFailure(email, clientAddress);
      await this.audit.record({
        kind: 'SIGN_IN_FAILED',
        actorId: user?.id ?? null,
        details: { email, clientAddress, reason: 'WRONG_CREDENTIALS' },
      });
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.throttle.recordSuccess(email);
    if (user.status === 'SUSPENDED' && !(await this.suspensionHasEnded(user))) {
      await this.audit.record({
        kind: 'SIGN_IN_FAILED',
        actorId: user.id,
        details: { clientAddress, reason: 'SUSPENDED' },
      });
      throw new ForbiddenError('This account is suspended. Contact the ministry’s moderators.');
    }
    await this.audit.record({ kind: 'SIGN_IN_SUCCEEDED', actorId: user.id, details: { clientAddress } });
    return user;
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
   * Rotates a refresh token. A token that was already rotated is being replayed (stolen, or leaked):
   * the whole session family is revoked and every token of it stops working.
   */
  async refresh(presented: string): Promise<SignedIn> {
    const [tokenId, secret] = String(presented ?? '').split('.', 2);
    if (!isId(tokenId) || !secret) throw new UnauthenticatedError(SESSION_ENDED);
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
      const user = await manager.getRepository(User).findOneByOrFail({ id: session.userId });
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
      const error = new UnauthenticatedError(
        'This refresh token was already used: the session has been closed for your safety. Sign in again.',
      );
      error.details['reason'] = 'REFRESH_TOKEN_REUSED'; // so that clients can say why, in the person's language
      throw error;
    }
    if (outcome.kind === 'invalid') throw new UnauthenticatedError(SESSION_ENDED);
    const actor = await this.resolveActor({ sub: outcome.user.id, sid: outcome.sessionId });
    return { user: outcome.user, tokens: outcome.tokens, actor };
  }

  async signOut(actor: AuthenticatedActor): Promise<void> {
    await this.revokeSession(this.db.manager, actor.sessionId, 'SIGNED_OUT');
  }

  /**
   * The actor behind an access token, read in one statement: the user must be active and the session alive,
   * so suspension and sign-out take effect on the very next request.
   */
  async resolveActor(claims: AccessTokenClaims): Promise<AuthenticatedActor> {
    if (!isId(claims?.sub) || !isId(claims?.sid)) throw new UnauthenticatedError(SESSION_ENDED);
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
    if (!row || row.status !== 'ACTIVE') throw new UnauthenticatedError(SESSION_ENDED);
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

  private refreshExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.options.refreshTokenTtlSeconds * 1000);
  }
}
