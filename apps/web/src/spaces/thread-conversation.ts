import type { Conversation } from '../replies/conversation';
import { ThreadPageDocument } from '../graphql/generated/graphql';

/** A thread's conversation: open unless locked, deleted, or in a space the person only reads. */
export function threadConversation(thread: {
  readonly id: string;
  readonly locked: boolean;
  readonly isDeleted: boolean;
  readonly space: { readonly viewerCanPost: boolean };
}): Conversation {
  const id = thread.id;
  return {
    subjectType: 'THREAD',
    subjectId: id,
    open: !thread.locked && !thread.isDeleted && thread.space.viewerCanPost,
    draftKey: (parentId) => `reply:thread:${id}:${parentId ?? 'root'}`,
    addReply(cache, reply) {
      cache.updateQuery({ query: ThreadPageDocument, variables: { id } }, (current) => {
        if (!current) return current;
        const replies = current.thread.replies;
        return {
          thread: {
            ...current.thread,
            replies: {
              ...replies,
              totalCount: replies.totalCount + 1,
              edges: [...replies.edges, { __typename: 'CommentEdge' as const, node: reply }],
            },
          },
        };
      });
    },
    async loadReply(client, replyId) {
      const { data } = await client.query({
        query: ThreadPageDocument,
        variables: { id },
        fetchPolicy: 'network-only',
      });
      return data?.thread.replies.edges.find(({ node }) => node.id === replyId)?.node;
    },
    mentions: { threadId: id },
  };
}
