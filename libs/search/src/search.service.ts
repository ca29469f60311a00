import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LinkTarget } from '@majlis/links';
import {
  Actor,
  Connection,
  PageRequest,
  cursorValues,
  markdownToPlainText,
  pageWindow,
  parseInput,
  PLANNED_PER_RUN,
  SearchHitDetail,
  SqlCondition,
  StatementNames,
  searchHitDetailSql,
  toConnection,
} from '@majlis/kernel';
import { AnnotationQueries, DocumentQueries } from '@majlis/documents';
import { CommentQueries, SpaceQueries, ThreadQueries } from '@majlis/discussions';
import { ConsultationQueries } from '@majlis/consultations';
import { OrganizationQueries } from '@majlis/identity';
import { BRANCHES, Branch, filterConditions } from './search-branches';
import {
  ParsedSearchFilter,
  SEARCH_HIT_TYPES,
  SearchFilter,
  SearchHitType,
  searchFilter,
  searchQuery,
} from './search.inputs';
import { queryStems, snippetHtml } from './snippet';

/** Where a hit is: enough for a client to open it in place (the kernel's one link shape). */
export type SearchTarget = LinkTarget;

export interface SearchHit {
  readonly id: string;
  readonly type: SearchHitType;
  /** Relevance, higher first (0 to 1). */
  readonly rank: number;
  readonly title: string | null;
  /** Safe HTML: the escaped text around the first match, matches in `<mark>`. */
  readonly snippetHtml: string;
  readonly createdAt: Date;
  readonly target: SearchTarget;
}

export interface SearchFacets {
  /** `isLowerBound`: the kind has more readable matches than the window ranks, `count` is then "at least". */
  readonly types: { type: SearchHitType; count: number; isLowerBound: boolean }[];
  readonly articles: {
    documentId: string;
    articleKey: string;
    title: string | null;
    count: number;
    isLowerBound: boolean;
  }[];
}

export interface SearchResults extends Connection<SearchHit> {
  readonly facets: SearchFacets;
  /** `totalCount` is "at least" (a frequent term: some kind has more matches than the window ranks). */
  readonly totalCountIsLowerBound: boolean;
}

/** What the database makes of the typed text, computed once per search (see SearchService.terms). */
export interface SearchTerms {
  /** The tsquery (French, English, Arabic and unstemmed words), as text. */
  readonly tsquery: string;
  /** The whole typed text folded like names are (`search_normalize`), for typo-tolerant matches; null: none. */
  readonly fuzzy: string | null;
  /** At most RARE_MATCHES matches in comments and annotations: the prepared, generic plan (see TERMS_SQL). */
  readonly rare: boolean;
}

/** Ranks are ordered as integers (millionths), so that cursors carry them exactly. */
const RANK_SCALE = 1_000_000;
/** The article facet lists this many articles at most, the most hits first. */
const ARTICLE_FACETS = 50;
/**
 * Per kind of content (per branch), the newest readable matches that are ranked: every match of a selective term,
 * the newest SEARCH_WINDOW of a frequent one (which are then counted as "at least" SEARCH_WINDOW). Ranking every one
 * of 250,000 matches of a common word costs seconds whatever the index; the newest 500 cost milliseconds.
 */
export const SEARCH_WINDOW = 500;

/**
 * A term is "rare" when the two big tables (comments, annotations) hold at most this many matches together (issue
 * 12's selective term): the search then runs a generic plan, prepared once per connection (no planning per search),
 * shaped for few matches. Counting stops past it, so a common term's count reads a few hundred rows.
 */
export const RARE_MATCHES = 200;

/**
 * The terms' statement: $1 the text, $2 the word being typed (a prefix), $3 the whole text, $4 fuzzy or not. `rare`
 * counts the matches in the two big tables, stopping past RARE_MATCHES (the planner sees the tsquery as a constant
 * there: a frequent term's count reads the first rows of a scan, a rare one's its few index entries).
 */
