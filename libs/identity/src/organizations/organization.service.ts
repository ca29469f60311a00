import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  ConflictError,
  InvalidInputError,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  isUniqueViolation,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
  updateVersioned,
  foldName,
  rowsById,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { FederationAffiliation } from './federation-affiliation.entity';
import { Organization } from './organization.entity';
import {
  CreateOrganizationInput,
  ListOrganizationsInput,
  UpdateOrganizationInput,
  createOrganizationInput,
  listOrganizationsInput,
  updateOrganizationInput,
} from './organization.inputs';
import { OrganizationPolicy } from './organization.policy';
import { IdentityReason } from '../identity.reasons';

const BY_NAME: KeysetColumn[] = [
  { expression: 'org.name', property: 'name', type: 'text' },
  { expression: 'org.id', property: 'id', type: 'uuid' },
];

@Injectable()
export class OrganizationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, raw: CreateOrganizationInput): Promise<Organization> {
    ensureAllowed(
      OrganizationPolicy.canCreate(actor),
      'Only the ministry’s moderators can create organisations.',
      IdentityReason.ORGANIZATION_MODERATORS_ONLY,
    );
    const input = parseInput(createOrganizationInput, raw);
    try {
      return await this.db.getRepository(Organization).save(
        this.db.getRepository(Organization).create({
          kind: input.kind,
          name: input.name,
          acronym: input.acronym ?? null,
          ice: input.ice ?? null,
          description: input.description ?? null,
          verifiedAt: null,
          verifiedById: null,
        }),
      );
    } catch (error) {
      throw this.translateUniqueViolation(error);
    }
  }

  async update(actor: Actor, rawId: string, raw: UpdateOrganizationInput): Promise<Organization> {
    const organization = await this.get(actor, rawId);
    ensureAllowed(
      OrganizationPolicy.canUpdate(actor, organization),
      'Only this organisation’s representatives can edit it.',
      IdentityReason.ORGANIZATION_REPRESENTATIVES_ONLY,
    );
    const input = parseInput(updateOrganizationInput, raw);
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined) Object.assign(changes, { name: input.name, nameKey: foldName(input.name) });
    if (input.acronym !== undefined) changes['acronym'] = input.acronym;
    if (input.description !== undefined) changes['description'] = input.description;
    try {
      await updateVersioned(
        this.db.manager,
        Organization,
        organization.id,
        input.version,
        changes,
        'This organisation',
      );
    } catch (error) {
      throw this.translateUniqueViolation(error);
    }
    return this.get(actor, organization.id);
  }

  async verify(actor: Actor, rawId: string): Promise<Organization> {
    const organization = await this.get(actor, rawId);
    ensureAllowed(
      OrganizationPolicy.canVerify(actor),
      'Only the ministry’s moderators can verify organisations.',
      IdentityReason.ORGANIZATION_MODERATORS_ONLY,
    );
    if (organization.verifiedAt) return organization;
    await this.db.transaction(async (manager) => {
      const result = await manager
        .getRepository(Organization)
        .createQueryBuilder()
        .update()
        .set({ verifiedAt: this.clock.now(), verifiedById: actor.userId })
        .where('id = :id AND verified_at IS NULL', { id: organization.id })
        .execute();
      if (result.affected === 1) {
        await this.audit.record(
          {
            kind: 'ORGANIZATION_VERIFIED',
            actorId: actor.userId,
            subjectType: 'ORGANIZATION',
            subjectId: organization.id,
          },
          manager,
        );
      }
    });
    return this.get(actor, organization.id);
  }

  /** One organisation the actor may see, or NOT_FOUND (whether it is missing or hidden). */
  async get(actor: Actor, rawId: string, field = 'id'): Promise<Organization> {
    const id = parseId(rawId, field);
    const organization = await this.db.getRepository(Organization).findOneBy({ id });
    ensureVisible(!!organization && OrganizationPolicy.canSee(actor, organization), 'Organization');
    return organization!;
  }

  /** Batch read for DataLoaders: the visible organisations among `ids`, keyed by id. */
  async findVisibleByIds(actor: Actor, ids: readonly string[]): Promise<Map<string, Organization>> {
    const rows = await rowsById(this.db, Organization, ids);
    return new Map([...rows].filter(([, row]) => OrganizationPolicy.canSee(actor, row)));
  }

  async list(actor: Actor, rawFilter: ListOrganizationsInput, page: PageRequest): Promise<Connection<Organization>> {
    const filter = parseInput(listOrganizationsInput, rawFilter);
    const window = pageWindow(page);
    const query = this.db.getRepository(Organization).createQueryBuilder('org');
    const visible = OrganizationPolicy.canSeeSql(actor, 'org');
    query.andWhere(visible.sql, visible.params);
    if (filter.kind) query.andWhere('org.kind = :kind', { kind: filter.kind });
    if (filter.verified != null) query.andWhere(`org.verified_at IS ${filter.verified ? 'NOT ' : ''}NULL`);
    if (filter.search) {
      query.andWhere(`(org.name ILIKE :pattern ESCAPE '\\' OR org.acronym ILIKE :pattern ESCAPE '\\')`, {
        pattern: `%${escapeLike(filter.search)}%`,
      });
    }
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_NAME, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Organization>(BY_NAME), totalCount);
  }

  async affiliate(actor: Actor, rawFederationId: string, rawOrganizationId: string): Promise<FederationAffiliation> {
    const federation = await this.get(actor, rawFederationId, 'federationId');
    const member = await this.get(actor, rawOrganizationId, 'organizationId');
    ensureAllowed(
      OrganizationPolicy.canManageAffiliations(actor, federation),
      'Only the federation’s representatives can change its members.',
      IdentityReason.FEDERATION_REPRESENTATIVES_ONLY,
    );
    if (federation.kind !== 'FEDERATION') throw InvalidInputError.field('federationId', 'is not a federation');
    if (member.kind !== 'COMPANY' && member.kind !== 'INSTITUTION') {
      throw InvalidInputError.field('organizationId', 'only companies and institutions join federations');
    }
    const repository = this.db.getRepository(FederationAffiliation);
    try {
      return await repository.save(
        repository.create({ federationId: federation.id, organizationId: member.id, createdById: actor.userId }),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`${member.name} is already a member of ${federation.name}.`).because(
          IdentityReason.ALREADY_FEDERATION_MEMBER,
        );
      throw error;
    }
  }

  async disaffiliate(actor: Actor, rawFederationId: string, rawOrganizationId: string): Promise<void> {
    const federation = await this.get(actor, rawFederationId, 'federationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    ensureAllowed(
      OrganizationPolicy.canManageAffiliations(actor, federation),
      'Only the federation’s representatives can change its members.',
      IdentityReason.FEDERATION_REPRESENTATIVES_ONLY,
    );
    const result = await this.db
      .getRepository(FederationAffiliation)
      .delete({ federationId: federation.id, organizationId });
    ensureVisible(result.affected === 1, 'Federation membership');
  }

  /** Batch read for DataLoaders: the visible federations each organisation belongs to. */
  async federationsOf(actor: Actor, organizationIds: readonly string[]): Promise<Map<string, Organization[]>> {
    const result = new Map<string, Organization[]>(organizationIds.map((id) => [id, []]));
    if (organizationIds.length === 0) return result;
    const rows = await this.db
      .getRepository(Organization)
      .createQueryBuilder('org')
      .innerJoin(FederationAffiliation, 'aff', 'aff.federation_id = org.id')
      .addSelect('aff.organization_id', 'member_id')
      .where('aff.organization_id IN (:...ids)', { ids: [...organizationIds] })
      .orderBy('org.name')
      .getRawAndEntities();
    rows.entities.forEach((federation, index) => {
      const memberId = rows.raw[index]['member_id'] as string;
      if (OrganizationPolicy.canSee(actor, federation)) result.get(memberId)?.push(federation);
    });
    return result;
  }

  /** The companies and institutions of a federation, by name. */
  async affiliatedOrganizations(
    actor: Actor,
    federation: Organization,
    page: PageRequest,
  ): Promise<Connection<Organization>> {
    const window = pageWindow(page);
    const query = this.db
      .getRepository(Organization)
      .createQueryBuilder('org')
      .innerJoin(FederationAffiliation, 'aff', 'aff.organization_id = org.id AND aff.federation_id = :federationId', {
        federationId: federation.id,
      });
    const visible = OrganizationPolicy.canSeeSql(actor, 'org');
    query.andWhere(visible.sql, visible.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_NAME, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Organization>(BY_NAME), totalCount);
  }

  private translateUniqueViolation(error: unknown): unknown {
    if (isUniqueViolation(error, 'organizations_ice_key')) {
      return new ConflictError('Another organisation already has this ICE.', 'ice').because(
        IdentityReason.ORGANIZATION_ICE_TAKEN,
      );
    }
    if (isUniqueViolation(error, 'organizations_name_key')) {
      return new ConflictError('Another organisation already has this name.', 'name').because(
        IdentityReason.ORGANIZATION_NAME_TAKEN,
      );
    }
    return error;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
