import { ContributionDiscussionDocument } from '../graphql/generated/graphql';
import type { Conversation } from '../replies/conversation';

/**
 * A contribution's internal discussion: open to every member of its organisation (who alone read it), replies
 * never posted on behalf of an organisation (the discussion is already the organisation's own).
 */
export function contributionConversation({
  contributionId,
  consultationId,
  organizationId,
}: {
  readonly contributionId: string;
  readonly consultationId: string;
  readonly organizationId: string;
}): Conversation {
  const variables = { consultationId, organizationId };
  return {
    subjectType: 'CONTRIBUTION',
    subjectId: contributionId,
    open: true,
    speaksOnBehalf: false,
    draftKey: (parentId) => `reply:contribution:${contributionId}:${parentId ?? 'root'}`,
    addReply(cache, reply) {
      cache.updateQuery({ query: ContributionDiscussionDocument, variables }, (current) => {
        if (!current) return current;
        const comments = current.contribution.comments;
        return {
          contribution: {
            ...current.contribution,
            comments: {
              ...comments,
              totalCount: comments.totalCount + 1,
              edges: [...comments.edges, { __typename: 'CommentEdge' as const, node: reply }],
            },
          },
        };
      });
    },
    async loadReply(client, replyId) {
      const { data } = await client.query({
        query: ContributionDiscussionDocument,
        variables,
        fetchPolicy: 'network-only',
      });
      return data?.contribution.comments.edges.find(({ node }) => node.id === replyId)?.node;
    },
    mentions: { contributionId },
  };
}
