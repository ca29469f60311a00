import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  Actor,
  Connection,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  keysetKeyOf,
  pageWindow,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { Consultation, Contribution } from './consultation.entity';
import { ConsultationPolicy, ContributionPolicy } from './consultation.policy';

const id = z.string().uuid('is not a valid id');
const myContributionsFilter = z.object({
  organizationId: id.nullable().optional(),
  status: z.enum(['DRAFT', 'SUBMITTED']).nullable().optional(),
});
export type MyContributionsFilter = z.input<typeof myContributionsFilter>;
const myConsultationsFilter = z.object({ organizationId: id.nullable().optional() });
export type MyConsultationsFilter = z.input<typeof myConsultationsFilter>;

/** A contribution with its consultation, read in the same statement. */
export type ContributionWithConsultation = Contribution & { consultation: Consultation };

const RECENTLY_UPDATED: KeysetColumn[] = [
  { expression: 'contribution.updated_at', property: 'updatedAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'contribution.id', property: 'id', type: 'uuid', direction: 'DESC' },
];
const BY_CLOSING: KeysetColumn[] = [
  { expression: 'consultation.closes_at', property: 'closesAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'consultation.id', property: 'id', type: 'uuid', direction: 'DESC' },
];

/**
 * "Mine": the contributions of the organisations a person belongs to, and the consultations those organisations
 * joined. The same rules as one at a time: ContributionPolicy.visibleSql and ConsultationPolicy.visibleSql.
 */
@Injectable()
export class MyConsultationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** My organisations' contributions, most recently updated first. */
  async contributions(
    actor: Actor,
    rawFilter: MyContributionsFilter,
    page: PageRequest,
  ): Promise<Connection<ContributionWithConsultation>> {
    const filter = parseInput(myContributionsFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const mine = ContributionPolicy.visibleSql('contribution', actor);
    const visible = ConsultationPolicy.visibleSql('consultation', actor);
    const query = this.db
      .getRepository(Contribution)
      .createQueryBuilder('contribution')
      .innerJoinAndMapOne(
        'contribution.consultation',
        Consultation,
        'consultation',
        'consultation.id = contribution.consultation_id',
      )
      .where(mine.sql, mine.params)
      .andWhere(visible.sql, visible.params);
    if (filter.organizationId)
      query.andWhere('contribution.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.status) query.andWhere('contribution.status = :status', { status: filter.status });
    const totalCount = await query.clone().getCount();
    const rows = (await applyKeyset(query, RECENTLY_UPDATED, window).getMany()) as ContributionWithConsultation[];
    return toConnection(rows, window, keysetKeyOf<Contribution>(RECENTLY_UPDATED), totalCount);
  }

  /** The consultations my organisations joined, latest deadline first. */
  async joined(actor: Actor, rawFilter: MyConsultationsFilter, page: PageRequest): Promise<Connection<Consultation>> {
    const filter = parseInput(myConsultationsFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const mine = ContributionPolicy.visibleSql('participation', actor);
    const visible = ConsultationPolicy.visibleSql('consultation', actor);
    const query = this.db
      .getRepository(Consultation)
      .createQueryBuilder('consultation')
      .where(
        `EXISTS (SELECT 1 FROM consultation_participations participation
                  WHERE participation.consultation_id = consultation.id AND ${mine.sql}${
                    filter.organizationId ? ' AND participation.organization_id = :organizationId' : ''
                  })`,
        { ...mine.params, organizationId: filter.organizationId ?? null },
      )
      .andWhere(visible.sql, visible.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_CLOSING, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Consultation>(BY_CLOSING), totalCount);
  }
}
