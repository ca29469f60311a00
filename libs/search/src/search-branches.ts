import type { Actor } from '@majlis/kernel';
import { AnnotationPolicy, DocumentPolicy } from '@majlis/documents';
import { AuthoredContentPolicy, SpacePolicy, readerParameters } from '@majlis/discussions';
import { ConsultationPolicy, ContributionPolicy } from '@majlis/consultations';
import { OrganizationPolicy, OrganizationQueries } from '@majlis/identity';
import type { ParsedSearchFilter, SearchHitType } from './search.inputs';

/** A SQL condition with its named parameters (TypeORM style), as every policy's SQL twin gives them. */
export interface Condition {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/**
 * The columns of one kind of hit, as its branch of the search query selects them. `null` means "this kind has no
 * such thing": a filter on it then leaves the kind out.
 */
interface Columns {
  readonly id: string;
  readonly vector: string;
  /** Its name or title, matched with typos too (trigram index on `search_trigram_key(…)`). */
  readonly name: string | null;
  readonly createdAt: string;
  readonly documentId: string | null;
  readonly versionId: string | null;
  readonly articleKey: string | null;
  readonly spaceId: string | null;
  readonly organizationId: string | null;
  readonly authorId: string | null;
  readonly motivation: string | null;
  readonly annotationId: string | null;
  readonly threadId: string | null;
  readonly consultationId: string | null;
}

/**
 * One branch: a kind of content, its tables, and who may read it: the read policies' SQL twins, nothing else. `from`
 * starts with the searched table, then what it belongs to: the search joins them in that order (see
 * SearchService.terms).
 */
interface Branch {
  readonly type: SearchHitType;
  readonly from: string;
  readonly columns: Columns;
  readonly readable: (actor: Actor) => Condition[];
}

const NONE = {
  name: null,
  documentId: null,
  versionId: null,
  articleKey: null,
  spaceId: null,
  organizationId: null,
  authorId: null,
  motivation: null,
  annotationId: null,
  threadId: null,
  consultationId: null,
} as const;

/**
 * The columns every authored row (annotation, thread, comment) has under the same names: its id, search vector,
 * creation time, author and organisation.
 */
const authored = (alias: string) =>
  ({
    id: `${alias}.id`,
    vector: `${alias}.search_vector`,
    createdAt: `${alias}.created_at`,
    organizationId: `${alias}.organization_id`,
    authorId: `${alias}.author_id`,
  }) as const;

/** A condition without parameters. */
const plain = (sql: string): Condition => ({ sql, params: {} });

/** An annotation the actor may read, as AnnotationService.get decides: present, or a tombstone above replies. */
function annotationShown(actor: Actor, alias: string): Condition[] {
  return [AnnotationPolicy.shownSql(actor, alias), AnnotationPolicy.visibleSql(actor, alias)];
}

/** A thread the actor may read (ThreadService's rule: present, or a tombstone above replies, in a readable space). */
function threadShown(actor: Actor, thread: string, space: string): Condition[] {
  return [
    { sql: SpacePolicy.readableSql(space), params: readerParameters(actor) },
    AuthoredContentPolicy.shownSql('THREAD', thread, actor),
  ];
}

export const BRANCHES: readonly Branch[] = [
  {
    type: 'ARTICLE',
    from: `document_sections article JOIN document_versions article_version ON article_version.id = article.version_id
           JOIN documents article_document ON article_document.id = article_version.document_id`,
    columns: {
      ...NONE,
      id: 'article.id',
      vector: 'article.search_vector',
      name: 'article.heading',
      createdAt: 'article_version.published_at',
      documentId: 'article_version.document_id',
      versionId: 'article.version_id',
      articleKey: 'article.key',
    },
    readable: (actor) => [DocumentPolicy.visibleSql(actor, 'article_document')],
  },
  {
    type: 'ANNOTATION',
    from: `annotations annotation JOIN documents annotation_document ON annotation_document.id = annotation.document_id`,
    columns: {
      ...NONE,
      ...authored('annotation'),
      documentId: 'annotation.document_id',
      versionId: 'annotation.version_id',
      articleKey: 'annotation.section_key',
      motivation: 'annotation.motivation',
      annotationId: 'annotation.id',
    },
    readable: (actor) => [
      DocumentPolicy.visibleSql(actor, 'annotation_document'),
      AnnotationPolicy.presentSql(actor, 'annotation'),
      AnnotationPolicy.visibleSql(actor, 'annotation'),
    ],
  },
  {
    type: 'REPLY',
    from: `comments reply JOIN annotations reply_annotation
             ON reply.subject_type = 'ANNOTATION' AND reply_annotation.id = reply.subject_id
           JOIN documents reply_document ON reply_document.id = reply_annotation.document_id`,
    columns: {
      ...NONE,
      ...authored('reply'),
      documentId: 'reply_annotation.document_id',
      versionId: 'reply_annotation.version_id',
      articleKey: 'reply_annotation.section_key',
      annotationId: 'reply_annotation.id',
    },
    readable: (actor) => [
      AuthoredContentPolicy.presentSql('COMMENT', 'reply', actor),
      DocumentPolicy.visibleSql(actor, 'reply_document'),
      ...annotationShown(actor, 'reply_annotation'),
    ],
  },
  {
    type: 'REPLY',
    from: `comments thread_reply JOIN threads reply_thread
             ON thread_reply.subject_type = 'THREAD' AND reply_thread.id = thread_reply.subject_id
           JOIN spaces reply_space ON reply_space.id = reply_thread.space_id`,
    columns: {
      ...NONE,
      ...authored('thread_reply'),
      documentId: 'reply_thread.document_id',
      versionId: 'reply_thread.version_id',
      articleKey: 'reply_thread.section_key',
      spaceId: 'reply_thread.space_id',
      threadId: 'reply_thread.id',
    },
    readable: (actor) => [
      AuthoredContentPolicy.presentSql('COMMENT', 'thread_reply', actor),
      ...threadShown(actor, 'reply_thread', 'reply_space'),
    ],
  },
  {
    // An organisation's internal discussion of its contribution: its members alone (ContributionPolicy).
    type: 'REPLY',
    from: `comments contribution_reply JOIN contributions reply_contribution
             ON contribution_reply.subject_type = 'CONTRIBUTION' AND reply_contribution.id = contribution_reply.subject_id
           JOIN consultations reply_consultation ON reply_consultation.id = reply_contribution.consultation_id`,
    columns: {
      ...NONE,
      ...authored('contribution_reply'),
      consultationId: 'reply_contribution.consultation_id',
    },
    readable: (actor) => [
      AuthoredContentPolicy.presentSql('COMMENT', 'contribution_reply', actor),
      ContributionPolicy.visibleSql('reply_contribution', actor),
      ConsultationPolicy.visibleSql('reply_consultation', actor),
    ],
  },
  {
    type: 'THREAD',
    from: `threads thread JOIN spaces thread_space ON thread_space.id = thread.space_id`,
    columns: {
      ...NONE,
      ...authored('thread'),
      name: 'thread.title',
      documentId: 'thread.document_id',
      versionId: 'thread.version_id',
      articleKey: 'thread.section_key',
      spaceId: 'thread.space_id',
      threadId: 'thread.id',
    },
    readable: (actor) => [
      { sql: SpacePolicy.readableSql('thread_space'), params: readerParameters(actor) },
      AuthoredContentPolicy.presentSql('THREAD', 'thread', actor),
    ],
  },
  {
    type: 'CONSULTATION',
    from: `consultations consultation`,
    columns: {
      ...NONE,
      id: 'consultation.id',
      vector: 'consultation.search_vector',
      name: 'consultation.title',
      createdAt: 'coalesce(consultation.published_at, consultation.created_at)',
      spaceId: 'consultation.space_id',
      consultationId: 'consultation.id',
    },
    readable: (actor) => [ConsultationPolicy.visibleSql('consultation', actor)],
  },
  {
    type: 'QUESTION',
    from: `consultation_questions question
           JOIN consultations question_consultation ON question_consultation.id = question.consultation_id`,
    columns: {
      ...NONE,
      id: 'question.id',
      vector: 'question.search_vector',
      createdAt: 'coalesce(question_consultation.published_at, question_consultation.created_at)',
      documentId: 'question.document_id',
      versionId: 'question.version_id',
      articleKey: 'question.section_key',
      consultationId: 'question.consultation_id',
    },
    readable: (actor) => [ConsultationPolicy.visibleSql('question_consultation', actor)],
  },
  {
    type: 'SPACE',
    from: `spaces space`,
    columns: {
      ...NONE,
      id: 'space.id',
      vector: 'space.search_vector',
      name: 'space.name',
      createdAt: 'space.created_at',
      spaceId: 'space.id',
      organizationId: 'space.owner_organization_id',
    },
    readable: (actor) => [{ sql: SpacePolicy.readableSql('space'), params: readerParameters(actor) }],
  },
  {
    type: 'ORGANIZATION',
    from: `${OrganizationQueries.searchableSql()} organization`,
    columns: {
      ...NONE,
      id: 'organization.id',
      vector: 'organization.search_vector',
      name: 'organization.name',
      createdAt: 'organization.created_at',
      organizationId: 'organization.id',
    },
    readable: (actor) => [OrganizationPolicy.canSeeSql(actor, 'organization')],
  },
];

/** The filter's conditions on one branch; `FALSE` when the filter names something this kind does not have. */
export function filterConditions(columns: Columns, filter: ParsedSearchFilter, actor: Actor): Condition[] {
  const conditions: Condition[] = [];
  const equal = (column: string | null, name: string, value: unknown) =>
    conditions.push(column ? { sql: `${column} = :${name}`, params: { [name]: value } } : plain('FALSE'));
  if (filter.documentId) equal(columns.documentId, 'filterDocument', filter.documentId);
  if (filter.versionId) equal(columns.versionId, 'filterVersion', filter.versionId);
  if (filter.articleKey) equal(columns.articleKey, 'filterArticle', filter.articleKey);
  if (filter.spaceId) equal(columns.spaceId, 'filterSpace', filter.spaceId);
  if (filter.organizationId) equal(columns.organizationId, 'filterOrganization', filter.organizationId);
  if (filter.motivation) equal(columns.motivation, 'filterMotivation', filter.motivation);
  if (filter.authorId) equal(columns.authorId, 'filterAuthor', filter.authorId);
  if (filter.mine) equal(columns.authorId, 'filterMine', actor.userId);
  if (filter.from) conditions.push({ sql: `${columns.createdAt} >= :filterFrom`, params: { filterFrom: filter.from } });
  if (filter.to) conditions.push({ sql: `${columns.createdAt} <= :filterTo`, params: { filterTo: filter.to } });
  return conditions;
}

export type { Columns, Branch };