export const TERMS_SQL = `${PLANNED_PER_RUN}SELECT terms.tsquery, terms.fuzzy, terms.rare,
  set_config('max_parallel_workers_per_gather', '0', true) AS serial,
  set_config('join_collapse_limit', '1', true) AS joins_as_written,
  set_config('from_collapse_limit', '1', true) AS subqueries_as_written,
  set_config('plan_cache_mode', CASE WHEN terms.rare THEN 'force_generic_plan' ELSE current_setting('plan_cache_mode') END, true) AS plans
  FROM (SELECT search_query($1::text, $2::text)::text AS tsquery,
    CASE WHEN $4::boolean THEN search_normalize($3::text) END AS fuzzy,
    (SELECT count(*) FROM (${CommentQueries.matchesSql('search_query($1::text, $2::text)')}
       UNION ALL ${AnnotationQueries.matchesSql('search_query($1::text, $2::text)')}
       LIMIT ${RARE_MATCHES + 1}) probe) <= ${RARE_MATCHES} AS rare
  OFFSET 0) terms`;

/**
 * The name of a rare term's search statement, prepared once per connection from its first run (kernel
 * StatementNames, by its text: it holds no value, only the shape of the actor and the filter). At most 64 shapes are
 * prepared (each connection keeps their plans); past them, a shape runs unprepared.
 */
const RARE_TERM_STATEMENTS = new StatementNames(1, 64, 'search');
export function preparedName(sql: string): string | null {
  return RARE_TERM_STATEMENTS.nameFor(sql);
}

interface Row {
  type: SearchHitType;
  id: string;
  score: number;
  created_at: string;
  document_id: string | null;
  version_id: string | null;
  article_key: string | null;
  space_id: string | null;
  annotation_id: string | null;
  thread_id: string | null;
  consultation_id: string | null;
  organization_id: string | null;
  /** The areas' `…SearchDetailSql` (kernel `searchHitDetailSql`): a key a kind has no expression for is absent. */
  detail: Partial<SearchHitDetail> | null;
}

/** The search statement's one row. */
interface Statement {
  page: Row[] | null;
  types: SearchFacets['types'];
  articles: SearchFacets['articles'];
}

