import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import {
  Actor,
  ConflictError,
  Connection,
  KeysetColumn,
  MembershipRole,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { z } from 'zod';
import { AuditService } from '@majlis/audit';
import { Organization } from '../organizations/organization.entity';
import { Membership, MEMBERSHIP_ROLES } from './membership.entity';
import { MembershipPolicy } from './membership.policy';
import { IdentityReason } from '../identity.reasons';

/** A membership about to end, read under its organisation's lock (`MembershipService.lockForLeaving`). */
export interface LeavingMembership {
  readonly id: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly role: MembershipRole;
  /** Whether the organisation keeps a representative (or has nobody left) once this membership ends. */
  readonly keepsARepresentative: boolean;
}

const BY_JOINING: KeysetColumn[] = [
  { expression: 'membership.created_at', property: 'createdAt', type: 'timestamptz' },
  { expression: 'membership.id', property: 'id', type: 'uuid' },
];

@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The people of an organisation the actor can see, oldest membership first. */
  async membersOf(actor: Actor, organization: Organization, page: PageRequest): Promise<Connection<Membership>> {
    ensureVisible(MembershipPolicy.canSee(actor, organization), 'Organization');
    const window = pageWindow(page);
    const query = this.db
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .where('membership.organization_id = :organizationId', { organizationId: organization.id });
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_JOINING, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Membership>(BY_JOINING), totalCount);
  }

  /**
   * Batch read for DataLoaders: the first page of members of several organisations (already found visible), in
   * two statements whatever their number — for lists of organisations that each show their members.
   */
  async firstMembersOf(
    organizationIds: readonly string[],
    first: number,
  ): Promise<Map<string, Connection<Membership>>> {
    const window = pageWindow({ first });
    const result = new Map<string, Connection<Membership>>();
    if (organizationIds.length === 0) return result;
    const ids = [...organizationIds];
    const counts: { organization_id: string; n: number }[] = await this.db.query(
      `SELECT organization_id, count(*)::int AS n FROM memberships WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
      [ids],
    );
    const rows = await this.db
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .where(
        `membership.id IN (SELECT ranked.id FROM (SELECT m.id, row_number() OVER (PARTITION BY m.organization_id ORDER BY m.created_at, m.id) AS rank
           FROM memberships m WHERE m.organization_id = ANY(:ids)) ranked WHERE ranked.rank <= :limit)`,
        { ids, limit: window.limit + 1 },
      )
      .orderBy('membership.created_at')
      .addOrderBy('membership.id')
      .getMany();
    const total = new Map(counts.map((row) => [row.organization_id, row.n]));
    for (const id of ids) {
      const own = rows.filter((row) => row.organizationId === id);
      result.set(id, toConnection(own, window, keysetKeyOf<Membership>(BY_JOINING), total.get(id) ?? 0));
    }
    return result;
  }

  /** Batch read for DataLoaders: each person's memberships. */
  async membershipsOfUsers(userIds: readonly string[]): Promise<Map<string, Membership[]>> {
    const result = new Map<string, Membership[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.db
      .getRepository(Membership)
      .find({ where: { userId: In([...userIds]) }, order: { createdAt: 'ASC' } });
    rows.forEach((row) => result.get(row.userId)?.push(row));
    return result;
  }

  async remove(actor: Actor, rawId: string): Promise<Membership> {
    const membership = await this.visibleMembership(actor, rawId);
    ensureAllowed(
      MembershipPolicy.canRemove(actor, membership),
      'You cannot remove this person from the organisation.',
      IdentityReason.MEMBER_REMOVAL_NOT_ALLOWED,
    );
    let role = membership.role;
    await this.db.transaction(async (manager) => {
      const [current] = await this.lockForLeaving(manager, { membershipId: membership.id });
      ensureVisible(!!current, 'Membership');
      role = current!.role;
      if (!current!.keepsARepresentative)
        throw new ConflictError(
          current!.userId === actor.userId
            ? `You are the only representative of ${current!.organizationName}: ask the ministry to make another member its representative before you leave.`
            : `This person is the only representative of ${current!.organizationName}: make someone else its representative first.`,
        ).because(IdentityReason.LAST_REPRESENTATIVE);
      await manager.getRepository(Membership).delete({ id: membership.id });
      await this.audit.record(
        {
          kind: 'MEMBERSHIP_REMOVED',
          actorId: actor.userId,
          subjectType: 'USER',
          subjectId: membership.userId,
          details: { organizationId: membership.organizationId, role },
        },
        manager,
      );
    });
    return { ...membership, role };
  }

  /**
   * Inside the caller's transaction, before memberships are deleted (one, or all of a person's): locks their
   * organisations — in id order, the same lock as `changeRole`, so that two representatives removing each other,
   * or a removal beside a demotion, are decided one after the other — and says for each membership, read again
   * under the lock, whether its organisation keeps a representative without it (`leavingKeepsARepresentative`).
   */
  async lockForLeaving(
    manager: EntityManager,
    which: { membershipId: string } | { userId: string },
  ): Promise<LeavingMembership[]> {
    const [column, value] = 'membershipId' in which ? ['id', which.membershipId] : ['user_id', which.userId];
    await manager.query(
      `SELECT o.id FROM organizations o WHERE o.id IN (SELECT m.organization_id FROM memberships m WHERE m.${column} = $1)
        ORDER BY o.id FOR UPDATE OF o`,
      [value],
    );
    const rows: {
      id: string;
      user_id: string;
      organization_id: string;
      name: string;
      role: MembershipRole;
      other_representatives: number;
      other_members: number;
    }[] = await manager.query(
      `SELECT m.id, m.user_id, m.organization_id, o.name, m.role,
              (SELECT count(*)::int FROM memberships r WHERE r.organization_id = m.organization_id AND r.id <> m.id
                  AND r.role = 'REPRESENTATIVE') AS other_representatives,
              (SELECT count(*)::int FROM memberships r WHERE r.organization_id = m.organization_id AND r.id <> m.id) AS other_members
         FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.${column} = $1 ORDER BY o.name`,
      [value],
    );
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      organizationId: row.organization_id,
      organizationName: row.name,
      role: row.role,
      keepsARepresentative: MembershipPolicy.leavingKeepsARepresentative({
        role: row.role,
        otherRepresentatives: row.other_representatives,
        otherMembers: row.other_members,
      }),
    }));
  }

  async changeRole(actor: Actor, rawId: string, rawRole: MembershipRole): Promise<Membership> {
    const membership = await this.visibleMembership(actor, rawId);
    ensureAllowed(
      MembershipPolicy.canChangeRole(actor),
      'Only the ministry’s moderators can change who represents an organisation.',
      IdentityReason.REPRESENTATIVES_BY_MODERATORS,
    );
    const role = parseInput(z.enum(MEMBERSHIP_ROLES), rawRole, 'role');
    let from = membership.role;
    await this.db.transaction(async (manager) => {
      // One role change per organisation at a time, so that two demotions cannot leave it without a representative.
      await manager.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [membership.organizationId]);
      const current = await manager.getRepository(Membership).findOneBy({ id: membership.id });
      ensureVisible(!!current, 'Membership');
      from = current!.role;
      const otherRepresentatives = await manager.getRepository(Membership).countBy({
        organizationId: membership.organizationId,
        role: 'REPRESENTATIVE',
        id: Not(membership.id),
      });
      if (!MembershipPolicy.keepsARepresentative({ from, to: role, otherRepresentatives }))
        throw new ConflictError(
          'This person is the organisation’s only representative: make someone else its representative first.',
          'role',
        ).because(IdentityReason.LAST_REPRESENTATIVE);
      await manager.getRepository(Membership).update({ id: membership.id }, { role });
      await this.audit.record(
        {
          kind: 'MEMBERSHIP_ROLE_CHANGED',
          actorId: actor.userId,
          subjectType: 'USER',
          subjectId: membership.userId,
          details: { organizationId: membership.organizationId, from, to: role },
        },
        manager,
      );
    });
    return { ...membership, role };
  }

  private async visibleMembership(actor: Actor, rawId: string): Promise<Membership> {
    const id = parseId(rawId, 'membershipId');
    const membership = await this.db.getRepository(Membership).findOneBy({ id });
    const organization = membership
      ? await this.db.getRepository(Organization).findOneBy({ id: membership.organizationId })
      : null;
    ensureVisible(!!membership && !!organization && MembershipPolicy.canSee(actor, organization), 'Membership');
    return membership!;
  }
}
