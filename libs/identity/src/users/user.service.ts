import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  Actor,
  Clock,
  InvalidInputError,
  NotFoundError,
  PlatformRole,
  ensureAllowed,
  ensureVisible,
  parseId,
  parseInput,
  updateVersioned,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { Session } from '../auth/session.entity';
import { User } from './user.entity';
import { UpdateProfileInput, platformRole, updateProfileInput } from './user.inputs';
import { UserPolicy } from './user.policy';

/** People: reading them, their profile, and the staff's decisions on their status and platform role. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Every signed-in person may see other people's public profile (name, locale, role); e-mail is checked per field. */
  async get(actor: Actor, rawId: string, field = 'id'): Promise<User> {
    const id = parseId(rawId, field);
    const user = await this.db.getRepository(User).findOneBy({ id });
    ensureVisible(!!user && UserPolicy.canSeeProfile(actor), 'User');
    return user!;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.getRepository(User).findBy({ id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async updateProfile(actor: Actor, raw: UpdateProfileInput): Promise<User> {
    const input = parseInput(updateProfileInput, raw);
    const changes: Record<string, unknown> = {};
    if (input.displayName !== undefined) changes['displayName'] = input.displayName;
    if (input.locale !== undefined) changes['locale'] = input.locale;
    await updateVersioned(this.db.manager, User, actor.userId, input.version, changes, 'Your profile');
    return this.get(actor, actor.userId);
  }

  /** Suspends a person (until a date, or until reinstated): no sign-in, and every session of theirs ends at once. */
  async suspend(actor: Actor, rawId: string, until: Date | null = null, reason = ''): Promise<User> {
    const target = await this.get(actor, rawId, 'userId');
    ensureAllowed(UserPolicy.canChangeStatus(actor, target), 'You cannot suspend this person.');
    if (until && until.getTime() <= this.clock.now().getTime())
      throw InvalidInputError.field('until', 'must be in the future');
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET status = 'SUSPENDED', suspended_until = $2, version = version + 1 WHERE id = $1`,
        [target.id, until],
      );
      await this.audit.record(
        {
          kind: 'USER_SUSPENDED',
          actorId: actor.userId,
          subjectType: 'USER',
          subjectId: target.id,
          details: { until: until?.toISOString() ?? null, reason },
        },
        manager,
      );
      await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: this.clock.now(), revokedReason: 'USER_SUSPENDED' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId: target.id })
        .execute();
    });
    return this.get(actor, target.id);
  }

  async reinstate(actor: Actor, rawId: string): Promise<User> {
    const target = await this.get(actor, rawId, 'userId');
    ensureAllowed(UserPolicy.canChangeStatus(actor, target), 'You cannot reinstate this person.');
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET status = 'ACTIVE', suspended_until = NULL, version = version + 1 WHERE id = $1`,
        [target.id],
      );
      await this.audit.record(
        { kind: 'USER_REINSTATED', actorId: actor.userId, subjectType: 'USER', subjectId: target.id },
        manager,
      );
    });
    return this.get(actor, target.id);
  }

  async setPlatformRole(actor: Actor, rawId: string, rawRole: PlatformRole): Promise<User> {
    const target = await this.get(actor, rawId, 'userId');
    ensureAllowed(UserPolicy.canChangePlatformRole(actor, target), 'Only an administrator can change platform roles.');
    const role = parseInput(platformRole, rawRole, 'platformRole');
    await this.db.transaction(async (manager) => {
      await manager
        .getRepository(User)
        .update({ id: target.id }, { platformRole: role, version: () => 'version + 1' } as never);
      await this.audit.record(
        {
          kind: 'PLATFORM_ROLE_CHANGED',
          actorId: actor.userId,
          subjectType: 'USER',
          subjectId: target.id,
          details: { from: target.platformRole, to: role },
        },
        manager,
      );
    });
    return this.get(actor, target.id);
  }

  async requireExisting(id: string): Promise<User> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('User');
    return user;
  }
}
