import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentFacts, ModeratedContentRegistry } from '@majlis/moderation';
import { Comment } from './comments/comment.entity';
import { CommentService } from './comments/comment.service';
import { Thread } from './threads/thread.entity';
import { ThreadService } from './threads/thread.service';

/** Threads and comments can be reported and moderated; space owners and moderators moderate their spaces. */
@Injectable()
export class DiscussionsModeration implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ModeratedContentRegistry,
    private readonly threads: ThreadService,
    private readonly comments: CommentService,
  ) {}

  onModuleInit(): void {
    this.registry.register('THREAD', {
      facts: async (actor, id) => threadFacts((await this.threads.get(actor, id)).thread),
      describe: async (ids) =>
        new Map([...(await this.threads.findByIds(ids))].map(([id, thread]) => [id, threadFacts(thread)])),
      setLocked: async (manager, id, locked) => {
        await manager.getRepository(Thread).update({ id }, { locked, version: () => 'version + 1' } as never);
      },
    });
    this.registry.register('COMMENT', {
      facts: async (actor, id) => (await this.commentFacts([await this.comments.get(actor, id)])).get(id)!,
      describe: async (ids) => this.commentFacts([...(await this.comments.findByIds(ids)).values()]),
    });
    this.registry.registerModeratedSpaces(async (actor) => {
      const rows: { space_id: string }[] = await this.db.query(
        `SELECT DISTINCT space_id FROM space_members WHERE role IN ('OWNER', 'MODERATOR') AND (user_id = $1 OR organization_id = ANY($2::uuid[]))`,
        [actor.userId, actor.memberships.map((m) => m.organizationId)],
      );
      return rows.map((row) => row.space_id);
    });
  }

  private async commentFacts(comments: Comment[]): Promise<Map<string, ContentFacts>> {
    const threads = await this.threads.findByIds(
      comments.filter((c) => c.subjectType === 'THREAD').map((c) => c.subjectId),
    );
    return new Map(
      comments.map((comment) => [
        comment.id,
        {
          authorId: comment.authorId,
          organizationId: comment.organizationId,
          spaceId: comment.subjectType === 'THREAD' ? (threads.get(comment.subjectId)?.spaceId ?? null) : null,
          documentId: null,
          excerpt: comment.body.slice(0, 280),
        },
      ]),
    );
  }
}

function threadFacts(thread: Thread): ContentFacts {
  return {
    authorId: thread.authorId,
    organizationId: thread.organizationId,
    spaceId: thread.spaceId,
    documentId: thread.documentId,
    excerpt: `${thread.title} — ${thread.body}`.slice(0, 280),
  };
}
