import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  Clock,
  ConflictError,
  Connection,
  InvalidInputError,
  KeysetColumn,
  NotFoundError,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  isUniqueViolation,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
  updateVersioned,
  rowsById,
} from '@majlis/kernel';
import { describeSelection, verifyTarget } from '@majlis/anchoring';
import { AnnotationAnchor } from '../annotations/annotation-anchor.entity';
import { reanchorAnnotations } from '../annotations/reanchor-annotations';
import { DocumentSection } from './document-section.entity';
import { DocumentVersion } from './document-version.entity';
import { Document } from './document.entity';
import {
  CreateDocumentInput,
  PublishVersionInput,
  UpdateDocumentInput,
  createDocumentInput,
  publishVersionInput,
  updateDocumentInput,
} from './document.inputs';
import { DocumentPolicy } from './document.policy';
import { assignSectionKeys } from './section-keys';
import { sectionKeyAt } from './section-lookup';
import { parseVersionText } from './version-text';
import { SectionComparison, compareVersions } from './version-comparison';
import { DocumentsReason } from '../documents.reasons';

const BY_REFERENCE: KeysetColumn[] = [
  { expression: 'doc.reference', property: 'reference', type: 'text' },
  { expression: 'doc.id', property: 'id', type: 'uuid' },
];

export interface VersionComparison {
  readonly from: DocumentVersion;
  readonly to: DocumentVersion;
  readonly sections: SectionComparison[];
}

export interface PublishedVersion {
  readonly version: DocumentVersion;
  /** How many annotations of earlier versions were carried over (anchored or orphaned). */
  readonly reanchored: number;
}

/** A selection of a version's text with its context and its article. */
export interface SelectionDescription {
  readonly version: DocumentVersion;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly section: DocumentSection | null;
}

const SELECTION_PROBLEMS: Record<string, string> = {
  OUT_OF_RANGE: 'the range must satisfy 0 ≤ start < end ≤ the length of the version’s plain text (UTF-16 code units)',
  EMPTY: 'the selection is empty: end must be after start',
  SPLITS_SURROGATE_PAIR: 'an offset splits a character in two (UTF-16 surrogate pair)',
  QUOTE_MISMATCH: 'the range does not describe the text',
};

/** How many version pairs' comparisons are kept in memory (each a few hundred KB at most). */
const CACHED_COMPARISONS = 64;

