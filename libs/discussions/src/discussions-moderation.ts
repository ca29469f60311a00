import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentFacts, ContentLocator, ModeratedContentRegistry, queueExcerpt } from '@majlis/moderation';
import { Comment } from './comments/comment.entity';
import { CommentService } from './comments/comment.service';
import { Space } from './spaces/space.entity';
import { SpacePolicy, readerParameters } from './spaces/space.policy';
import { SpaceService } from './spaces/space.service';
import { SubjectRegistry, SubjectType } from './subjects/subject-registry';
import { Thread } from './threads/thread.entity';
import { ThreadService } from './threads/thread.service';

/**
 * Threads and comments can be reported and moderated. Who moderates them (ModerationPolicy) follows from what is
 * told here: their space (whose owners and moderators moderate it), whether platform moderators can read them (not
 * in a PRIVATE space, not an organisation's internal discussion) and, for internal discussions, the organisation.
 */
@Injectable()
export class DiscussionsModeration implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ModeratedContentRegistry,
    private readonly threads: ThreadService,
    private readonly comments: CommentService,
    private readonly spaces: SpaceService,
    private readonly subjects: SubjectRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('THREAD', {
      facts: async (actor, id) => (await this.threadFacts([(await this.threads.get(actor, id)).thread])).get(id)!,
      describe: async (ids) => this.threadFacts([...(await this.threads.findByIds(ids)).values()]),
      setLocked: async (manager, id, locked) => {
        await manager.getRepository(Thread).update({ id }, { locked });
      },
    });
    this.registry.register('COMMENT', {
      facts: async (actor, id) => (await this.commentFacts([await this.comments.get(actor, id)])).get(id)!,
      describe: async (ids) => this.commentFacts([...(await this.comments.findByIds(ids)).values()]),
    });
    this.registry.registerModeratedSpaces(async (actor) => {
      const [sql, params] = this.db.driver.escapeQueryWithParameters(
        SpacePolicy.moderatedSpaceIdsSql(),
        readerParameters(actor),
        {},
      );
      const rows: { space_id: string }[] = await this.db.query(sql, params);
      return rows.map((row) => row.space_id);
    });
    this.registry.registerSpaceModerators(async (spaceId, people) => {
      if (people.size === 0) return new Set();
      const [sql, params] = this.db.driver.escapeQueryWithParameters(
        SpacePolicy.moderatorsAmongSql(),
        {
          space: spaceId,
          people: JSON.stringify(
            [...people].map(([userId, actor]) => ({
              user_id: userId,
              organizations: readerParameters(actor).myOrganizations,
            })),
          ),
        },
        {},
      );
      const rows: { user_id: string }[] = await this.db.query(sql, params);
      return new Set(rows.map((row) => row.user_id));
    });
  }

  private async threadFacts(threads: Thread[]): Promise<Map<string, ContentFacts>> {
    const spaces = await this.spaces.findByIds([...new Set(threads.map((thread) => thread.spaceId))]);
    return new Map(
      threads.map((thread) => [
        thread.id,
        {
          authorId: thread.authorId,
          organizationId: thread.organizationId,
          spaceId: thread.spaceId,
          documentId: thread.documentId,
          excerpt: queueExcerpt(`${thread.title} — ${thread.body}`),
          locator: {
            spaceId: thread.spaceId,
            threadId: thread.id,
            documentId: thread.documentId,
            versionId: thread.versionId,
            sectionKey: thread.sectionKey,
          },
          ...inSpace(spaces.get(thread.spaceId)),
        },
      ]),
    );
  }

  private async commentFacts(comments: Comment[]): Promise<Map<string, ContentFacts>> {
    const threads = await this.threads.findByIds(
      comments.filter((c) => c.subjectType === 'THREAD').map((c) => c.subjectId),
    );
    const spaces = await this.spaces.findByIds([...new Set([...threads.values()].map((thread) => thread.spaceId))]);
    const locations = await this.locations(comments);
    const facts = new Map<string, ContentFacts>();
    for (const comment of comments) {
      const thread = comment.subjectType === 'THREAD' ? threads.get(comment.subjectId) : undefined;
      const locator = thread
        ? { spaceId: thread.spaceId, threadId: thread.id }
        : (locations.get(`${comment.subjectType}:${comment.subjectId}`) ?? {});
      const readingOrganization =
        (await this.subjects.access(comment.subjectType).readingOrganization?.(comment.subjectId)) ?? null;
      facts.set(comment.id, {
        authorId: comment.authorId,
        organizationId: comment.organizationId,
        spaceId: thread?.spaceId ?? null,
        documentId: locator.documentId ?? null,
        excerpt: queueExcerpt(comment.body),
        locator,
        ...(readingOrganization
          ? { platformModerated: false, moderatingOrganizationId: readingOrganization }
          : thread
            ? inSpace(spaces.get(thread.spaceId))
            : {}),
      });
    }
    return facts;
  }

  /** Where the subjects of these comments live (other than threads), as their areas say: one batch per type. */
  private async locations(comments: Comment[]): Promise<Map<string, Partial<ContentLocator>>> {
    const byType = new Map<SubjectType, Set<string>>();
    for (const comment of comments) {
      if (comment.subjectType === 'THREAD') continue;
      byType.set(comment.subjectType, (byType.get(comment.subjectType) ?? new Set()).add(comment.subjectId));
    }
    const result = new Map<string, Partial<ContentLocator>>();
    for (const [type, ids] of byType) {
      const located = (await this.subjects.access(type).locate?.([...ids])) ?? new Map();
      for (const [id, locator] of located) result.set(`${type}:${id}`, locator);
    }
    return result;
  }
}

/** Content of a space: platform moderators moderate it unless the space is PRIVATE (or unknown). */
function inSpace(space: Space | undefined): Pick<ContentFacts, 'platformModerated'> {
  return { platformModerated: !!space && SpacePolicy.isPlatformModerated(space) };
}
