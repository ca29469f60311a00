import { AnnotationCardDocument } from '../graphql/generated/graphql';
import type { Conversation } from '../replies/conversation';

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
