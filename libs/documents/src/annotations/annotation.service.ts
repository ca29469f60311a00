import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  DeadlinePassedError,
  ForbiddenError,
  InvalidInputError,
  KeysetColumn,
  NotFoundError,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  pageWindow,
  parseId,
  parseInput,
  recordEvent,
  toConnection,
  updateVersioned,
  textMatchSql,
  READERS_QUESTIONS_SQL,
  ReadersQuestion,
  RowsRunner,
  answerReadersQuestions,
  rawEntityReader,
  rowsById,
} from '@majlis/kernel';
import {
  AuthoredContentPolicy,
  CommentQueries,
  EndorsementQueries,
  liveRepliesSql,
  softDelete,
} from '@majlis/discussions';
import { Organization, OrganizationPolicy, OrganizationQueries, User, UserQueries } from '@majlis/identity';
import { ContentModerationQueries, ModerationPolicy, ModerationRecord, hiddenSql } from '@majlis/moderation';
import { DocumentPolicy } from '../documents/document.policy';
import { Document } from '../documents/document.entity';
import { DocumentService } from '../documents/document.service';
import { sectionKeyAt } from '../documents/section-lookup';
import { AnnotationAnchor } from './annotation-anchor.entity';
import { AnnotationAnswer } from './annotation-answer.entity';
import { AnnotationRevision } from './annotation-revision.entity';
import { Annotation } from './annotation.entity';
import {
  AnnotationFilter,
  AnswerAnnotationInput,
  CreateAnnotationInput,
  MyAnnotationsFilter,
  UpdateAnnotationInput,
  annotationFilter,
  myAnnotationsFilter,
  answerAnnotationInput,
  createAnnotationInput,
  updateAnnotationInput,
} from './annotation.inputs';
import { AnnotationPolicy } from './annotation.policy';
import { carryOntoLaterVersions } from './reanchor-annotations';
import { resolveTarget } from './target-resolution';
import type { ExportedAnnotation } from './w3c-export';
import { DocumentsReason } from '../documents.reasons';

/** Where an annotation lives: its document, the version it was made on, its article. */
export interface AnnotationLocation {
  readonly annotationId: string;
  readonly documentId: string;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly sectionKey: string | null;
}

/** An annotation as read on one version: where it stands there. */
export interface AnchoredAnnotation extends Annotation {
  anchor: AnnotationAnchor;
}

/**
 * What a version's page of annotations reads with each one, in the page's own statement: its author, the
 * organisation it speaks for, its moderation record, counted replies (AuthoredContentPolicy.countedSql) and
 * endorsements. The GraphQL field resolvers use it
 * when present and their DataLoaders otherwise.
 */
export interface AnnotationPreload {
  readonly author: User | null;
  /** The organisation spoken for, when there is one the reader may see (OrganizationPolicy.canSeeSql). */
  readonly organization: Organization | null;
  readonly moderation: ModerationRecord | null;
  readonly replyCount: number;
  readonly endorsements: { readonly count: number; readonly byViewer: boolean };
}

/** Keyed by the Annotation objects of a page (they go when the request's results go). */
export const annotationPreloads = new WeakMap<Annotation, AnnotationPreload>();

/** The raw columns anchoredOn adds to its page (`listed_*`). */
interface ListedRow {
  annotation_id: string;
  listed_author_email: string | null;
  listed_author_display_name: string;
  listed_author_locale: User['locale'];
  listed_author_platform_role: User['platformRole'];
  listed_author_status: User['status'];
  listed_author_created_at: Date;
  listed_author_updated_at: Date;
  listed_author_version: number;
  listed_organization_id: string | null;
  listed_organization_kind: Organization['kind'];
  listed_organization_name: string;
  listed_organization_acronym: string | null;
  listed_organization_ice: string | null;
  listed_organization_description: string | null;
  listed_organization_verified_at: Date | null;
  listed_organization_verified_by_id: string | null;
  listed_organization_created_at: Date;
  listed_organization_updated_at: Date;
  listed_organization_version: number;
  listed_moderation_content_id: string | null;
  listed_moderation_hidden: boolean;
  listed_moderation_hidden_reason: string | null;
  listed_moderation_hidden_at: Date | null;
  listed_moderation_space_id: string | null;
  listed_moderation_platform_moderated: boolean;
  listed_moderation_moderating_organization_id: string | null;
  listed_replies: number;
  listed_endorsements: number;
  listed_endorsed: boolean;
}

