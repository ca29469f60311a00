import { useQuery } from '@apollo/client/react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { DocumentsDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';

export function DocumentList() {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(DocumentsDocument);
  return (
    <div className="page documents">
      <h1>
        <FormattedMessage id="reader.documents.title" />
      </h1>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && data.documents.edges.length === 0 && (
        <Empty>
          <FormattedMessage id="reader.documents.empty" />
        </Empty>
      )}
      <ul className="document-list">
        {data?.documents.edges.map(({ node }) => (
          <li key={node.id}>
            {node.latestVersion ? (
              <Link to={`/read/${node.id}/${node.latestVersion.number}`}>
                <span className="reference">{node.reference}</span>{' '}
                <span lang={node.language.toLowerCase()}>{node.title}</span>
              </Link>
            ) : (
              <span>
                {node.reference} {node.title}
              </span>
            )}
            <p className="meta">
              {intl.formatMessage({ id: `reader.documentStatus.${node.status}` })}
              {node.latestVersion && (
                <>
                  {' · '}
                  <FormattedMessage id="reader.versionNumber" values={{ number: node.latestVersion.number }} />
                  {' · '}
                  <FormattedDate value={node.latestVersion.publishedAt} dateStyle="long" />
                </>
              )}
              {node.isOpenForComment && node.commentsCloseAt && (
                <>
                  {' · '}
                  <FormattedMessage
                    id="reader.commentsClose"
                    values={{ date: intl.formatDate(node.commentsCloseAt, { dateStyle: 'long' }) }}
                  />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
