import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  ConflictError,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  keysetKeyOf,
  pageWindow,
  toConnection,
  InvalidInputError,
  NotFoundError,
  PlatformRole,
  ensureAllowed,
  ensureVisible,
  parseId,
  parseInput,
  updateVersioned,
  rowsById,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { Session } from '../auth/session.entity';
import { User } from './user.entity';
import {
  SearchUsersInput,
  UpdateProfileInput,
  platformRole,
  searchUsersInput,
  updateProfileInput,
} from './user.inputs';
import { UserPolicy } from './user.policy';
import { IdentityReason } from '../identity.reasons';

const BY_NAME: KeysetColumn[] = [
  { expression: 'u.display_name', property: 'displayName', type: 'text' },
  { expression: 'u.id', property: 'id', type: 'uuid' },
];

/** SQL: `expression` escaped for LIKE (backslash, %, _), inside %…% — the text is a literal, never a pattern. */
const containsPattern = (expression: string) =>
  `'%' || replace(replace(replace(${expression}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/** People: reading them, their profile, and the staff's decisions on their status and platform role. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Which of these accounts are active now (neither suspended nor deleted), in one statement: what live updates
   * deliver to, as every request of the others is refused (AuthenticationService.resolveActor).
   */
  async activeAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`,
      [[...userIds]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Every signed-in person may see other people's public profile (name, locale, role); e-mail is checked per field. */
  async get(actor: Actor, rawId: string, field = 'id'): Promise<User> {
    const id = parseId(rawId, field);
    const user = await this.db.getRepository(User).findOneBy({ id });
    ensureVisible(!!user && UserPolicy.canSeeProfile(actor), 'User');
    return user!;
  }

  /**
   * The staff's people search, by display name: part of the name (on the database's one normalisation, so case,
   * Latin accents and Arabic letter forms do not matter) or of the e-mail address. Others get FORBIDDEN; deleted
   * accounts are never listed (`UserPolicy.canListSql`). Both matches use trigram indexes (migration
   * AddUserSearch), so a search costs the same whatever the number of accounts.
   */
  async search(actor: Actor, raw: SearchUsersInput, page: PageRequest): Promise<Connection<User>> {
    ensureAllowed(
      UserPolicy.canSearch(actor),
      'Only the platform’s moderators and administrators search people.',
      IdentityReason.PEOPLE_SEARCH_STAFF_ONLY,
    );
    const filter = parseInput(searchUsersInput, raw);
    const window = pageWindow(page);
    const query = this.db.getRepository(User).createQueryBuilder('u');
    const listable = UserPolicy.canListSql(actor, 'u');
    query.andWhere(listable.sql, listable.params);
    if (filter.text) {
      query.andWhere(
        `(search_trigram_key(u.display_name) LIKE ${containsPattern('search_normalize(:userSearchText)')}
          OR u.email LIKE ${containsPattern('lower(:userSearchText)')})`,
        { userSearchText: filter.text },
      );
    }
    if (filter.platformRole) query.andWhere('u.platform_role = :platformRole', { platformRole: filter.platformRole });
    if (filter.status) query.andWhere('u.status = :status', { status: filter.status });
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_NAME, window).getMany();
    return toConnection(rows, window, keysetKeyOf<User>(BY_NAME), totalCount);
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, User>> {
    return rowsById(this.db, User, ids);
  }

  async updateProfile(actor: Actor, raw: UpdateProfileInput): Promise<User> {
    const input = parseInput(updateProfileInput, raw);
    const changes: Record<string, unknown> = {};
    if (input.displayName !== undefined) changes['displayName'] = input.displayName;
    if (input.locale !== undefined) changes['locale'] = input.locale;
    await updateVersioned(this.db.manager, User, actor.userId, input.version, changes, 'Your profile');
    return this.get(actor, actor.userId);
  }

  /**
   * The one path that suspends a person (until a date, or until reinstated: no sign-in, and every session of theirs
   * ends at once) or reinstates them, in one transaction with its audit event and whatever the caller records with
   * it (`alsoInTransaction`: the moderation log). Preconditions, checked in the UPDATE itself so that two moderators
   * acting at once cannot both win (the second gets CONFLICT): SUSPEND needs a person not suspended (or whose
   * suspension has run out), unless the moderator passes the `version` they saw to change a suspension in force;
   * REINSTATE needs a suspended person; a `version`, when given, must be the current one.
   */
  async changeStatus(
    actor: Actor,
    rawId: string,
    change: { action: 'SUSPEND' | 'REINSTATE'; until: Date | null; reason: string; version?: number | null },
    alsoInTransaction?: (manager: EntityManager, user: User) => Promise<void>,
  ): Promise<User> {
    const target = await this.get(actor, rawId, 'userId');
    const suspending = change.action === 'SUSPEND';
    ensureAllowed(
      UserPolicy.canChangeStatus(actor, target),
      `You cannot ${suspending ? 'suspend' : 'reinstate'} this person.`,
      IdentityReason.USER_STATUS_NOT_ALLOWED,
    );
    const now = this.clock.now();
    if (suspending && change.until && change.until.getTime() <= now.getTime())
      throw InvalidInputError.field('until', 'must be in the future');
    const version = change.version ?? null;
    await this.db.transaction(async (manager) => {
      const params: unknown[] = [target.id];
      const bind = (value: unknown) => `$${params.push(value)}`;
      const current = version !== null ? ` AND version = ${bind(version)}` : '';
      const [, changed] = await manager.query(
        suspending
          ? `UPDATE users SET status = 'SUSPENDED', suspended_until = ${bind(change.until)}, version = version + 1
              WHERE id = $1${current} AND ${version !== null ? `status IN ('ACTIVE', 'SUSPENDED')` : `(status = 'ACTIVE' OR (status = 'SUSPENDED' AND suspended_until <= ${bind(now)}))`}`
          : `UPDATE users SET status = 'ACTIVE', suspended_until = NULL, version = version + 1
              WHERE id = $1${current} AND status = 'SUSPENDED'`,
        params,
      );
      if (changed !== 1)
        throw new ConflictError(
          suspending
            ? 'This person is already suspended, or another moderator changed their status since you looked.'
            : 'This person is not suspended, or another moderator changed their status since you looked.',
          'userId',
        ).because(IdentityReason.USER_STATUS_CHANGED);
      await this.audit.record(
        suspending
          ? {
              kind: 'USER_SUSPENDED',
              actorId: actor.userId,
              subjectType: 'USER',
              subjectId: target.id,
              details: { until: change.until?.toISOString() ?? null, reason: change.reason },
            }
          : { kind: 'USER_REINSTATED', actorId: actor.userId, subjectType: 'USER', subjectId: target.id },
        manager,
      );
      if (suspending)
        await manager
          .createQueryBuilder()
          .update(Session)
          .set({ revokedAt: now, revokedReason: 'USER_SUSPENDED' })
          .where('user_id = :userId AND revoked_at IS NULL', { userId: target.id })
          .execute();
      await alsoInTransaction?.(manager, target);
    });
    return this.get(actor, target.id);
  }

  async setPlatformRole(actor: Actor, rawId: string, rawRole: PlatformRole): Promise<User> {
    const target = await this.get(actor, rawId, 'userId');
    ensureAllowed(
      UserPolicy.canChangePlatformRole(actor, target),
      'Only an administrator can change platform roles.',
      IdentityReason.PLATFORM_ROLE_ADMINS_ONLY,
    );
    const role = parseInput(platformRole, rawRole, 'platformRole');
    await this.db.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: target.id }, { platformRole: role });
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
