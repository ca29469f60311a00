import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { AuditService } from '@majlis/audit';
import { OrganizationQueries } from '@majlis/identity';
import { Actor } from '@majlis/kernel';
import { Consent, Consultation, ConsultationQuestion } from '../consultation/consultation.entity';
import { ConsultationService } from '../consultation/consultation.service';
import { ConsultationPolicy, ResultsUnavailableReason } from '../consultation/consultation.policy';
import { CONSULTATIONS_OPTIONS, ConsultationsOptions } from '../consultations.options';
import { KindCount, countsByKind, spreadsheetSafe } from './disclosure';
import { scaleOf } from '../contribution/answers';

/** The latest submission of each participating organisation: what counts. */
interface CountedContribution {
  readonly trackingNumber: string;
  readonly submittedAt: Date;
  readonly organizationName: string;
  readonly organizationKind: string;
  readonly consent: Consent;
  /** Answer by question position. */
  readonly answers: Map<number, unknown>;
}

export interface OptionCount {
  readonly option: string;
  readonly count: number;
  /** The same count split by organisation kind (small groups merged into OTHER, except for moderators). */
  readonly byKind: KindCount[];
}

export interface TextAnswer {
  /** Null for anonymous answers (and for confidential ones, which only moderators see). */
  readonly organization: string | null;
  readonly consent: Consent;
  readonly text: string;
}

export interface QuestionResult {
  readonly question: ConsultationQuestion;
  readonly ministryResponse: string | null;
  readonly answered: number;
  readonly options: OptionCount[];
  readonly texts: TextAnswer[];
}

export interface ConsultationResults {
  readonly synthesis: string | null;
  readonly contributions: number;
  readonly byKind: KindCount[];
  readonly questions: QuestionResult[];
}

/**
 * Results from each organisation's latest submission. Participants see them once published; moderators see them
 * live. Text answers follow each contribution's consent: named, anonymous, or confidential (moderators only).
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consultations: ConsultationService,
    private readonly audit: AuditService,
    @Inject(CONSULTATIONS_OPTIONS) private readonly options: ConsultationsOptions,
  ) {}

  /** Why the actor cannot read this consultation's results yet, or null when they can. */
  unavailableReason(actor: Actor, consultation: Consultation): ResultsUnavailableReason | null {
    return ConsultationPolicy.resultsUnavailableReason(actor, this.consultations.stateOf(consultation));
  }

  async results(actor: Actor, rawId: string): Promise<ConsultationResults> {
    const consultation = await this.consultations.get(actor, rawId);
    this.consultations.enforce(actor, 'READ_RESULTS', consultation);
    const moderator = ConsultationPolicy.canSeeConfidential(actor);
    // Moderators read every answer anyway; everyone else never sees a per-kind group smaller than the minimum.
    const tally = (kinds: string[]) => countsByKind(kinds, moderator ? 1 : this.options.minimumGroupSize);
    const questions = (await this.consultations.questionsOf([consultation.id])).get(consultation.id) ?? [];
    const counted = await this.counted(consultation);
    return {
      synthesis: consultation.synthesis,
      contributions: counted.length,
      byKind: tally(counted.map((contribution) => contribution.organizationKind)),
      questions: questions.map((question) => resultOf(question, counted, moderator, tally)),
    };
  }

  /**
   * Moderators: one row per counted contribution, UTF-8 with a BOM so spreadsheets read Arabic and French.
   * Consent is respected as for publication: anonymous rows without the organisation, confidential rows left out —
   * and said so: the first line is a comment (`# …`) giving how many were counted and how many left out, as the
   * live results count them (`leftOut`).
   * Every cell people wrote (names, prompts, answers) is made spreadsheet-safe: no cell starts a formula.
   */
  async csv(actor: Actor, rawId: string): Promise<{ filename: string; content: string; leftOut: number }> {
    const consultation = await this.consultations.get(actor, rawId);
    this.consultations.enforce(actor, 'EXPORT', consultation);
    const questions = (await this.consultations.questionsOf([consultation.id])).get(consultation.id) ?? [];
    const counted = await this.counted(consultation);
    const leftOut = counted.filter((contribution) => ConsultationPolicy.leftOutOfExports(contribution)).length;
    const rows = counted
      .filter((contribution) => !ConsultationPolicy.leftOutOfExports(contribution))
      .map((contribution) => [
        contribution.trackingNumber,
        contribution.submittedAt.toISOString(),
        contribution.consent === 'PUBLIC_NAMED' ? contribution.organizationName : '',
        contribution.organizationKind,
        contribution.consent,
        ...questions.map((question) => cell(contribution.answers.get(question.position))),
      ]);
    const header = [
      'tracking_number',
      'submitted_at',
      'organization',
      'organization_kind',
      'consent',
      ...questions.map((q) => `Q${q.position} ${q.prompt}`),
    ];
    await this.audit.record({
      kind: 'CONSULTATION_RESULTS_EXPORTED',
      actorId: actor.userId,
      subjectType: 'CONSULTATION',
      subjectId: consultation.id,
      details: { rows: rows.length, leftOut },
    });
    const table = [header, ...rows].map((row) => row.map(spreadsheetSafe));
    // One cell (no comma, semicolon nor quote, whatever the spreadsheet's separator): CSV readers that know comments
    // (csv-parse `comment: '#'`) skip it, people read it.
    const notice =
      `# Contributions counted: ${counted.length} — exported below: ${rows.length} — ` +
      `left out: ${leftOut} (CONFIDENTIAL: no consent to publication)`;
    return {
      filename: `consultation-${consultation.id.slice(0, 8)}.csv`,
      content: `\uFEFF${notice}\r\n${stringify(table, { record_delimiter: '\r\n' })}`,
      leftOut,
    };
  }

  private async counted(consultation: Consultation): Promise<CountedContribution[]> {
    const rows: {
      tracking_number: string;
      submitted_at: Date;
      canonical: string;
      consent: Consent;
      name: string;
      kind: string;
    }[] = await this.db.query(
      `SELECT DISTINCT ON (c.id) s.tracking_number, s.submitted_at, s.canonical, c.consent, o.name, o.kind
         FROM contributions c
         JOIN contribution_submissions s ON s.contribution_id = c.id
         JOIN ${OrganizationQueries.rowsSql()} o ON o.id = c.organization_id
        WHERE c.consultation_id = $1
        ORDER BY c.id, s.submitted_at DESC`,
      [consultation.id],
    );
    return rows.map((row) => {
      const canonical = JSON.parse(row.canonical) as {
        consent: Consent;
        answers: { position: number; answer: unknown }[];
      };
      return {
        trackingNumber: row.tracking_number,
        submittedAt: row.submitted_at,
        organizationName: row.name,
        organizationKind: row.kind,
        consent: canonical.consent,
        answers: new Map(canonical.answers.map((entry) => [entry.position, entry.answer])),
      };
    });
  }
}