const BY_POSITION: KeysetColumn[] = [
  { expression: 'anchor.start_offset', property: 'start', type: 'integer' },
  { expression: 'annotation.id', property: 'id', type: 'uuid' },
];
const NEWEST_FIRST: KeysetColumn[] = [
  { expression: 'annotation.created_at', property: 'createdAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'annotation.id', property: 'id', type: 'uuid', direction: 'DESC' },
];
const ORPHANS_BY_AGE: KeysetColumn[] = [
  { expression: 'annotation.created_at', property: 'createdAt', type: 'timestamptz' },
  { expression: 'annotation.id', property: 'id', type: 'uuid' },
];

/**
 * SQL twin of `get` from the reader's side: the annotation aliased `annotation`, on its document `document`, is
 * readable by the person `user` (a users row): present or a tombstone with live replies, not hidden for them, and
 * AnnotationPolicy's and DocumentPolicy's readers; with `despiteRemoval` (true, or an SQL condition, per row), apart
 * from its deletion or hiding.
 */
export function visibleToReaderSql(
  annotation: string,
  document: string,
  user: string,
  despiteRemoval: boolean | string = false,
): string {
  const present = `((${annotation}.deleted_at IS NULL AND NOT ${ModerationPolicy.hiddenForReaderSql('ANNOTATION', annotation, user)})
         OR ${liveRepliesSql('ANNOTATION', annotation)})`;
  const shown = despiteRemoval === true ? 'TRUE' : despiteRemoval ? `(${despiteRemoval} OR ${present})` : present;
  return `(${shown} AND ${AnnotationPolicy.readersSql(annotation, user)} AND ${DocumentPolicy.readersSql(document, user)})`;
}

@Injectable()
export class AnnotationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, raw: CreateAnnotationInput): Promise<AnchoredAnnotation> {
    const input = parseInput(createAnnotationInput, raw);
    const { document, version, sections } = await this.documents.annotatableVersion(
      actor,
      input.documentId,
      input.versionNumber,
    );
    if (!DocumentPolicy.canAnnotate(actor, document, this.clock.now())) {
      throw new DeadlinePassedError('This document is not open for comments now.').because(
        DocumentsReason.DOCUMENT_CLOSED,
      );
    }
    const organizationId = input.onBehalfOfOrganizationId
      ? parseId(input.onBehalfOfOrganizationId, 'onBehalfOfOrganizationId')
      : null;
    if (organizationId && !AnnotationPolicy.canSpeakFor(actor, organizationId)) {
      throw new ForbiddenError('Only a representative can post on behalf of the organisation.').because(
        DocumentsReason.SPEAK_FOR_REPRESENTATIVES_ONLY,
      );
    }
    const audienceOrganizationId = input.visibility === 'ORGANIZATION' ? this.audienceOf(actor, organizationId) : null;

    const target = resolveTarget(version.plainText, input.target, version.number);
    const sectionKey = sectionKeyAt(sections, target.position.start);

