import { skipToken, useQuery } from '@apollo/client/react';
import { FormattedMessage } from 'react-intl';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CitationArticlesDocument, SpacesDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { NotFound } from './NotFound';
import { ThreadForm, type ThreadCitation } from './ThreadForm';

/**
 * Starting a thread: in a space (/spaces/:spaceId/new), or from the reader (/spaces/new-thread?document=…&version=…
 * &article=…) choosing among the spaces one may post in, with the article cited.
 */
export function NewThreadPage() {
  const navigate = useNavigate();
  const { spaceId } = useParams();
  const [params] = useSearchParams();
  const documentId = params.get('document');
  const versionNumber = Number(params.get('version'));
  const sectionKey = params.get('article');
  const citing = !!documentId && Number.isInteger(versionNumber) && versionNumber > 0 && !!sectionKey;
  const spaces = useQuery(SpacesDocument);
  const article = useQuery(
    CitationArticlesDocument,
    citing ? { variables: { documentId: documentId!, number: versionNumber } } : skipToken,
  );

  if ((spaces.loading && !spaces.data) || (article.loading && !article.data)) return <Loading />;
  const error = spaces.error ?? article.error;
  if (error) return <ErrorMessage error={error} />;
  const all = spaces.data?.spaces.edges.map(({ node }) => node) ?? [];
  const fixed = spaceId ? all.find((space) => space.slug === spaceId || space.id === spaceId) : null;
  if (spaceId && !fixed) return <NotFound />;
  const postable = (fixed ? [fixed] : all).filter((space) => space.viewerCanPost);

  let citation: ThreadCitation | null = null;
  const document_ = article.data?.document;
  const section = document_?.versionByNumber?.sections.find((candidate) => candidate.key === sectionKey);
  if (citing && document_ && section) {
    citation = {
      documentId: document_.id,
      versionNumber,
      sectionKey: section.key,
      heading: section.heading,
      documentLabel: document_.reference,
    };
  }

  return (
    <div className="new-thread-page">
      <h1>
        <FormattedMessage id="spaces.thread.new" />
      </h1>
      {postable.length === 0 ? (
        <Empty>
          <FormattedMessage id="spaces.form.noSpace" />
        </Empty>
      ) : (
        <ThreadForm
          spaces={postable}
          citation={citation}
          onCreated={(threadId) => navigate(`/threads/${threadId}`)}
          onCancel={() =>
            navigate(
              fixed
                ? `/spaces/${fixed.slug}`
                : citing
                  ? `/read/${documentId}/${versionNumber}#${sectionKey}`
                  : '/spaces',
            )
          }
        />
      )}
    </div>
  );
}
