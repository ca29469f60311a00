import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, NotFoundError, markdownExcerpt } from '@majlis/kernel';

/** The kinds of content that can be reported and moderated. */
export const CONTENT_TYPES = ['ANNOTATION', 'COMMENT', 'THREAD'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * Where a piece of content lives, so that a moderator (or its reporter) can open it in place: a document's version
 * and article (an annotation, a reply under one), a space's thread (a thread, a reply in it), a consultation (an
 * organisation's internal comments on its contribution). Areas fill what applies; the rest is null.
 */
export interface ContentLocator {
  readonly documentId: string | null;
  readonly versionId: string | null;
  readonly versionNumber: number | null;
  readonly sectionKey: string | null;
  readonly annotationId: string | null;
  readonly spaceId: string | null;
  readonly threadId: string | null;
  readonly consultationId: string | null;
  readonly contributionId: string | null;
}

/** A locator with every part unknown, completed with what an area says. */
export function locatorOf(parts: Partial<ContentLocator> = {}): ContentLocator {
  return {
    documentId: null,
    versionId: null,
    versionNumber: null,
    sectionKey: null,
    annotationId: null,
    spaceId: null,
    threadId: null,
    consultationId: null,
    contributionId: null,
    ...parts,
  };
}

/** The queue's extract of a content's Markdown body: its words as plain text, at most 280 characters. */
export function queueExcerpt(markdown: string): string {
  return markdownExcerpt(markdown, 280);
}

/** What moderation needs to know of a piece of content, whatever its kind. */
export interface ContentFacts {
  readonly authorId: string;
  /** The organisation it was posted on behalf of, if any. */
  readonly organizationId: string | null;
  readonly spaceId: string | null;
  readonly documentId: string | null;
  /** A short plain-text extract for the queue (`queueExcerpt`). */
  readonly excerpt: string;
  /** Where it lives (see ContentLocator); what the area leaves out is null. */
  readonly locator?: Partial<ContentLocator>;
  /**
   * Whether platform moderators moderate it: false for content they cannot read (a PRIVATE space's threads and
   * replies, an organisation's internal comments). Default true.
   */
  readonly platformModerated?: boolean;
  /** The organisation whose representatives moderate it, for content only that organisation's people read. */
  readonly moderatingOrganizationId?: string | null;
}

/** How a content area answers for its content. Areas register; moderation imports none of them. */
export interface ModeratedContent {
  /** The facts of content the actor may see (hidden content too, for those who see it hidden); NOT_FOUND otherwise. */
  facts(actor: Actor, id: string): Promise<ContentFacts>;
  /** The facts of several pieces, for the queue (no visibility check: moderators only). */
  describe(ids: readonly string[]): Promise<Map<string, ContentFacts>>;
  /** For threads: lock or unlock, in the moderation action's transaction. */
  setLocked?(manager: EntityManager, id: string, locked: boolean): Promise<void>;
}

/** Which spaces a person moderates (their space role is OWNER or MODERATOR): registered by the discussions area. */
export type ModeratedSpaces = (actor: Actor) => Promise<string[]>;

/** Which of these people (by user id, with their actors) moderate a space: ModeratedSpaces for many, in one go. */
export type SpaceModerators = (spaceId: string, people: ReadonlyMap<string, Actor>) => Promise<Set<string>>;

@Injectable()
export class ModeratedContentRegistry {
  private readonly contents = new Map<ContentType, ModeratedContent>();
  private spacesOf: ModeratedSpaces = async () => [];
  private moderatorsOf: SpaceModerators | null = null;

  register(type: ContentType, content: ModeratedContent): void {
    this.contents.set(type, content);
  }

  registerModeratedSpaces(spacesOf: ModeratedSpaces): void {
    this.spacesOf = spacesOf;
  }

  registerSpaceModerators(moderatorsOf: SpaceModerators): void {
    this.moderatorsOf = moderatorsOf;
  }

  /** Which of these people moderate the space (as `moderatedSpaces` of each would say, in one statement). */
  async spaceModerators(spaceId: string, people: ReadonlyMap<string, Actor>): Promise<Set<string>> {
    if (this.moderatorsOf) return this.moderatorsOf(spaceId, people);
    const moderators = new Set<string>();
    for (const [userId, actor] of people) if ((await this.spacesOf(actor)).includes(spaceId)) moderators.add(userId);
    return moderators;
  }

  content(type: ContentType): ModeratedContent {
    const content = this.contents.get(type);
    if (!content) throw new NotFoundError('Content');
    return content;
  }

  moderatedSpaces(actor: Actor): Promise<string[]> {
    return this.spacesOf(actor);
  }
}
