import type { FieldMiddleware } from '@nestjs/graphql';
import { ModerationRecord, REDACTED, RedactableContent, Redaction } from '@majlis/moderation';
import type { GraphQLContext } from '../graphql-context';

/**
 * Per-row fields of a list (a thread, an annotation, a reply) as plain fields resolved by one field middleware each,
 * instead of `@ResolveField` methods: Nest wraps those in its context creator (param factories, pipes) on every call,
 * and an `async` method makes a promise per row and field even when the value is at hand (issue 15: a tenth to a
 * fifth of a list request's CPU). A value read with the page is answered at once; one that needs a DataLoader is a
 * promise.
 */

export type MaybePromise<T> = T | Promise<T>;

/** `next(value)`, after `value` settles when it is a promise; at once (no promise made) when it is not. */
export function settled<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** A field computed from its row and the request. */
export function rowField<Row>(value: (row: Row, context: GraphQLContext) => unknown): FieldMiddleware {
  return ({ source, context }) => value(source as Row, context as GraphQLContext);
}

/** Authored content (annotation, thread, reply): what redaction decides from, and the organisation spoken for. */
export interface AuthoredRow extends RedactableContent {
  readonly organizationId: string | null;
}

/** `isDeleted` of any authored content: deleted by its author (a tombstone while replies hang under it). */
export const deletedField = rowField<AuthoredRow>((row) => row.deletedAt !== null);

/**
 * The fields of one kind of authored content that redaction may blank (Redaction, libs/moderation), given how a row's
 * moderation record is found: read with the page when the row came in one, else through a loader.
 */
export function redactableRows<Row extends AuthoredRow>(
  moderationRecord: (row: Row, context: GraphQLContext) => MaybePromise<ModerationRecord | null>,
) {
  /** Whether the reader gets the placeholder instead of the row's content. */
  const redacted = (row: Row, context: GraphQLContext): MaybePromise<boolean> =>
    settled(moderationRecord(row, context), (record) =>
      Redaction.resolve(context.req.user ?? null, row, record, context.loaders.viewerModeratedSpaces),
    );
  /** A field of the row's content: `value`, or the placeholder while the row is redacted for the reader. */
  const shown = (value: (row: Row, context: GraphQLContext) => unknown): FieldMiddleware =>
    rowField<Row>((row, context) => settled(redacted(row, context), (yes) => (yes ? REDACTED : value(row, context))));
  /**
   * The organisation spoken for: null when none, the placeholder while redacted, else `read` (by default through
   * the request's organisation loader, which applies who may see it).
   */
  const organization = (
    read: (organizationId: string, row: Row, context: GraphQLContext) => unknown = (organizationId, _row, context) =>
      context.loaders.organization.load(organizationId),
  ): FieldMiddleware =>
    rowField<Row>((row, context) => {
      const organizationId = row.organizationId;
      if (!organizationId) return null;
      return settled(redacted(row, context), (yes) => (yes ? REDACTED : read(organizationId, row, context)));
    });
  /** Its moderation state, for its author and its moderators (Redaction.stateFor); null for anyone else. */
  const moderationState: FieldMiddleware = rowField<Row>((row, context) =>
    settled(moderationRecord(row, context), (record) =>
      Redaction.stateFor(context.req.user ?? null, row, record, context.loaders.viewerModeratedSpaces),
    ),
  );
  return { moderationRecord, redacted, shown, organization, moderationState };
}
