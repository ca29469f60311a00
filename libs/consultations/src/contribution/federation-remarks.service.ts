import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, ensureAllowed, multiLineText, parseId, parseInput } from '@majlis/kernel';
import { OrganizationQueries } from '@majlis/identity';
import { ConsultationService } from '../consultation/consultation.service';
import { ContributionPolicy } from '../consultation/consultation.policy';
import { ConsultationsReason } from '../consultations.reasons';

export interface Remark {
  readonly id: string;
  readonly organizationId: string;
  readonly authorId: string;
  readonly body: string;
  readonly createdAt: Date;
}

const remarkBody = multiLineText(5000).refine((value) => value.trim().length > 0, 'must not be empty');

/**
 * Federation positions: the member companies of a federation that takes part add remarks to its draft, which the
 * federation's members read while they write its position; its submission lists which members contributed.
 */
@Injectable()
export class FederationRemarksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consultations: ConsultationService,
    private readonly clock: Clock,
  ) {}

  async add(
    actor: Actor,
    rawConsultationId: string,
    rawFederationId: string,
    rawOrganizationId: string,
    rawBody: string,
    receivedAt: Date = this.clock.now(),
  ): Promise<Remark> {
    const consultation = await this.consultations.get(actor, rawConsultationId, 'consultationId');
    const federationId = parseId(rawFederationId, 'federationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    const body = parseInput(remarkBody, rawBody, 'body');
    // Asked before looking the federation's contribution up: the lookup must not answer an outsider.
    ensureAllowed(
      ContributionPolicy.canRemarkFor(actor, organizationId),
      'You can only speak for an organisation you belong to.',
      ConsultationsReason.REMARK_MEMBERS_ONLY,
    );
    const [contribution] = await this.db.query(
      `SELECT c.id FROM contributions c
        WHERE c.consultation_id = $1 AND c.organization_id = $2
          AND ${OrganizationQueries.affiliatedSql('$3::uuid', 'c.organization_id', { federationKind: true })}`,
      [consultation.id, federationId, organizationId],
    );
    this.consultations.enforceAsReceived(
      actor,
      'ADD_REMARK',
      consultation,
      { organizationId, affiliated: !!contribution },
      receivedAt,
    );
    const [row] = await this.db.query(
      `INSERT INTO contribution_remarks (contribution_id, organization_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, organization_id AS "organizationId", author_id AS "authorId", body, created_at AS "createdAt"`,
      [contribution.id, organizationId, actor.userId, body, this.clock.now()],
    );
    return row;
  }

  /** The remarks on a contribution, for the members of the federation (and the authors' own). */
  async of(actor: Actor, contribution: { id: string; organizationId: string }): Promise<Remark[]> {
    const rows: Remark[] = await this.db.query(
      `SELECT id, organization_id AS "organizationId", author_id AS "authorId", body, created_at AS "createdAt"
         FROM contribution_remarks WHERE contribution_id = $1 ORDER BY created_at`,
      [contribution.id],
    );
    return rows.filter((row) => ContributionPolicy.canSeeRemark(actor, contribution, row));
  }

  /** The names of the member organisations that contributed remarks, for the federation's submission. */
  async contributors(contributionId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { names: string[] }[] = await manager.query(`SELECT ${contributorsSql('$1')} AS names`, [
      contributionId,
    ]);
    return rows[0].names;
  }
}

/**
 * The names of the organisations that left a remark on a contribution, sorted, as one SQL expression (a text array)
 * over `contributionId` (a parameter or a column): the canonical contribution names them.
 */
export function contributorsSql(contributionId: string): string {
  return `COALESCE((SELECT array_agg(DISTINCT o.name ORDER BY o.name) FROM contribution_remarks r
            JOIN ${OrganizationQueries.rowsSql()} o ON o.id = r.organization_id WHERE r.contribution_id = ${contributionId}), '{}')`;
}
