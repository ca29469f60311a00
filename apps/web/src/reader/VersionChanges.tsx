import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { VersionChangesDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';

/** "What changed" between a version and the one before, article by article, with the API's word diff. */
export function VersionChanges() {
  const intl = useIntl();
  const params = useParams();
  const documentId = params['documentId'] ?? '';
  const to = Number(params['versionNumber'] ?? '2');
  const { data, loading, error, refetch } = useQuery(VersionChangesDocument, {
    variables: { documentId, from: to - 1, to },
  });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const sections = data?.compareDocumentVersions.sections ?? [];
  const changed = sections.filter((section) => section.change !== 'UNCHANGED');
  return (
    <div className="page changes">
      <p>
        <Link to={`/read/${documentId}/${to}`}>
          <FormattedMessage id="reader.changes.back" values={{ number: to }} />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="reader.changes.title" values={{ from: to - 1, to }} />
      </h1>
      <p>
        <FormattedMessage
          id="reader.changes.summary"
          values={{ changed: changed.length, unchanged: sections.length - changed.length }}
        />
      </p>
      {changed.length === 0 && (
        <Empty>
          <FormattedMessage id="reader.changes.none" />
        </Empty>
      )}
      {changed.map((section) => (
        <section key={section.key} className={`change change-${section.change}`} aria-labelledby={`ch-${section.key}`}>
          <h2 id={`ch-${section.key}`}>
            <span className="change-badge">{intl.formatMessage({ id: `reader.changes.${section.change}` })}</span>{' '}
            {(section.to ?? section.from)?.heading}
          </h2>
          {section.change === 'CHANGED' && (
            <p className="diff">
              {section.diff.map((part, index) =>
                part.op === 'INSERT' ? (
                  <ins key={index}>{part.text}</ins>
                ) : part.op === 'DELETE' ? (
                  <del key={index}>{part.text}</del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          )}
          {section.change !== 'REMOVED' && (
            <Link to={`/read/${documentId}/${to}#${section.key}`}>
              <FormattedMessage id="reader.changes.read" />
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}