@Injectable()
export class DocumentService {
  /**
   * Versions are immutable, so a comparison of two versions never changes: computed once per pair (by version ids)
   * and kept in an in-process LRU; concurrent requests for the same pair share one computation.
   */
  private readonly comparisons = new LRUCache<string, Promise<SectionComparison[]>>({ max: CACHED_COMPARISONS });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, raw: CreateDocumentInput): Promise<Document> {
    ensureAllowed(
      DocumentPolicy.canManage(actor),
      'Only the ministry’s moderators can create documents.',
      DocumentsReason.DOCUMENTS_MODERATORS_ONLY,
    );
    const input = parseInput(createDocumentInput, raw);
    const repository = this.db.getRepository(Document);
    try {
      return await repository.save(
        repository.create({
          kind: input.kind,
          reference: input.reference,
          title: input.title,
          language: input.language,
          status: 'DRAFT',
          commentsOpenAt: input.commentsOpenAt ?? null,
          commentsCloseAt: input.commentsCloseAt ?? null,
          createdById: actor.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'documents_reference_key'))
        throw new ConflictError('A document with this reference exists.', 'reference').because(
          DocumentsReason.DOCUMENT_REFERENCE_TAKEN,
        );
      throw error;
    }
  }

  async update(actor: Actor, rawId: string, raw: UpdateDocumentInput): Promise<Document> {
    const document = await this.get(actor, rawId);
    ensureAllowed(
      DocumentPolicy.canManage(actor),
      'Only the ministry’s moderators can change documents.',
      DocumentsReason.DOCUMENTS_MODERATORS_ONLY,
    );
    const input = parseInput(updateDocumentInput, raw);
    const changes: Record<string, unknown> = {};
    for (const field of ['title', 'status', 'commentsOpenAt', 'commentsCloseAt'] as const) {
      if (input[field] !== undefined) changes[field] = input[field];
    }
    const openAt = (changes['commentsOpenAt'] as Date | null | undefined) ?? document.commentsOpenAt;
    const closeAt = (changes['commentsCloseAt'] as Date | null | undefined) ?? document.commentsCloseAt;
    if (openAt && closeAt && closeAt <= openAt)
      throw InvalidInputError.field('commentsCloseAt', 'must be after commentsOpenAt');
    if (
      changes['status'] &&
      changes['status'] !== 'DRAFT' &&
      !(await this.latestVersionNumber(this.db.manager, document.id))
    ) {
      throw new ConflictError('Publish a first version before opening the document.', 'status').because(
        DocumentsReason.DOCUMENT_NOT_PUBLISHED,
      );
    }
    await updateVersioned(this.db.manager, Document, document.id, input.version, changes, 'This document');
    return this.get(actor, document.id);
  }

  /**
   * Publishes a new immutable version from Markdown: plain text, articles with stable keys, and every earlier
   * annotation re-anchored onto it — all in one transaction, serialised per document.
   */
  async publishVersion(actor: Actor, rawDocumentId: string, raw: PublishVersionInput): Promise<PublishedVersion> {
    const document = await this.get(actor, rawDocumentId, 'documentId');
    ensureAllowed(
      DocumentPolicy.canManage(actor),
      'Only the ministry’s moderators can publish versions.',
      DocumentsReason.DOCUMENTS_MODERATORS_ONLY,
    );
    const input = parseInput(publishVersionInput, raw);
    const parsed = parseVersionText(input.markdown);
    return this.db.transaction(async (manager) => {
      await manager
        .getRepository(Document)
        .createQueryBuilder('doc')
        .setLock('pessimistic_write')
        .where('doc.id = :id', { id: document.id })
        .getOne();
      const previous = await manager
        .getRepository(DocumentVersion)
        .createQueryBuilder('version')
        .addSelect('version.plainText')
        .where('version.document_id = :id', { id: document.id })
        .orderBy('version.number', 'DESC')
        .getOne();
      const previousSections = previous
        ? (await manager.getRepository(DocumentSection).find({ where: { versionId: previous.id } })).map((section) => ({
            key: section.key,
            title: section.title,
            text: previous.plainText.slice(section.start, section.end),
          }))
        : null;
      const usedKeys = await this.usedSectionKeys(manager, document.id);
      const sections = assignSectionKeys(parsed.sections, parsed.plainText, previousSections, usedKeys);
      const version = await manager.getRepository(DocumentVersion).save(
        manager.getRepository(DocumentVersion).create({
          documentId: document.id,
          number: (previous?.number ?? 0) + 1,
          sourceMarkdown: input.markdown,
          plainText: parsed.plainText,
          changeNote: input.changeNote.trim(),
          publishedById: actor.userId,
          publishedAt: this.clock.now(),
        }),
      );
      await manager.getRepository(DocumentSection).insert(
        sections.map((section, ordinal) => ({
          versionId: version.id,
          key: section.key,
          number: section.number,
          title: section.title,
          heading: section.heading,
          ordinal,
          start: section.start,
          end: section.end,
        })),
      );
      const reanchored = previous
        ? await reanchorAnnotations(manager, {
            previous: { id: previous.id, plainText: previous.plainText },
            next: { id: version.id, plainText: parsed.plainText, sections },
          })
        : 0;
      return { version, reanchored };
    });
  }

  async get(actor: Actor, rawId: string, field = 'id'): Promise<Document> {
    const id = parseId(rawId, field);
    const document = await this.db.getRepository(Document).findOneBy({ id });
    ensureVisible(!!document && DocumentPolicy.canSee(actor, document), 'Document');
    return document!;
  }

  /**
   * `get`, with the document's versions (oldest first) read in the same statement: a page that shows a document
   * nearly always asks for its versions next (the reader, a version's annotations), and a document has a handful.
   */
  async getWithVersions(actor: Actor, rawId: string): Promise<{ document: Document; versions: DocumentVersion[] }> {
    const id = parseId(rawId, 'id');
    const document = await this.db
      .getRepository(Document)
      .createQueryBuilder('document')
      .leftJoinAndMapMany('document.versionsRead', DocumentVersion, 'version', 'version.document_id = document.id')
      .where('document.id = :id', { id })
      .orderBy('version.number', 'ASC')
      .getOne();
    ensureVisible(!!document && DocumentPolicy.canSee(actor, document), 'Document');
    const { versionsRead, ...rest } = document as Document & { versionsRead: DocumentVersion[] };
    return { document: Object.assign(new Document(), rest), versions: versionsRead };
  }

  async list(actor: Actor, page: PageRequest): Promise<Connection<Document>> {
    const window = pageWindow(page);
    const visible = DocumentPolicy.visibleSql(actor, 'doc');
    const query = this.db.getRepository(Document).createQueryBuilder('doc').where(visible.sql, visible.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_REFERENCE, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Document>(BY_REFERENCE), totalCount);
  }

  /**
   * What an annotation is made on, in two statements: the visible document with its version `number` and that
   * version's plain text (NOT_FOUND for a document the actor may not see, or a version it does not have), then the
   * version's articles. One visibility check (DocumentPolicy.canSee).
   */
  async annotatableVersion(
    actor: Actor,
    rawDocumentId: string,
    number: number,
  ): Promise<{ document: Document; version: DocumentVersion; sections: DocumentSection[] }> {
    const id = parseId(rawDocumentId, 'documentId');
    const row = (await this.db
      .getRepository(Document)
      .createQueryBuilder('doc')
      .leftJoinAndMapOne(
        'doc.requestedVersion',
        DocumentVersion,
        'version',
        'version.document_id = doc.id AND version.number = :number',
        { number },
      )
      .addSelect('version.plainText')
      .where('doc.id = :id', { id })
      .getOne()) as (Document & { requestedVersion?: DocumentVersion | null }) | null;
    if (!row || !DocumentPolicy.canSee(actor, row)) throw new NotFoundError('Document');
    const { requestedVersion: version, ...document } = row;
    if (!version) throw new NotFoundError('Version');
    const sections = (await this.sectionsOf([version.id])).get(version.id) ?? [];
    return { document: Object.assign(new Document(), document), version, sections };
  }

  /** A version of a visible document by number, or its latest when `number` is null. */
  async version(actor: Actor, document: Document, number: number | null): Promise<DocumentVersion> {
    ensureVisible(DocumentPolicy.canSee(actor, document), 'Document');
    const query = this.db
      .getRepository(DocumentVersion)
      .createQueryBuilder('version')
      .where('version.document_id = :id', { id: document.id });
    if (number !== null) query.andWhere('version.number = :number', { number });
    const version = await query.orderBy('version.number', 'DESC').getOne();
    if (!version) throw new NotFoundError('Version');
    return version;
  }

  async versionsOf(documentIds: readonly string[]): Promise<Map<string, DocumentVersion[]>> {
    const result = new Map<string, DocumentVersion[]>(documentIds.map((id) => [id, []]));
    if (documentIds.length === 0) return result;
    const rows = await this.db
      .getRepository(DocumentVersion)
      .find({ where: { documentId: In([...documentIds]) }, order: { number: 'ASC' } });
    rows.forEach((row) => result.get(row.documentId)?.push(row));
    return result;
  }

  async versionsByIds(ids: readonly string[]): Promise<Map<string, DocumentVersion>> {
    return rowsById(this.db, DocumentVersion, ids);
  }

  async sectionsOf(versionIds: readonly string[]): Promise<Map<string, DocumentSection[]>> {
    const result = new Map<string, DocumentSection[]>(versionIds.map((id) => [id, []]));
    if (versionIds.length === 0) return result;
    const rows = await this.db
      .getRepository(DocumentSection)
      .find({ where: { versionId: In([...versionIds]) }, order: { ordinal: 'ASC' } });
    rows.forEach((row) => result.get(row.versionId)?.push(row));
    return result;
  }

  /** Article-by-article comparison of two versions of a visible document (computed once per version pair). */
  async compare(actor: Actor, document: Document, fromNumber: number, toNumber: number): Promise<VersionComparison> {
    const [from, to] = [await this.version(actor, document, fromNumber), await this.version(actor, document, toNumber)];
    const key = `${from.id}:${to.id}`;
    let sections = this.comparisons.get(key);
    if (!sections) {
      sections = this.computeComparison(from.id, to.id);
      this.comparisons.set(key, sections);
      sections.catch(() => this.comparisons.delete(key));
    }
    return { from, to, sections: await sections };
  }

  private async computeComparison(fromId: string, toId: string): Promise<SectionComparison[]> {
    const sections = await this.sectionsOf([fromId, toId]);
    const [fromText, toText] = [await this.texts(fromId), await this.texts(toId)];
    return compareVersions(
      { plainText: fromText.plainText, sections: sections.get(fromId) ?? [] },
      { plainText: toText.plainText, sections: sections.get(toId) ?? [] },
    );
  }

  /**
   * The quote (exact, 32 code units of prefix and suffix) and the article of a range of a version's plain text, for
   * clients that know a selection's offsets but not its context. Same visibility as reading the version (its
   * document): NOT_FOUND otherwise. A range outside the text, empty, or splitting a character → BAD_USER_INPUT.
   */
  async describeSelection(
    actor: Actor,
    rawVersionId: string,
    start: number,
    end: number,
  ): Promise<SelectionDescription> {
    const versionId = parseId(rawVersionId, 'versionId');
    const version = await this.db.getRepository(DocumentVersion).findOneBy({ id: versionId });
    if (!version) throw new NotFoundError('Version');
    await this.get(actor, version.documentId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Version') : error;
    });
    const { plainText } = await this.texts(version.id);
    const target = describeSelection(plainText, start, end);
    const check = verifyTarget(plainText, target);
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      target.position.start !== start ||
      target.position.end !== end ||
      !check.ok
    ) {
      const reason = check.ok ? 'OUT_OF_RANGE' : check.reason;
      throw InvalidInputError.field(reason === 'OUT_OF_RANGE' ? 'end' : 'start', SELECTION_PROBLEMS[reason]);
    }
    const sections = (await this.sectionsOf([version.id])).get(version.id) ?? [];
    const key = sectionKeyAt(sections, start);
    return { version, ...target.quote, ...target.position, section: sections.find((s) => s.key === key) ?? null };
  }

  /** Where each annotation stands on its document's latest version (its anchor there), by annotation id. */
  async latestAnchorsOf(annotationIds: readonly string[]): Promise<Map<string, AnnotationAnchor>> {
    if (annotationIds.length === 0) return new Map();
    const anchors = await this.db
      .getRepository(AnnotationAnchor)
      .createQueryBuilder('anchor')
      .innerJoin('document_versions', 'version', 'version.id = anchor.version_id')
      .where('anchor.annotation_id = ANY(CAST(:ids AS uuid[]))', { ids: [...annotationIds] })
      .distinctOn(['anchor.annotation_id'])
      .orderBy('anchor.annotation_id')
      .addOrderBy('version.number', 'DESC')
      .getMany();
    return new Map(anchors.map((anchor) => [anchor.annotationId, anchor]));
  }

  async texts(versionId: string): Promise<{ plainText: string; sourceMarkdown: string }> {
    const row = await this.db
      .getRepository(DocumentVersion)
      .createQueryBuilder('version')
      .select(['version.id', 'version.plainText', 'version.sourceMarkdown'])
      .where('version.id = :versionId', { versionId })
      .getOneOrFail();
    return { plainText: row.plainText, sourceMarkdown: row.sourceMarkdown };
  }

  /**
   * The versions published after `number`, oldest first, with their plain text and articles (inside a transaction
   * that holds the document: for carrying an annotation made on an older version forward).
   */
  async laterVersions(
    manager: EntityManager,
    documentId: string,
    number: number,
  ): Promise<{ id: string; number: number; plainText: string; sections: DocumentSection[] }[]> {
    const versions = await manager
      .getRepository(DocumentVersion)
      .createQueryBuilder('version')
      .addSelect('version.plainText')
      .where('version.document_id = :documentId AND version.number > :number', { documentId, number })
      .orderBy('version.number', 'ASC')
      .getMany();
    if (versions.length === 0) return [];
    const sections = await manager
      .getRepository(DocumentSection)
      .find({ where: { versionId: In(versions.map((version) => version.id)) }, order: { ordinal: 'ASC' } });
    return versions.map((version) => ({
      id: version.id,
      number: version.number,
      plainText: version.plainText,
      sections: sections.filter((section) => section.versionId === version.id),
    }));
  }

  private async latestVersionNumber(manager: EntityManager, documentId: string): Promise<number | null> {
    const [row] = await manager.query(`SELECT max(number) AS latest FROM document_versions WHERE document_id = $1`, [
      documentId,
    ]);
    return row?.latest ?? null;
  }

  private async usedSectionKeys(manager: EntityManager, documentId: string): Promise<string[]> {
    const rows: { key: string }[] = await manager.query(
      `SELECT DISTINCT s.key FROM document_sections s JOIN document_versions v ON v.id = s.version_id WHERE v.document_id = $1`,
      [documentId],
    );
    return rows.map((row) => row.key);
  }
}
