import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubjectRegistry } from '@majlis/discussions';
import { isMemberOf, NotFoundError } from '@majlis/kernel';
import { Contribution } from './consultation.entity';

/** A contribution is discussed internally by its organisation's members, through the shared reply model. */
@Injectable()
export class ContributionSubject implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subjects: SubjectRegistry,
  ) {}

  onModuleInit(): void {
    const visible = async (actor: Parameters<typeof isMemberOf>[0], id: string) => {
      const contribution = await this.db.getRepository(Contribution).findOneBy({ id });
      if (!contribution || !isMemberOf(actor, contribution.organizationId)) throw new NotFoundError('Contribution');
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
      readersAmong: async (id, userIds) => {
        if (userIds.length === 0) return new Set();
        const rows: { id: string }[] = await this.db.query(
          `SELECT u.id FROM users u JOIN contributions c ON c.id = $1 JOIN memberships m ON m.user_id = u.id AND m.organization_id = c.organization_id
            WHERE u.id = ANY($2::uuid[]) AND u.status = 'ACTIVE'`,
          [id, [...userIds]],
        );
        return new Set(rows.map((row) => row.id));
      },
    });
  }
}
