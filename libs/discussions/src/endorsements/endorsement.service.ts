import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, ConflictError, NotFoundError, ensureAllowed, isUniqueViolation, parseId } from '@majlis/kernel';
import { AuthoredContentPolicy } from '../authored-content.policy';
import { SubjectRegistry, SubjectType } from '../subjects/subject-registry';
import { Endorsement } from './endorsement.entity';
import { DiscussionsReason } from '../discussions.reasons';

/** Endorsements of any registered subject: once per person, never of one's own content. */
/** What may be endorsed (EndorsementService, the `endorsements` table). */
export const ENDORSABLE_TYPES = ['ANNOTATION', 'COMMENT'] as const;
export type EndorsableType = (typeof ENDORSABLE_TYPES)[number];

@Injectable()
export class EndorsementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subjects: SubjectRegistry,
  ) {}

  async endorse(actor: Actor, subjectType: SubjectType, rawId: string): Promise<void> {
    const subjectId = parseId(rawId, 'id');
    const { authorId } = await this.subjects.access(subjectType).ensureVisible(actor, subjectId);
    ensureAllowed(
      AuthoredContentPolicy.canEndorse(actor, { authorId }),
      'You cannot endorse what you wrote.',
      DiscussionsReason.OWN_CONTENT_ENDORSEMENT,
    );
    try {
      await this.db.getRepository(Endorsement).insert({ subjectType, subjectId, userId: actor.userId });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('You have already endorsed this.').because(DiscussionsReason.ALREADY_ENDORSED);
      throw error;
    }
  }

  async withdraw(actor: Actor, subjectType: SubjectType, rawId: string): Promise<void> {
    const subjectId = parseId(rawId, 'id');
    await this.subjects.access(subjectType).ensureVisible(actor, subjectId);
    const result = await this.db.getRepository(Endorsement).delete({ subjectType, subjectId, userId: actor.userId });
    if (result.affected !== 1) throw new NotFoundError('Endorsement', 'You have not endorsed this.');
  }

  /** Batch read for DataLoaders: how many endorsements each subject has, and whether the actor is among them. */
  async summaries(
    actor: Actor,
    subjectType: SubjectType,
    subjectIds: readonly string[],
  ): Promise<Map<string, { count: number; byViewer: boolean }>> {
    if (subjectIds.length === 0) return new Map();
    const rows: { subject_id: string; count: string; by_viewer: boolean }[] = await this.db.query(
      `SELECT subject_id, count(*) AS count, bool_or(user_id = $3) AS by_viewer
         FROM endorsements WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) GROUP BY subject_id`,
      [subjectType, [...subjectIds], actor.userId],
    );
    return new Map(rows.map((row) => [row.subject_id, { count: Number(row.count), byViewer: row.by_viewer }]));
  }
}
