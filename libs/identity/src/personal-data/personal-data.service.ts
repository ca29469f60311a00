import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@majlis/audit';
import { Clock, ConflictError } from '@majlis/kernel';
import type { AuthenticatedActor } from '../auth/authenticated-actor';
import { AuthenticationService } from '../auth/authentication.service';
import { hashPassword } from '../auth/password';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { IdentityReason } from '../identity.reasons';
import { MembershipService } from '../memberships/membership.service';
import { User } from '../users/user.entity';
import { PersonalDataRegistry } from './personal-data.registry';

export const FORMER_MEMBER = 'Former member';

/**
 * Morocco's law 09-08 (in the spirit of the GDPR): a person downloads everything the platform holds about them,
 * and can delete their account — their personal data is erased, their sessions end, and the content that
 * organisations' positions rely on stays, attributed to "Former member".
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly authentication: AuthenticationService,
    private readonly throttle: SignInThrottleService,
    private readonly memberships: MembershipService,
  ) {}

  async export(actor: AuthenticatedActor): Promise<Record<string, unknown>> {
    const userId = actor.userId;
    const [person] = await this.db.query(
      `SELECT id, email, display_name AS "displayName", locale, platform_role AS "platformRole", status, created_at AS "createdAt" FROM users WHERE id = $1`,
      [userId],
    );
    const memberships = await this.db.query(
      `SELECT o.name AS organization, o.kind, m.role, m.created_at AS "since" FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    );
    const sessions = await this.db.query(
      `SELECT created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", revoked_reason AS "revokedReason" FROM sessions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const invitations = await this.db.query(
      `SELECT o.name AS organization, i.role, i.created_at AS "invitedAt", i.accepted_at AS "acceptedAt" FROM invitations i JOIN organizations o ON o.id = i.organization_id
        WHERE i.email = $1 OR i.accepted_by_id = $2 ORDER BY i.created_at`,
      [person.email, userId],
    );
    const securityEvents = await this.db.query(
      `SELECT occurred_at AS "occurredAt", kind, details FROM audit_events WHERE actor_id = $1 OR (subject_type = 'USER' AND subject_id = $2) ORDER BY sequence`,
      [userId, userId],
    );
    const sections: Record<string, unknown> = {};
    for (const contributor of this.registry.all()) sections[contributor.section] = await contributor.collect(userId);
    await this.audit.record({
      kind: 'PERSONAL_DATA_EXPORTED',
      actorId: userId,
      subjectType: 'USER',
      subjectId: userId,
    });
    return {
      exportedAt: this.clock.now().toISOString(),
      person,
      memberships,
      sessions,
      invitations,
      ...sections,
      securityEvents,
    };
  }

  /**
   * Deletes the account after confirming the password (through the one throttled password check). The only
   * representative of an organisation that has other people is refused (CONFLICT, `LAST_REPRESENTATIVE`): the
   * ministry appoints another representative first, as when leaving it (`MembershipPolicy.leavingKeepsARepresentative`).
   */
  async deleteAccount(actor: AuthenticatedActor, password: string, clientAddress: string | null = null): Promise<void> {
    const person = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    const user = await this.authentication.checkPassword({
      email: person.email,
      password,
      clientAddress,
      purpose: 'DELETE_ACCOUNT',
    });
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    await this.db.transaction(async (manager) => {
      const unrepresented = (await this.memberships.lockForLeaving(manager, { userId: user.id })).filter(
        (membership) => !membership.keepsARepresentative,
      );
      if (unrepresented.length > 0)
        throw new ConflictError(
          `You are the only representative of ${unrepresented.map((m) => m.organizationName).join(', ')}: ask the ministry to make another member its representative before deleting your account.`,
        ).because(IdentityReason.LAST_REPRESENTATIVE);
      for (const contributor of this.registry.all()) await contributor.erase?.(manager, user.id);
      await manager.query(`DELETE FROM memberships WHERE user_id = $1`, [user.id]);
      await manager.query(
        `UPDATE sessions SET revoked_at = $2, revoked_reason = 'SIGNED_OUT' WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id, this.clock.now()],
      );
      await manager.query(
        `UPDATE users SET email = $2, display_name = $3, password_hash = $4, status = 'DELETED', platform_role = 'MEMBER', suspended_until = NULL,
                version = version + 1 WHERE id = $1`,
        [user.id, `deleted-${user.id}@deleted.invalid`, FORMER_MEMBER, unusable],
      );
      await this.audit.record(
        { kind: 'ACCOUNT_DELETED', actorId: user.id, subjectType: 'USER', subjectId: user.id },
        manager,
      );
    });
    await this.throttle.forget(user.email);
  }
}