    return this.db.transaction(async (manager) => {
      // FOR SHARE on the document: a version published meanwhile waits, then carries this annotation over.
      await manager
        .getRepository(Document)
        .createQueryBuilder('doc')
        .setLock('pessimistic_read')
        .where('doc.id = :id', { id: document.id })
        .getOne();
      const annotation = await manager.getRepository(Annotation).save(
        manager.getRepository(Annotation).create({
          documentId: document.id,
          versionId: version.id,
          authorId: actor.userId,
          organizationId,
          audienceOrganizationId,
          motivation: input.motivation,
          body: input.body,
          suggestedText: input.motivation === 'AMENDING' ? (input.suggestedText ?? null) : null,
          visibility: input.visibility,
          status: 'OPEN',
          ...target.quote,
          ...target.position,
          sectionKey,
          deletedAt: null,
        }),
      );
      const anchor = manager.getRepository(AnnotationAnchor).create({
        annotationId: annotation.id,
        versionId: version.id,
        status: 'EXACT',
        score: 1,
        ...target.quote,
        ...target.position,
        sectionKey,
      });
      await manager.getRepository(AnnotationAnchor).insert(anchor);
      // Made on an older version: carried onto every later one at once, as publishing them would have done.
      const later = await this.documents.laterVersions(manager, document.id, version.number);
      if (later.length > 0) {
        await carryOntoLaterVersions(
          manager,
          annotation,
          anchor,
          { id: version.id, plainText: version.plainText },
          later,
        );
      }
      await recordAnnotationEvent(manager, 'ANNOTATION_CREATED', annotation, actor);
      return { ...annotation, anchor };
    });
  }

  /** The author edits the text; the previous text is kept as a revision. A stale version answers CONFLICT. */
  async update(actor: Actor, rawId: string, raw: UpdateAnnotationInput): Promise<Annotation> {
    const annotation = await this.get(actor, rawId);
    ensureAllowed(
      AnnotationPolicy.canEdit(actor, annotation),
      'Only its author can edit an annotation.',
      DocumentsReason.ANNOTATION_AUTHOR_ONLY,
    );
    const input = parseInput(updateAnnotationInput, raw);
    if (input.suggestedText !== undefined && annotation.motivation !== 'AMENDING') {
      throw InvalidInputError.field('suggestedText', 'only amendments propose a text');
    }
    await this.db.transaction(async (manager) => {
      await updateVersioned(
        manager,
        Annotation,
        annotation.id,
        input.version,
        {
          ...(input.body !== undefined ? { body: input.body } : {}),
          ...(input.suggestedText !== undefined ? { suggestedText: input.suggestedText } : {}),
        },
        'This annotation',
      );
      await manager.getRepository(AnnotationRevision).insert({
        annotationId: annotation.id,
        body: annotation.body,
        suggestedText: annotation.suggestedText,
        editedById: actor.userId,
      });
      await recordAnnotationEvent(manager, 'ANNOTATION_CHANGED', annotation, actor);
    });
    return this.get(actor, annotation.id);
  }

  async delete(actor: Actor, rawId: string): Promise<Annotation> {
    const annotation = await this.get(actor, rawId);
    ensureAllowed(
      AnnotationPolicy.canEdit(actor, annotation),
      'Only its author can delete an annotation.',
      DocumentsReason.ANNOTATION_AUTHOR_ONLY,
    );
    return this.db.transaction(async (manager) => {
      const { content, deletedNow } = await softDelete(manager, Annotation, annotation.id, this.clock.now());
      if (deletedNow) await recordAnnotationEvent(manager, 'ANNOTATION_DELETED', annotation, actor);
      return content;
    });
  }

  /**
   * The ministry's official answer: a disposition, its rationale and the resulting status (ANSWERED or RESOLVED,
   * never OPEN). Every answer is kept (`answersOf`); the latest is the current one, on the annotation itself.
   */
  async answer(actor: Actor, rawId: string, raw: AnswerAnnotationInput): Promise<Annotation> {
    const annotation = await this.get(actor, rawId);
    ensureAllowed(
      AnnotationPolicy.canAnswer(actor),
      'Only the ministry’s moderators answer officially.',
      DocumentsReason.ANSWER_MODERATORS_ONLY,
    );
    const input = parseInput(answerAnnotationInput, raw);
    const status = input.status;
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      await manager.getRepository(AnnotationAnswer).insert({
        annotationId: annotation.id,
        disposition: input.disposition,
        rationale: input.rationale,
        status,
        answeredById: actor.userId,
        answeredAt: now,
      });
      await manager.getRepository(Annotation).update(
        { id: annotation.id },
        {
          disposition: input.disposition,
          dispositionRationale: input.rationale,
          dispositionById: actor.userId,
          dispositionAt: now,
          status,
        },
      );
      await recordAnnotationEvent(manager, 'ANNOTATION_ANSWERED', annotation, actor);
    });
    return this.get(actor, annotation.id);
  }

  /** Every answer given to these annotations (already found visible), oldest first: the history of "you said, we did". */
  async answersOf(annotationIds: readonly string[]): Promise<Map<string, AnnotationAnswer[]>> {
    const byAnnotation = new Map<string, AnnotationAnswer[]>(annotationIds.map((id) => [id, []]));
    if (annotationIds.length === 0) return byAnnotation;
    const rows = await this.db.getRepository(AnnotationAnswer).find({
      where: { annotationId: In([...annotationIds]) },
      order: { answeredAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byAnnotation.get(row.annotationId)?.push(row);
    return byAnnotation;
  }

  /**
   * One annotation the actor may see, or NOT_FOUND. A deleted one is still found (as a tombstone) while replies
   * hang under it; without replies it is gone.
   */
  async get(actor: Actor, rawId: string): Promise<Annotation> {
    const id = parseId(rawId, 'id');
    const shown = AnnotationPolicy.shownSql(actor, 'annotation');
    const annotation = await this.db
      .getRepository(Annotation)
      .createQueryBuilder('annotation')
      .where('annotation.id = :id', { id })
      .andWhere(shown.sql, shown.params)
      .getOne();
    ensureVisible(!!annotation && AnnotationPolicy.canSee(actor, annotation), 'Annotation');
    await this.documents.get(actor, annotation!.documentId);
    return annotation!;
  }

  /** The earlier texts of an annotation, oldest first: for its author and the ministry's moderators. */
  async history(actor: Actor, annotation: Annotation): Promise<AnnotationRevision[] | null> {
    if (!AnnotationPolicy.canReadHistory(actor, annotation)) return null;
    return this.db
      .getRepository(AnnotationRevision)
      .find({ where: { annotationId: annotation.id }, order: { createdAt: 'ASC' } });
  }

  /** The annotations anchored on a version (not orphaned), in text order, filtered; tombstones where replies hang. */
  async anchoredOn(
    actor: Actor,
    versionId: string,
    rawFilter: AnnotationFilter,
    page: PageRequest,
  ): Promise<Connection<AnchoredAnnotation>> {
    const filter = parseInput(annotationFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const query = this.visibleOn(actor, versionId).andWhere(`anchor.status <> 'ORPHANED'`);
    if (filter.sectionKey) query.andWhere('anchor.section_key = :sectionKey', { sectionKey: filter.sectionKey });
    if (filter.motivation) query.andWhere('annotation.motivation = :motivation', { motivation: filter.motivation });
    if (filter.status) query.andWhere('annotation.status = :status', { status: filter.status });
    if (filter.visibility) query.andWhere('annotation.visibility = :visibility', { visibility: filter.visibility });
    if (filter.organizationId)
      query.andWhere('annotation.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.text) {
      const matches = textMatchSql('annotation.search_vector', filter.text);
      query.andWhere(matches.sql, matches.params);
    }
    const counted = query.clone();
    const rows = await this.withListedFields(actor, applyKeyset(query, BY_POSITION, window));
    return toConnection(
      rows,
      window,
      (row) => [row.anchor.start ?? 0, row.id],
      () => counted.getCount(),
    );
  }

  /**
   * The actor's own annotations, newest first, on every document they may read (DocumentPolicy.visibleSql), by the
   * same rules as everywhere (AnnotationPolicy.visibleSql, the moderation twin: their own hidden ones stay visible
   * to them); deleted ones are gone.
   */
  async mine(actor: Actor, rawFilter: MyAnnotationsFilter, page: PageRequest): Promise<Connection<Annotation>> {
    const filter = parseInput(myAnnotationsFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const present = AnnotationPolicy.presentSql(actor, 'annotation');
    const visible = AnnotationPolicy.visibleSql(actor, 'annotation');
    const documentVisible = DocumentPolicy.visibleSql(actor, 'document');
    const query = this.db
      .getRepository(Annotation)
      .createQueryBuilder('annotation')
      .innerJoin('documents', 'document', 'document.id = annotation.document_id')
      .where('annotation.author_id = :author', { author: actor.userId })
      .andWhere(present.sql, present.params)
      .andWhere(visible.sql, visible.params)
      .andWhere(documentVisible.sql, documentVisible.params);
    if (filter.documentId) query.andWhere('annotation.document_id = :documentId', { documentId: filter.documentId });
    if (filter.motivation) query.andWhere('annotation.motivation = :motivation', { motivation: filter.motivation });
    if (filter.status) query.andWhere('annotation.status = :status', { status: filter.status });
    if (filter.visibility) query.andWhere('annotation.visibility = :visibility', { visibility: filter.visibility });
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, NEWEST_FIRST, window).getMany();
    return toConnection(rows, window, (row) => [row.createdAt.toISOString(), row.id], totalCount);
  }

  /** The annotations whose passage is gone from this version, with the text they were about. */
  async orphanedOn(actor: Actor, versionId: string, page: PageRequest): Promise<Connection<AnchoredAnnotation>> {
    const window = pageWindow(page);
    const query = this.visibleOn(actor, versionId).andWhere(`anchor.status = 'ORPHANED'`);
    const counted = query.clone();
    const rows = (await applyKeyset(query, ORPHANS_BY_AGE, window).getMany()) as AnchoredAnnotation[];
    return toConnection(
      rows,
      window,
      (row) => [row.createdAt.toISOString(), row.id],
      () => counted.getCount(),
    );
  }

  /** How many visible annotations each article of a version carries (for a heat-map). */
  async countsBySection(actor: Actor, versionId: string): Promise<{ sectionKey: string; count: number }[]> {
    const rows: { section_key: string; count: string }[] = await this.visibleOn(actor, versionId)
      .andWhere(
        `anchor.status <> 'ORPHANED' AND anchor.section_key IS NOT NULL AND annotation.deleted_at IS NULL AND NOT ${hiddenSql('ANNOTATION', 'annotation')}`,
      )
      .select('anchor.section_key', 'section_key')
      .addSelect('count(*)', 'count')
      .groupBy('anchor.section_key')
      .orderBy('anchor.section_key')
      .getRawMany();
    return rows.map((row) => ({ sectionKey: row.section_key, count: Number(row.count) }));
  }

  /**
   * Every public annotation of a document, for the W3C export, with its anchor on the version it was made on and
   * on the current version (`currentVersionId`).
   */
  async publicOf(documentId: string, currentVersionId: string): Promise<ExportedAnnotation[]> {
    return (await this.exportQuery(currentVersionId)
      .where('annotation.document_id = :documentId', { documentId })
      .andWhere(`${AnnotationPolicy.exportedSql('annotation')} AND NOT ${hiddenSql('ANNOTATION', 'annotation')}`)
      .orderBy('annotation.created_at')
      .addOrderBy('annotation.id')
      .getMany()) as ExportedAnnotation[];
  }

  /**
   * One annotation as linked data (`/annotations/<id>`): what `get` lets the actor see (hidden → NOT_FOUND for
   * everyone but its author and moderators), except tombstones, with its anchors as in the export.
   */
  async exported(actor: Actor, rawId: string) {
    const found = await this.get(actor, rawId);
    ensureVisible(!found.deletedAt, 'Annotation');
    const document = await this.documents.get(actor, found.documentId);
    const currentVersion = await this.documents.version(actor, document, null);
    const annotation = (await this.exportQuery(currentVersion.id)
      .where('annotation.id = :id', { id: found.id })
      .getOne()) as ExportedAnnotation | null;
    if (!annotation) throw new NotFoundError('Annotation');
    return { annotation, document, currentVersion };
  }

  private exportQuery(currentVersionId: string): SelectQueryBuilder<Annotation> {
    return this.db
      .getRepository(Annotation)
      .createQueryBuilder('annotation')
      .innerJoinAndMapOne(
        'annotation.anchor',
        AnnotationAnchor,
        'anchor',
        'anchor.annotation_id = annotation.id AND anchor.version_id = annotation.version_id',
      )
      .leftJoinAndMapOne(
        'annotation.current',
        AnnotationAnchor,
        'current',
        'current.annotation_id = annotation.id AND current.version_id = :currentVersionId',
        { currentVersionId },
      );
  }

  /** Which of these people (active accounts) may read the annotation: for resolving mentions in its replies. */
  async readersAmong(annotationId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT u.id FROM ${UserQueries.rowsSql()} u JOIN annotations a ON a.id = $1
        WHERE u.id = ANY($2::uuid[]) AND u.status = 'ACTIVE'
          AND ${AnnotationPolicy.readersSql('a', 'u')}`,
      [annotationId, [...userIds]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * For each question (an annotation and people), which of these people (active accounts) may read the annotation
   * now, as `get` decides for each of them (present or a tombstone with live replies, not hidden for them,
   * AnnotationPolicy and DocumentPolicy readers); with `despiteRemoval`, who could read it apart from its deletion or
   * hiding (to learn it is gone). All the questions in one statement, on `db` (live updates run it on connections
   * of their own).
   */
  async readersNow(questions: readonly ReadersQuestion[], db: RowsRunner = this.db): Promise<Set<string>[]> {
    return answerReadersQuestions(
      db,
      questions,
      `SELECT question.i, u.id AS user_id FROM ${READERS_QUESTIONS_SQL}
         JOIN ${UserQueries.rowsSql()} u ON u.id = question.user_id
         JOIN annotations annotation ON annotation.id = question.subject_id
         JOIN documents document ON document.id = annotation.document_id
        WHERE u.status = 'ACTIVE'
          AND ${visibleToReaderSql('annotation', 'document', 'u', 'question.despite_removal')}`,
    );
  }

  /**
   * Where each annotation lives, to open it in place: its document, the version it was made on (id and number) and
   * its article. One statement for the batch.
   */
  async locate(ids: readonly string[]): Promise<Map<string, AnnotationLocation>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; document_id: string; version_id: string; number: number; section_key: string | null }[] =
      await this.db.query(
        `SELECT a.id, a.document_id, a.version_id, v.number, a.section_key
           FROM annotations a JOIN document_versions v ON v.id = a.version_id WHERE a.id = ANY($1::uuid[])`,
        [[...ids]],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          annotationId: row.id,
          documentId: row.document_id,
          versionId: row.version_id,
          versionNumber: row.number,
          sectionKey: row.section_key,
        },
      ]),
    );
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Annotation>> {
    return rowsById(this.db, Annotation, ids);
  }

  /**
   * The page's annotations with, in the same statement, what a list shows of each (annotationPreloads): its
   * author, moderation record, counted replies and endorsements.
   */
  private async withListedFields(actor: Actor, page: SelectQueryBuilder<Annotation>): Promise<AnchoredAnnotation[]> {
    const author = [
      'email',
      'display_name',
      'locale',
      'platform_role',
      'status',
      'created_at',
      'updated_at',
      'version',
    ];
    const moderation = ['content_id', 'hidden', 'hidden_reason', 'hidden_at', 'space_id', 'platform_moderated'];
    const organization = ['id', 'kind', 'name', 'acronym', 'ice', 'description', 'verified_at', 'verified_by_id'];
    const seen = OrganizationPolicy.canSeeSql(actor, 'listed_organization');
    const raw = await page
      .leftJoin(UserQueries.rowsSql(), 'listed_author', 'listed_author.id = annotation.author_id')
      .leftJoin(
        OrganizationQueries.rowsSql(),
        'listed_organization',
        `listed_organization.id = annotation.organization_id AND ${seen.sql}`,
        seen.params,
      )
      .addSelect(
        [...organization, 'created_at', 'updated_at', 'version'].map(
          (column) => `listed_organization.${column} AS listed_organization_${column}`,
        ),
      )
      .leftJoin(
        ContentModerationQueries.rowsSql(),
        'listed_moderation',
        `listed_moderation.content_type = 'ANNOTATION' AND listed_moderation.content_id = annotation.id`,
      )
      .addSelect(author.map((column) => `listed_author.${column} AS listed_author_${column}`))
      .addSelect(moderation.map((column) => `listed_moderation.${column} AS listed_moderation_${column}`))
      .addSelect('listed_moderation.moderating_organization_id', 'listed_moderation_moderating_organization_id')
      .addSelect(
        `(SELECT count(*)::int FROM ${CommentQueries.rowsSql()} listed_reply WHERE listed_reply.subject_type = 'ANNOTATION'
           AND listed_reply.subject_id = annotation.id AND ${AuthoredContentPolicy.countedSql('COMMENT', 'listed_reply')})`,
        'listed_replies',
      )
      .addSelect(
        `(SELECT count(*)::int FROM ${EndorsementQueries.rowsSql()} listed_endorsement
           WHERE listed_endorsement.subject_type = 'ANNOTATION' AND listed_endorsement.subject_id = annotation.id)`,
        'listed_endorsements',
      )
      // A probe of the endorsement's key per listed row, not EXISTS: PostgreSQL turned that into a hashed sub-plan
      // reading every endorsement of the reader (~1 ms a page with 1,400 of them; issue 15, bench:annotations).
      .addSelect(
        `(SELECT true FROM ${EndorsementQueries.rowsSql()} listed_endorsement WHERE listed_endorsement.subject_type = 'ANNOTATION'
           AND listed_endorsement.subject_id = annotation.id AND listed_endorsement.user_id = :listedViewer LIMIT 1) IS NOT NULL`,
        'listed_endorsed',
      )
      .setParameter('listedViewer', actor.userId)
      .getRawMany<ListedRow>();
    // One row per annotation (every join is to one row at most): read without TypeORM's entity transformer.
    const readAnnotation = rawEntityReader<Annotation>(this.db.getMetadata(Annotation), 'annotation');
    const readAnchor = rawEntityReader<AnnotationAnchor>(this.db.getMetadata(AnnotationAnchor), 'anchor');
    return raw.map((row) => {
      const annotation = Object.assign(readAnnotation(row), { anchor: readAnchor(row) });
      annotationPreloads.set(annotation, {
        author:
          row.listed_author_email === null
            ? null
            : Object.assign(new User(), {
                id: annotation.authorId,
                email: row.listed_author_email,
                displayName: row.listed_author_display_name,
                locale: row.listed_author_locale,
                platformRole: row.listed_author_platform_role,
                status: row.listed_author_status,
                createdAt: row.listed_author_created_at,
                updatedAt: row.listed_author_updated_at,
                version: row.listed_author_version,
              }),
        organization:
          row.listed_organization_id === null
            ? null
            : Object.assign(new Organization(), {
                id: row.listed_organization_id,
                kind: row.listed_organization_kind,
                name: row.listed_organization_name,
                acronym: row.listed_organization_acronym,
                ice: row.listed_organization_ice,
                description: row.listed_organization_description,
                verifiedAt: row.listed_organization_verified_at,
                verifiedById: row.listed_organization_verified_by_id,
                createdAt: row.listed_organization_created_at,
                updatedAt: row.listed_organization_updated_at,
                version: row.listed_organization_version,
              }),
        moderation:
          row.listed_moderation_content_id === null
            ? null
            : {
                hidden: row.listed_moderation_hidden,
                reason: row.listed_moderation_hidden_reason,
                hiddenAt: row.listed_moderation_hidden_at,
                spaceId: row.listed_moderation_space_id,
                platformModerated: row.listed_moderation_platform_moderated,
                moderatingOrganizationId: row.listed_moderation_moderating_organization_id,
              },
        replyCount: row.listed_replies,
        endorsements: { count: row.listed_endorsements, byViewer: row.listed_endorsed },
      });
      return annotation;
    });
  }

  private visibleOn(actor: Actor, versionId: string): SelectQueryBuilder<Annotation> {
    const shown = AnnotationPolicy.shownSql(actor, 'annotation');
    const query = this.db
      .getRepository(Annotation)
      .createQueryBuilder('annotation')
      .innerJoinAndMapOne(
        'annotation.anchor',
        AnnotationAnchor,
        'anchor',
        'anchor.annotation_id = annotation.id AND anchor.version_id = :versionId',
        { versionId },
      )
      .where(shown.sql, shown.params);
    const visible = AnnotationPolicy.visibleSql(actor, 'annotation');
    return query.andWhere(visible.sql, visible.params);
  }

  /** ORGANIZATION visibility needs an organisation: the one spoken for, else the author's only one. */
  private audienceOf(actor: Actor, organizationId: string | null): string {
    if (organizationId) return organizationId;
    if (actor.memberships.length === 1) return actor.memberships[0].organizationId;
    throw InvalidInputError.field(
      'visibility',
      actor.memberships.length === 0
        ? 'ORGANIZATION needs an organisation, and you belong to none'
        : 'choose the organisation (onBehalfOfOrganizationId) whose members will see it',
    );
  }
}

/** The event of a write on an annotation, in its transaction (ids only: readers are checked at delivery). */
function recordAnnotationEvent(
  manager: EntityManager,
  type: 'ANNOTATION_CREATED' | 'ANNOTATION_CHANGED' | 'ANNOTATION_DELETED' | 'ANNOTATION_ANSWERED',
  annotation: Pick<Annotation, 'id' | 'documentId'>,
  actor: Actor,
) {
  return recordEvent(manager, {
    type,
    subjectType: 'ANNOTATION',
    subjectId: annotation.id,
    documentId: annotation.documentId,
    actorId: actor.userId,
  });
}