/** What was typed, split into the query proper and the word being typed (matched as a prefix). */
export function splitQuery(query: string, prefix: boolean): { text: string; prefix: string } {
  if (!prefix) return { text: query, prefix: '' };
  const last = /(^|\s)([\p{L}\p{N}\p{M}]+)$/u.exec(query);
  if (!last) return { text: query, prefix: '' };
  const before = query.slice(0, last.index + last[1].length);
  // Inside an open phrase, the last word is part of it.
  if ((before.match(/"/g) ?? []).length % 2 === 1) return { text: query, prefix: '' };
  return { text: before, prefix: last[2] };
}

/**
 * Search over everything the actor may read: articles, annotations, replies, threads, consultations and their
 * questions, spaces and organisations. Two SQL statements in one transaction per search, whatever the page size:
 * the query as the database reads it (`terms`), then the matches of every kind (each under its read policy's SQL
 * twin, the newest SEARCH_WINDOW per kind), the page, its details, and the facet counts (over the same readable
 * matches, so they leak nothing; "at least" when a window is full).
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(
    actor: Actor,
    rawQuery: string,
    rawFilter: SearchFilter | null | undefined,
    page: PageRequest,
    options: { prefix?: boolean } = {},
  ): Promise<SearchResults> {
    const query = parseInput(searchQuery, rawQuery, 'query');
    const filter = parseInput(searchFilter, rawFilter ?? {}, 'filter');
    const window = pageWindow(page);
    const after = window.after ? cursorValues(window.after, ['integer', 'uuid']) : null;
    // One transaction: the terms (which also keep its plans serial), then the search.
    const result = await this.db.transaction(async (manager): Promise<Statement> => {
      const terms = await this.terms(query, options.prefix ?? false, manager);
      const { sql, params } = this.statement(actor, terms, filter, window.limit, after);
      const [escaped, values] = this.db.driver.escapeQueryWithParameters(sql, params, {});
      const name = terms.rare ? preparedName(escaped) : null;
      // A frequent term's statement is planned for its values, every time (a generic plan would not see the term).
      if (!name || !manager.queryRunner)
        return ((await manager.query(`${PLANNED_PER_RUN}${escaped}`, values)) as Statement[])[0];
      // A named statement (pg prepares it on this connection once, then binds): TypeORM's query() sends text only.
      const client = (await manager.queryRunner.connect()) as {
        query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Statement[] }>;
      };
      this.db.logger.logQuery(escaped, values, manager.queryRunner);
      return (await client.query({ name, text: escaped, values })).rows[0];
    });
    const rows = result.page ?? [];
    const stems = queryStems(query);
    const facets: SearchFacets = { types: result.types, articles: result.articles };
    const counted = facets.types.filter((facet) => !filter.types?.length || filter.types.includes(facet.type));
    const connection = toConnection(
      rows.map((row) => toHit(row, stems)),
      window,
      (hit) => [Math.round(hit.rank * RANK_SCALE), hit.id],
      counted.reduce((sum, facet) => sum + facet.count, 0),
    );
    return { ...connection, facets, totalCountIsLowerBound: counted.some((facet) => facet.isLowerBound) };
  }

  /**
   * The typed text as the database reads it, in a statement of its own: the search statement then carries the
   * tsquery as a constant, which the planner reads once (estimating its matches from the GIN statistics) instead of
   * folding the same function calls in every branch (most of the planning time it used to take). It also sets,
   * for the rest of the transaction: no parallel plans (a search reads a few hundred rows at most, and starting
   * workers, which a rare term's rough estimate invited, cost more than the whole search); and joins in the order
   * written (every branch starts from the matched rows, then what they belong to and the policies' checks on them:
   * the order one wants, and searching the others was half the planning time of a rare term at full size).
   */
  async terms(query: string, prefix: boolean, manager: EntityManager = this.db.manager): Promise<SearchTerms> {
    const split = splitQuery(query, prefix);
    // Typo-tolerant matching of names and titles, for plain words (not phrases nor operators).
    const fuzzy = !/"|(^|\s)-/.test(query) && query.replace(/\s/g, '').length >= 4;
    const [row] = (await manager.query(TERMS_SQL, [split.text, split.prefix, query, fuzzy])) as SearchTerms[];
    return row;
  }

  /** The search statement (exposed for the benchmark, which prints its plan). */
  statement(
    actor: Actor,
    terms: SearchTerms,
    filter: ParsedSearchFilter,
    limit: number,
    after: (string | number | boolean)[] | null,
  ): SqlCondition {
    const params: Record<string, unknown> = {
      searchQuery: terms.tsquery,
      searchFuzzy: terms.fuzzy,
      pageTypes: filter.types?.length ? filter.types : [...SEARCH_HIT_TYPES],
      pageLimit: limit + 1,
    };
    const articleBranches: number[] = [];
    const branches = BRANCHES.map((branch, index) => {
      if (branch.columns.articleKey) articleBranches.push(index);
      const branchSql = this.branch(branch, index, actor, filter, terms);
      Object.assign(params, branchSql.params);
      return branchSql.sql;
    });
    let afterSql = '';
    if (after) {
      afterSql = 'AND (hit.score, hit.id) < (CAST(:afterScore AS integer), CAST(:afterId AS uuid))';
      params.afterScore = after[0];
      params.afterId = after[1];
    }
    const sql = `
      WITH hits AS MATERIALIZED (${branches.join('\n UNION ALL \n')}),
      counted AS MATERIALIZED (SELECT hit.branch, hit.type, count(*)::int AS count FROM hits hit GROUP BY hit.branch, hit.type),
      page AS (
        SELECT hit.* FROM hits hit WHERE hit.type = ANY(CAST(:pageTypes AS text[])) ${afterSql}
         ORDER BY hit.score DESC, hit.id DESC LIMIT :pageLimit
      )
      SELECT
        (SELECT coalesce(json_agg(row_to_json(detailed) ORDER BY detailed.score DESC, detailed.id DESC), '[]')
           FROM (SELECT page.*, ${DETAIL} AS detail FROM page) detailed) AS page,
        (SELECT coalesce(json_agg(json_build_object('type', facet.type, 'count', facet.count,
                  'isLowerBound', facet.capped) ORDER BY facet.type), '[]')
           FROM (SELECT counted.type, sum(counted.count)::int AS count, bool_or(counted.count >= ${SEARCH_WINDOW}) AS capped
                   FROM counted GROUP BY counted.type) facet) AS types,
        (SELECT coalesce(json_agg(json_build_object('documentId', facet.document_id, 'articleKey', facet.article_key,
                  'title', facet.title, 'count', facet.count, 'isLowerBound', ${articlesCapped(articleBranches)})
                  ORDER BY facet.count DESC, facet.article_key), '[]')
           FROM (SELECT hit.document_id, hit.article_key, count(*)::int AS count,
                        ${DocumentQueries.articleHeadingSql('hit.document_id', 'hit.article_key')} AS title
                   FROM hits hit
                  WHERE hit.article_key IS NOT NULL AND hit.type = ANY(CAST(:pageTypes AS text[]))
                  GROUP BY hit.document_id, hit.article_key
                  ORDER BY count(*) DESC, hit.article_key LIMIT ${ARTICLE_FACETS}) facet) AS articles`;
    return { sql, params };
  }

  /**
   * One kind of hit: its newest SEARCH_WINDOW readable matches (the read policies' SQL twins and the filters apply
   * while walking them, so the window fills with readable ones), ranked afterwards, the window alone.
   */
  private branch(
    branch: Branch,
    index: number,
    actor: Actor,
    filter: ParsedSearchFilter,
    terms: SearchTerms,
  ): SqlCondition {
    const c = branch.columns;
    const fuzzy = terms.fuzzy !== null;
    // A rare term's plan is generic (see TERMS_SQL): the newest first is then a sort of its few matches, never a walk
    // down an index on the date, which a generic plan (not knowing the term) would take for a common word's.
    const newest = terms.rare ? `${c.createdAt} + interval '0 seconds'` : c.createdAt;
    const tsquery = 'CAST(:searchQuery AS tsquery)';
    const typedFuzzy = 'CAST(:searchFuzzy AS text)';
    const fuzzyName = fuzzy && c.name ? `search_trigram_key(${c.name})` : null;
    const match = fuzzyName
      ? `(${c.vector} @@ ${tsquery} OR ${typedFuzzy} <% ${fuzzyName})`
      : `${c.vector} @@ ${tsquery}`;
    const rank = fuzzyName
      ? `greatest(ts_rank_cd(candidate.vector, ${tsquery}, 32), word_similarity(${typedFuzzy}, search_trigram_key(candidate.name)) / 2)`
      : `ts_rank_cd(candidate.vector, ${tsquery}, 32)`;
    const conditions = [...branch.readable(actor), ...filterConditions(c, filter, actor)];
    const params = Object.assign({}, ...conditions.map((condition) => condition.params));
    const column = (expression: string | null, type: string) => (expression ? expression : `CAST(NULL AS ${type})`);
    const sql = `SELECT ${index} AS branch, '${branch.type}'::text AS type, candidate.id,
        least(round(${rank} * ${RANK_SCALE}), 2000000000)::integer AS score, candidate.created_at,
        candidate.document_id, candidate.version_id, candidate.article_key, candidate.space_id, candidate.annotation_id,
        candidate.thread_id, candidate.consultation_id, candidate.organization_id
      FROM (SELECT ${c.id} AS id, ${c.vector} AS vector, ${column(c.name, 'text')} AS name, ${c.createdAt} AS created_at,
              ${column(c.documentId, 'uuid')} AS document_id, ${column(c.versionId, 'uuid')} AS version_id,
              ${column(c.articleKey, 'text')} AS article_key, ${column(c.spaceId, 'uuid')} AS space_id,
              ${column(c.annotationId, 'uuid')} AS annotation_id, ${column(c.threadId, 'uuid')} AS thread_id,
              ${column(c.consultationId, 'uuid')} AS consultation_id, ${column(c.organizationId, 'uuid')} AS organization_id
         FROM ${branch.from}
        WHERE ${match} ${conditions.map((condition) => `AND ${condition.sql}`).join(' ')}
        ORDER BY ${newest} DESC LIMIT ${SEARCH_WINDOW}) candidate`;
    return { sql, params };
  }
}

/** Article counts are "at least" when a kind with articles among the counted ones filled its window. */
function articlesCapped(articleBranches: readonly number[]): string {
  return `coalesce((SELECT bool_or(counted.count >= ${SEARCH_WINDOW}) FROM counted
     WHERE counted.type = ANY(CAST(:pageTypes AS text[])) AND counted.branch IN (${articleBranches.join(', ')})), false)`;
}

/** The details of a page's hits (their text for the snippet, where they are), computed for the page alone. */
const versionNumber = DocumentQueries.versionNumberSql('page.version_id');
const DETAIL = `CASE page.type
  WHEN 'ARTICLE' THEN ${DocumentQueries.articleSearchDetailSql('page.id')}
  WHEN 'ANNOTATION' THEN ${AnnotationQueries.searchDetailSql('page.id')}
  WHEN 'REPLY' THEN ${CommentQueries.searchDetailSql('page.id', {
    versionNumber,
    start: AnnotationQueries.offsetSql('page.annotation_id', 'start'),
    end: AnnotationQueries.offsetSql('page.annotation_id', 'end'),
    spaceSlug: SpaceQueries.slugSql('page.space_id'),
  })}
  WHEN 'THREAD' THEN ${ThreadQueries.searchDetailSql('page.id', { versionNumber })}
  WHEN 'CONSULTATION' THEN ${ConsultationQueries.searchDetailSql('page.id', { spaceSlug: SpaceQueries.slugSql('page.space_id') })}
  WHEN 'QUESTION' THEN ${ConsultationQueries.questionSearchDetailSql('page.id', { versionNumber })}
  WHEN 'SPACE' THEN ${SpaceQueries.searchDetailSql('page.id')}
  WHEN 'ORGANIZATION' THEN (SELECT ${searchHitDetailSql({
    title: 'o.name',
    text: "concat_ws(' · ', o.acronym, o.description)",
  })} FROM ${OrganizationQueries.rowsSql()} o WHERE o.id = page.id)
END`;

/** The hits whose text is a Markdown body (annotations, replies, threads), as people wrote it. */
const MARKDOWN_BODIES: ReadonlySet<SearchHitType> = new Set(['ANNOTATION', 'REPLY', 'THREAD']);

function toHit(row: Row, stems: readonly string[]): SearchHit {
  const detail: Partial<SearchHitDetail> = row.detail ?? {};
  const written = detail.text?.trim() ? detail.text : null;
  // Bodies written in Markdown are snippeted from the words they show (no "**" or "[…](…)" in the snippet).
  const text =
    written === null ? (detail.title ?? '') : MARKDOWN_BODIES.has(row.type) ? markdownToPlainText(written) : written;
  return {
    id: row.id,
    type: row.type,
    rank: row.score / RANK_SCALE,
    title: detail.title ?? null,
    snippetHtml: snippetHtml(text, stems),
    createdAt: new Date(row.created_at),
    target: {
      documentId: row.document_id,
      versionId: row.version_id,
      versionNumber: detail.version_number ?? null,
      articleKey: row.article_key,
      start:
        row.type === 'ANNOTATION' || row.type === 'REPLY' || row.type === 'ARTICLE' ? (detail.start ?? null) : null,
      end: row.type === 'ANNOTATION' || row.type === 'REPLY' || row.type === 'ARTICLE' ? (detail.end ?? null) : null,
      annotationId: row.annotation_id,
      commentId: row.type === 'REPLY' ? row.id : null,
      threadId: row.thread_id,
      spaceId: row.space_id,
      spaceSlug: detail.space_slug ?? null,
      consultationId: row.consultation_id,
      questionId: row.type === 'QUESTION' ? row.id : null,
      organizationId: row.type === 'ORGANIZATION' ? row.id : row.organization_id,
    },
  };
}
