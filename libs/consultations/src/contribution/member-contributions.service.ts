import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Connection,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  keysetKeyOf,
  pageWindow,
  parseId,
  toConnection,
} from '@majlis/kernel';
import { OrganizationQueries } from '@majlis/identity';
import type { Consent, ContributionStatus } from '../consultation/consultation.entity';
import { ConsultationService } from '../consultation/consultation.service';
import { ContributionPolicy } from '../consultation/consultation.policy';

/**
 * A member company's contribution as its federation reads it: what the company submitted (its latest receipt), not
 * its draft. `status` says whether the company has edited its draft since (CHANGED_SINCE_SUBMITTED).
 */
export interface MemberContribution {
  /** The company's contribution. */
  readonly id: string;
  readonly consultationId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly status: ContributionStatus;
  /** The consent as submitted. */
  readonly consent: Consent;
  /** Question id → answer, as submitted. */
  readonly answers: Record<string, unknown>;
  readonly trackingNumber: string;
  readonly submittedAt: Date;
}

const BY_NAME: KeysetColumn[] = [
  { expression: 'member.name', property: 'organizationName', type: 'text' },
  { expression: 'contribution.id', property: 'id', type: 'uuid' },
];

interface MemberContributionRow {
  id: string;
  consultationId: string;
  organizationId: string;
  organizationName: string;
  status: ContributionStatus;
  submission: { canonical: string; trackingNumber: string; submittedAt: string };
}

/**
 * A federation consolidates its position from what its member companies submitted: its people (representatives and
 * members) read, for one consultation, the contributions the companies affiliated with it share with it
 * (`ContributionPolicy.sharedWithFederationSql`). Two statements per page whatever its size, besides the consultation.
 */
@Injectable()
export class MemberContributionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consultations: ConsultationService,
  ) {}

  async list(
    actor: Actor,
    rawConsultationId: string,
    rawFederationId: string,
    page: PageRequest,
  ): Promise<Connection<MemberContribution>> {
    const consultation = await this.consultations.get(actor, rawConsultationId, 'consultationId');
    const federationId = parseId(rawFederationId, 'federationId');
    const window = pageWindow(page);
    // An outsider is answered before anything about the federation is read.
    if (!ContributionPolicy.canReadMembersContributions(actor, federationId))
      this.consultations.enforce(actor, 'READ_MEMBER_CONTRIBUTIONS', consultation, { organizationId: federationId });
    const shared = ContributionPolicy.sharedWithFederationSql('contribution', federationId);
    const query = this.db
      .createQueryBuilder()
      .from('contributions', 'contribution')
      .innerJoin(OrganizationQueries.rowsSql(), 'member', 'member.id = contribution.organization_id')
      .where('contribution.consultation_id = :consultation', { consultation: consultation.id })
      .andWhere(shared.sql, shared.params);
    const [{ count, kind }]: { count: number; kind: string | null }[] = await query
      .clone()
      .select('COUNT(*)::int', 'count')
      .addSelect(OrganizationQueries.kindSql(':memberFederation'), 'kind')
      .getRawMany();
    this.consultations.enforce(actor, 'READ_MEMBER_CONTRIBUTIONS', consultation, {
      organizationId: federationId,
      federation: kind === 'FEDERATION',
    });
    const rows: MemberContributionRow[] = await applyKeyset(
      query
        .select('contribution.id', 'id')
        .addSelect('contribution.consultation_id', 'consultationId')
        .addSelect('contribution.organization_id', 'organizationId')
        .addSelect('member.name', 'organizationName')
        .addSelect('contribution.status', 'status')
        .addSelect(
          `(SELECT json_build_object('canonical', s.canonical, 'trackingNumber', s.tracking_number, 'submittedAt', s.submitted_at)
              FROM contribution_submissions s WHERE s.contribution_id = contribution.id
             ORDER BY s.submitted_at DESC LIMIT 1)`,
          'submission',
        ),
      BY_NAME,
      window,
    ).getRawMany();
    const questions = await this.consultations.frozenQuestionsOf(consultation);
    const idAt = new Map(questions.map((question) => [question.position, question.id]));
    // The shared rule already requires a submission; a row without one could only be a contribution being deleted.
    const contributions = rows.flatMap((row): MemberContribution[] => {
      if (!row.submission) return [];
      const canonical = JSON.parse(row.submission.canonical) as {
        consent: Consent;
        answers: { position: number; answer: unknown }[];
      };
      const answers: Record<string, unknown> = {};
      for (const { position, answer } of canonical.answers) {
        const questionId = idAt.get(position);
        if (questionId && answer !== null) answers[questionId] = answer;
      }
      return [
        {
          id: row.id,
          consultationId: row.consultationId,
          organizationId: row.organizationId,
          organizationName: row.organizationName,
          status: row.status,
          consent: canonical.consent,
          answers,
          trackingNumber: row.submission.trackingNumber,
          submittedAt: new Date(row.submission.submittedAt),
        },
      ];
    });
    return toConnection(contributions, window, keysetKeyOf<MemberContribution>(BY_NAME), count);
  }
}
