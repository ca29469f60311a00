import { useQuery } from '@apollo/client/react';
import { FormattedDate, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { ConsoleDocumentListDocument } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { ColumnHeads } from '../../ui/ColumnHeads';

/** `/console/documents`: every document with its status and comment window, to edit, publish a version or read. */
export function DocumentList() {
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const title = t('console.documents.list');
  usePageTitle(title);
  const { data, loading, error, refetch } = useQuery(ConsoleDocumentListDocument, { fetchPolicy: 'cache-and-network' });
  const connection = data?.documents;
  return (
    <section className="console-section" aria-labelledby="console-documents-title">
      <h2 id="console-documents-title">{title}</h2>
      <p>
        <Link to="/console/documents/new">{t('console.documents.new')}</Link>
      </p>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {connection && connection.edges.length === 0 && <Empty>{t('console.documents.none')}</Empty>}
      {connection && connection.edges.length > 0 && (
        <div className="table-scroll">
          <table className="console-table">
            <caption className="visually-hidden">{title}</caption>
            <ColumnHeads
              ids={[
                'console.documents.title',
                'console.documents.edit.status',
                'console.documents.edit.window',
                'console.documents.actions',
              ]}
            />
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <bdi>{node.title}</bdi> <span className="meta">{node.reference}</span>
                  </th>
                  <td>{t(`reader.documentStatus.${node.status}`)}</td>
                  <td>
                    {node.commentsOpenAt ? (
                      <FormattedDate value={node.commentsOpenAt} dateStyle="medium" timeStyle="short" />
                    ) : (
                      '—'
                    )}
                    {' → '}
                    {node.commentsCloseAt ? (
                      <FormattedDate value={node.commentsCloseAt} dateStyle="medium" timeStyle="short" />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <Link
                      to={`/console/documents/${node.id}`}
                      aria-label={t('console.documents.editOf', { title: node.title })}
                    >
                      {t('console.documents.editLink')}
                    </Link>
                    {' · '}
                    <Link
                      to={`/read/${node.id}/publish`}
                      aria-label={t('console.documents.publishOf', { title: node.title })}
                    >
                      {t('console.documents.publishVersion')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {connection?.pageInfo.hasNextPage && (
        <p className="hint">
          {t('console.documents.more', { shown: connection.edges.length, total: connection.totalCount })}
        </p>
      )}
    </section>
  );
}
