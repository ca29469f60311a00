import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ConflictError,
  Connection,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  isUniqueViolation,
  keysetKeyOf,
  namedQuery,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
  rowsById,
} from '@majlis/kernel';
import { Space, SpaceMember, SpaceRole } from './space.entity';
import {
  AddSpaceMemberInput,
  CreateSpaceInput,
  addSpaceMemberInput,
  createSpaceInput,
  spaceRoleInput,
} from './space.inputs';
import { SpacePolicy, readableSpaceSql, readerParameters, strongestRole } from './space.policy';
import { DiscussionsReason } from '../discussions.reasons';

const BY_NAME: KeysetColumn[] = [
  { expression: 'space.name', property: 'name', type: 'text' },
  { expression: 'space.id', property: 'id', type: 'uuid' },
];

/** A space as the actor sees it: with their effective role there (null when not a member). */
export interface VisibleSpace {
  readonly space: Space;
  readonly role: SpaceRole | null;
}

/** A space's columns as `<alias>_<column>`, for plain-SQL reads that fold the space into another statement. */
export function SPACE_COLUMNS_SQL(alias: string): string {
  return [
    'id',
    'slug',
    'name',
    'description',
    'owner_organization_id',
    'visibility',
    'created_by_id',
    'created_at',
    'updated_at',
    'version',
  ]
    .map((column) => `${alias}.${column} AS space_${column}`)
    .join(', ');
}

/** A row read with SPACE_COLUMNS_SQL and SpacePolicy.rolesSql (as `space_roles`). */
export interface SpaceRow {
  space_id: string;
  space_slug: string;
  space_name: string;
  space_description: string;
  space_owner_organization_id: string;
  space_visibility: Space['visibility'];
  space_created_by_id: string;
  space_created_at: Date;
  space_updated_at: Date;
  space_version: number;
  space_roles: SpaceRole[];
}

export function visibleSpaceFromRow(row: SpaceRow): VisibleSpace {
  const space = Object.assign(new Space(), {
    id: row.space_id,
    slug: row.space_slug,
    name: row.space_name,
    description: row.space_description,
    ownerOrganizationId: row.space_owner_organization_id,
    visibility: row.space_visibility,
    createdById: row.space_created_by_id,
    createdAt: row.space_created_at,
    updatedAt: row.space_updated_at,
    version: row.space_version,
  });
  return { space, role: strongestRole(row.space_roles) };
}

export { readableSpaceSql, readerParameters } from './space.policy';

