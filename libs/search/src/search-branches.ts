import type { Actor, SqlCondition } from '@majlis/kernel';
import { AnnotationQueries, DocumentQueries } from '@majlis/documents';
import { SpaceQueries, ThreadQueries } from '@majlis/discussions';
import { ConsultationQueries, ContributionQueries } from '@majlis/consultations';
import { OrganizationPolicy, OrganizationQueries } from '@majlis/identity';
import type { ParsedSearchFilter, SearchHitType } from './search.inputs';

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
 * SearchService.terms). Each comes from its owning area's port.
 */
interface Branch {
  readonly type: SearchHitType;
  readonly from: string;
  readonly columns: Columns;
  readonly readable: (actor: Actor) => SqlCondition[];
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

/** A condition without parameters. */
const plain = (sql: string): SqlCondition => ({ sql, params: {} });

/**
 * What an area's search source port gives (its `…SearchSource()`): its relation, the columns it has (the others are
 * none), and the read policy's SQL twins.
 */
interface Source {
  readonly from: string;
  readonly columns: Partial<Columns> & Pick<Columns, 'id' | 'vector' | 'createdAt'>;
  readonly readable: (actor: Actor) => SqlCondition[];
}

const branch = (type: SearchHitType, source: Source): Branch => ({
  type,
  from: source.from,
  columns: { ...NONE, ...source.columns },
  readable: source.readable,
});

/** Every kind of hit, from the owning areas' search sources (each names its tables and reuses its policies' twins). */
export const BRANCHES: readonly Branch[] = [
  branch('ARTICLE', DocumentQueries.articleSearchSource()),
  branch('ANNOTATION', AnnotationQueries.searchSource()),
  branch('REPLY', AnnotationQueries.replySearchSource()),
  branch('REPLY', ThreadQueries.replySearchSource()),
  branch('REPLY', ContributionQueries.replySearchSource()),
  branch('THREAD', ThreadQueries.searchSource()),
  branch('CONSULTATION', ConsultationQueries.searchSource()),
  branch('QUESTION', ConsultationQueries.questionSearchSource()),
  branch('SPACE', SpaceQueries.searchSource()),
  branch('ORGANIZATION', {
    from: `${OrganizationQueries.searchableSql()} organization`,
    columns: {
      id: 'organization.id',
      vector: 'organization.search_vector',
      name: 'organization.name',
      createdAt: 'organization.created_at',
      organizationId: 'organization.id',
    },
    readable: (actor) => [OrganizationPolicy.canSeeSql(actor, 'organization')],
  }),
];

/** The filter's conditions on one branch; `FALSE` when the filter names something this kind does not have. */
export function filterConditions(columns: Columns, filter: ParsedSearchFilter, actor: Actor): SqlCondition[] {
  const conditions: SqlCondition[] = [];
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