function resultOf(
  question: ConsultationQuestion,
  counted: CountedContribution[],
  moderator: boolean,
  tally: (kinds: string[]) => KindCount[],
): QuestionResult {
  const answered = counted.filter((contribution) => present(contribution.answers.get(question.position)));
  if (question.kind === 'TEXT') {
    const texts = answered
      .filter((contribution) => moderator || contribution.consent !== 'CONFIDENTIAL')
      .map((contribution) => ({
        organization:
          contribution.consent === 'PUBLIC_NAMED' || (moderator && contribution.consent === 'CONFIDENTIAL')
            ? contribution.organizationName
            : null,
        consent: contribution.consent,
        text: String(contribution.answers.get(question.position)),
      }));
    return { question, ministryResponse: question.ministryResponse, answered: answered.length, options: [], texts };
  }
  const options = question.kind === 'SCALE' ? scaleSteps(question) : question.options;
  return {
    question,
    ministryResponse: question.ministryResponse,
    answered: answered.length,
    texts: [],
    options: options.map((option) => {
      const choosing = answered.filter((contribution) =>
        chosen(contribution.answers.get(question.position)).includes(option),
      );
      return {
        option,
        count: choosing.length,
        byKind: tally(choosing.map((contribution) => contribution.organizationKind)),
      };
    }),
  };
}

function scaleSteps(question: ConsultationQuestion): string[] {
  const { min, max } = scaleOf(question);
  return Array.from({ length: max - min + 1 }, (_, step) => String(min + step));
}

function chosen(answer: unknown): string[] {
  if (Array.isArray(answer)) return answer.map(String);
  return answer === null || answer === undefined ? [] : [String(answer)];
}

function present(answer: unknown): boolean {
  return answer !== null && answer !== undefined && answer !== '' && !(Array.isArray(answer) && answer.length === 0);
}

function cell(answer: unknown): string {
  if (Array.isArray(answer)) return answer.join('; ');
  return answer === null || answer === undefined ? '' : String(answer);
}