@Injectable()
export class SpaceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(actor: Actor, raw: CreateSpaceInput): Promise<Space> {
    const input = parseInput(createSpaceInput, raw);
    ensureAllowed(
      SpacePolicy.canCreate(actor, input.ownerOrganizationId),
      'Only the organisation’s representatives can open a space for it.',
      DiscussionsReason.SPACE_CREATE_NOT_ALLOWED,
    );
    try {
      return await this.db.transaction((manager) => this.createFor(manager, actor, input));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('Another space already uses this slug.', 'slug').because(
          DiscussionsReason.SPACE_SLUG_TAKEN,
        );
      throw error;
    }
  }

  async addMember(actor: Actor, rawSpaceId: string, raw: AddSpaceMemberInput): Promise<SpaceMember> {
    const { space, role } = await this.get(actor, rawSpaceId, 'spaceId');
    ensureAllowed(
      SpacePolicy.canManageMembers(actor, space, role),
      'Only the space’s owners can change its members.',
      DiscussionsReason.SPACE_OWNERS_ONLY,
    );
    const input = parseInput(addSpaceMemberInput, raw);
    const repository = this.db.getRepository(SpaceMember);
    try {
      return await repository.save(
        repository.create({
          spaceId: space.id,
          userId: input.userId ?? null,
          organizationId: input.organizationId ?? null,
          role: input.role,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('Already a member of this space.').because(DiscussionsReason.ALREADY_SPACE_MEMBER);
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503')
        throw new ConflictError('No such person or organisation.').because(DiscussionsReason.NO_SUCH_MEMBER);
      throw error;
    }
  }

  /** For other areas' own rules (e.g. an organisation joining a consultation joins its space): no permission check. */
  async enrolOrganization(
    manager: EntityManager,
    spaceId: string,
    organizationId: string,
    role: SpaceRole,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO space_members (space_id, organization_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (space_id, organization_id) WHERE organization_id IS NOT NULL DO NOTHING`,
      [spaceId, organizationId, role],
    );
  }

  /**
   * For another area that owns a space's life (a consultation's, opened again when it is published): sets its
   * visibility and name in the caller's transaction; no permission check.
   */
  async reopenFor(
    manager: EntityManager,
    spaceId: string,
    input: { name: string; visibility: Space['visibility'] },
  ): Promise<void> {
    await manager.query(`UPDATE spaces SET visibility = $2, name = $3 WHERE id = $1`, [
      spaceId,
      input.visibility,
      input.name,
    ]);
  }

  /** Opens a space in the caller's transaction, its creator as OWNER; no permission check (`create` and other areas check first). */
  async createFor(
    manager: EntityManager,
    actor: Actor,
    input: {
      name: string;
      slug: string;
      description: string;
      ownerOrganizationId: string;
      visibility: Space['visibility'];
    },
  ): Promise<Space> {
    const space = await manager
      .getRepository(Space)
      .save(manager.getRepository(Space).create({ ...input, createdById: actor.userId }));
    await manager
      .getRepository(SpaceMember)
      .insert({ spaceId: space.id, userId: actor.userId, organizationId: null, role: 'OWNER' });
    return space;
  }

  async removeMember(actor: Actor, rawMemberId: string): Promise<SpaceMember> {
    const id = parseId(rawMemberId, 'memberId');
    const member = await this.db.getRepository(SpaceMember).findOneBy({ id });
    ensureVisible(!!member, 'Space member');
    const visible = await this.readable(actor, member!.spaceId);
    ensureVisible(!!visible, 'Space member');
    ensureAllowed(
      SpacePolicy.canManageMembers(actor, visible!.space, visible!.role),
      'Only the space’s owners can change its members.',
      DiscussionsReason.SPACE_OWNERS_ONLY,
    );
    await this.db.getRepository(SpaceMember).delete({ id });
    return member!;
  }

  /** Owners (SpacePolicy.canManageMembers) change a member's role; the last owner stays an owner. */
  async changeMemberRole(actor: Actor, rawMemberId: string, rawRole: SpaceRole): Promise<SpaceMember> {
    const id = parseId(rawMemberId, 'memberId');
    const role = parseInput(spaceRoleInput, rawRole, 'role');
    const member = await this.db.getRepository(SpaceMember).findOneBy({ id });
    ensureVisible(!!member, 'Space member');
    const visible = await this.readable(actor, member!.spaceId);
    ensureVisible(!!visible, 'Space member');
    ensureAllowed(
      SpacePolicy.canManageMembers(actor, visible!.space, visible!.role),
      'Only the space’s owners can change its members.',
      DiscussionsReason.SPACE_OWNERS_ONLY,
    );
    return this.db.transaction(async (manager) => {
      // The space's owners, locked, so that two owners stepping down at once cannot leave it without one.
      const owners: { id: string }[] = await manager.query(
        `SELECT id FROM space_members WHERE space_id = $1 AND role = 'OWNER' FOR UPDATE`,
        [member!.spaceId],
      );
      if (role !== 'OWNER' && owners.length === 1 && owners[0]!.id === id)
        throw new ConflictError('A space keeps at least one owner: make someone else owner first.', 'role').because(
          DiscussionsReason.LAST_OWNER,
        );
      await manager.getRepository(SpaceMember).update({ id }, { role });
      return { ...member!, role };
    });
  }

  /** One space the actor may read (by id or slug), or NOT_FOUND. */
  async get(actor: Actor, idOrSlug: string, field = 'id'): Promise<VisibleSpace> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
    const visible = await this.readable(actor, isUuid ? { id: parseId(idOrSlug, field) } : { slug: idOrSlug });
    ensureVisible(!!visible, 'Space');
    return visible!;
  }

  /**
   * The space with the actor's role there if they may read it, else null (for callers whose own thing is what is
   * not found). A database failure propagates: it is never "not found".
   */
  async readable(actor: Actor, key: string | { id: string } | { slug: string }): Promise<VisibleSpace | null> {
    const by = typeof key === 'string' ? { id: key } : key;
    // Plain SQL (no query builder): every request on a space's threads starts here.
    const rows: SpaceRow[] = await this.db.query(
      ...namedQuery(
        `SELECT ${SPACE_COLUMNS_SQL('space')}, ${SpacePolicy.rolesSql('space')} AS space_roles
           FROM spaces space WHERE ${'id' in by ? 'space.id = :key' : 'space.slug = :key'}`,
        { key: 'id' in by ? by.id : by.slug, ...readerParameters(actor) },
      ),
    );
    const row = rows[0];
    if (!row) return null;
    const visible = visibleSpaceFromRow(row);
    return SpacePolicy.canRead(visible.space, visible.role) ? visible : null;
  }

  async list(actor: Actor, page: PageRequest): Promise<Connection<Space>> {
    const window = pageWindow(page);
    const query = this.db
      .getRepository(Space)
      .createQueryBuilder('space')
      .where(readableSpaceSql('space'), readerParameters(actor));
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_NAME, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Space>(BY_NAME), totalCount);
  }

  /** The actor's effective role in each space: the strongest of their own and their organisations' memberships. */
  async rolesIn(actor: Actor, spaceIds: readonly string[]): Promise<Map<string, SpaceRole>> {
    if (spaceIds.length === 0) return new Map();
    const organizations = actor.memberships.map((m) => m.organizationId);
    const rows = await this.db
      .getRepository(SpaceMember)
      .createQueryBuilder('member')
      .where('member.space_id IN (:...spaceIds)', { spaceIds: [...spaceIds] })
      .andWhere('(member.user_id = :me OR member.organization_id = ANY(CAST(:organizations AS uuid[])))', {
        me: actor.userId,
        organizations,
      })
      .getMany();
    const bySpace = new Map<string, SpaceRole[]>();
    rows.forEach((row) => bySpace.set(row.spaceId, [...(bySpace.get(row.spaceId) ?? []), row.role]));
    return new Map([...bySpace].map(([spaceId, roles]) => [spaceId, strongestRole(roles)!]));
  }

  async membersOf(spaceId: string): Promise<SpaceMember[]> {
    return this.db.getRepository(SpaceMember).find({ where: { spaceId }, order: { createdAt: 'ASC' } });
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Space>> {
    return rowsById(this.db, Space, ids);
  }
}
