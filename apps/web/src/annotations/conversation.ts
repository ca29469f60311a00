import type { ApolloCache, ApolloClient } from '@apollo/client';
import { AnnotationCardDocument, type ReplyFieldsFragment } from '../graphql/generated/graphql';
import type { MentionSource } from './mentions';

/**
 * What a reply tree needs to know about the conversation it shows: the subject replied to (an annotation, a
 * thread), where posted replies go in the cache, how to read one reply afresh (after a CONFLICT), whether it takes
 * replies, and whom its replies may mention. One per subject kind; ReplyTree and ReplyForm know none of them.
 */
export interface Conversation {
  readonly subjectType: 'ANNOTATION' | 'THREAD';
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
}

/** An annotation's conversation, as the reader's annotation card shows it. */
export function annotationConversation(annotationId: string): Conversation {
  return {
    subjectType: 'ANNOTATION',
    subjectId: annotationId,
    open: true,
    draftKey: (parentId) => `reply:${annotationId}:${parentId ?? 'root'}`,
    addReply(cache, reply) {
      cache.updateQuery({ query: AnnotationCardDocument, variables: { id: annotationId } }, (current) => {
        if (!current) return current;
        const { annotation } = current;
        return {
          annotation: {
            ...annotation,
            replyCount: annotation.replyCount + 1,
            replies: {
              ...annotation.replies,
              totalCount: annotation.replies.totalCount + 1,
              edges: [...annotation.replies.edges, { __typename: 'CommentEdge' as const, node: reply }],
            },
          },
        };
      });
    },
    async loadReply(client, id) {
      const { data } = await client.query({
        query: AnnotationCardDocument,
        variables: { id: annotationId },
        fetchPolicy: 'network-only',
      });
      return data?.annotation.replies.edges.find(({ node }) => node.id === id)?.node;
    },
    mentions: { annotationId },
  };
}
