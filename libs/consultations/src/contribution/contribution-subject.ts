import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubjectRegistry } from '@majlis/discussions';
import { UserQueries } from '@majlis/identity';
import { Actor, NotFoundError, rowsById } from '@majlis/kernel';
import { Contribution } from '../consultation/consultation.entity';
import { ContributionPolicy } from '../consultation/consultation.policy';

/** A contribution is discussed internally by its organisation's members, through the shared reply model. */
@Injectable()
export class ContributionSubject implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subjects: SubjectRegistry,
  ) {}

  onModuleInit(): void {
    const visible = async (actor: Actor, id: string) => {
      const contribution = await this.db.getRepository(Contribution).findOneBy({ id });
      if (!contribution || !ContributionPolicy.canSee(actor, contribution)) throw new NotFoundError('Contribution');
      return contribution;
    };
    this.subjects.register('CONTRIBUTION', {
      ensureVisible: async (actor, id) => ({ authorId: (await visible(actor, id)).updatedById ?? '' }),
      ensureCanReply: async (actor, id) => {
        await visible(actor, id);
      },
      // Only the organisation's people read it: its representatives moderate the replies, platform moderators do not.
      readingOrganization: async (id) =>
        (await this.db.getRepository(Contribution).findOneBy({ id }))?.organizationId ?? null,
      readersSql: (user, id) => ContributionPolicy.readersSql(user, id),
      locate: async (ids) => {
        const rows = await rowsById(this.db, Contribution, ids);
        return new Map([...rows].map(([id, row]) => [id, { consultationId: row.consultationId, contributionId: id }]));
      },
      readersAmong: async (id, userIds) => {
        if (userIds.length === 0) return new Set();
        const readers = ContributionPolicy.readersSql('u', id);
        const rows: { id: string }[] = await this.db
          .createQueryBuilder()
          .select('u.id', 'id')
          .from(UserQueries.rowsSql(), 'u')
          .where('u.id = ANY(CAST(:candidates AS uuid[]))', { candidates: [...userIds] })
          .andWhere(`u.status = 'ACTIVE'`)
          .andWhere(readers.sql, readers.params)
          .getRawMany();
        return new Set(rows.map((row) => row.id));
      },
    });
  }
}
