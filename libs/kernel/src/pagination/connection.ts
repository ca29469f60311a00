import { InvalidInputError } from '../errors/domain-error';
import { CursorKey, decodeCursor, encodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A validated page request: how many rows, and the keyset position to start after. */
export interface PageWindow {
  readonly limit: number;
  readonly after: CursorKey | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/**
 * How many rows in all: a number, or a count read only when `totalCount` is read (a getter: GraphQL reads it only
 * when a client asks for it, so a page read without it costs no count statement).
 */
export type TotalCount = number | Promise<number>;

export interface Connection<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfo;
  readonly totalCount: TotalCount;
}

export function pageWindow(request: PageRequest): PageWindow {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw InvalidInputError.field('first', `must be a whole number between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { limit: first, after: request.after ? decodeCursor(request.after) : null };
}

/**
 * An edge whose cursor is encoded when first read: GraphQL reads it only when a client asks for it, and a page of
 * 20 rows encoded 20 cursors per request for none (issue 15). The page's start and end cursors are read at once.
 */
class LazyEdge<T> implements Edge<T> {
  private encoded: string | undefined;
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => CursorKey,
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.keyOf(this.node)));
  }
}

/**
 * Builds a connection from rows fetched with `limit + 1` (the extra row only tells whether a next page exists).
 */
export function toConnection<T>(
  rows: T[],
  window: PageWindow,
  keyOf: (row: T) => CursorKey,
  totalCount: number | (() => Promise<number>),
): Connection<T> {
  const hasNextPage = rows.length > window.limit;
  const page = hasNextPage ? rows.slice(0, window.limit) : rows;
  const edges: Edge<T>[] = page.map((node) => new LazyEdge(node, keyOf));
  const pageInfo = {
    hasNextPage,
    hasPreviousPage: window.after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  if (typeof totalCount === 'number') return { edges, totalCount, pageInfo };
  let counted: Promise<number> | undefined;
  return Object.defineProperty({ edges, pageInfo } as Connection<T>, 'totalCount', {
    enumerable: true,
    get: () => (counted ??= totalCount()),
  });
}
