import type { ApolloCache, ApolloClient } from '@apollo/client';
import type { ReplyFieldsFragment } from '../graphql/generated/graphql';
import type { MentionSource } from '../annotations/mentions';

/**
 * What a reply tree needs to know about the conversation it shows: the subject replied to (an annotation, a
 * thread, a contribution), where posted replies go in the cache, how to read one reply afresh (after a CONFLICT),
 * whether it takes replies, and whom its replies may mention. One per subject kind; ReplyTree and ReplyForm know none of them.
 */
export interface Conversation {
  readonly subjectType: 'ANNOTATION' | 'THREAD' | 'CONTRIBUTION';
  readonly subjectId: string;
  /** False when no reply can be posted (a locked thread, a space one only reads). */
  readonly open: boolean;
  /** Where a reply's draft is kept (per subject and per reply answered). */
  readonly draftKey: (parentId: string | null) => string;
  /** Adds a posted reply to the query that lists this conversation. */
  readonly addReply: (cache: ApolloCache, reply: ReplyFieldsFragment) => void;
  /** The reply as it is now on the server (network only). */
  readonly loadReply: (client: ApolloClient, id: string) => Promise<ReplyFieldsFragment | undefined>;
  /** Whom the replies may mention (the API proposes only the conversation's readers). */
  readonly mentions: MentionSource;
  /** Whether a reply may be posted on behalf of an organisation one represents (default true). */
  readonly speaksOnBehalf?: boolean;
}
