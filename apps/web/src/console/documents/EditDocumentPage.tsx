import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { ConsoleDocumentDocument } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/States';
import { EditDocumentForm } from './EditDocumentForm';

/** `/console/documents/:documentId`: a document's title, status and comment window, and where to go next. */
export function EditDocumentPage() {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const { documentId = '' } = useParams();
  const [conflict, setConflict] = useState(false);
  const { data, loading, error, refetch } = useQuery(ConsoleDocumentDocument, { variables: { id: documentId } });
  const doc = data?.document;
  usePageTitle(doc?.title ?? t('console.documents.list'));
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!doc) return null;
  return (
    <section className="console-section">
      <p>
        <Link to="/console/documents">{t('console.documents.back')}</Link>
      </p>
      {conflict && (
        <p className="banner banner-warning" role="alert">
          {t('console.documents.edit.conflict')}
        </p>
      )}
      <EditDocumentForm
        key={doc.version}
        document={doc}
        onConflict={async () => {
          setConflict(true);
          await refetch();
        }}
        onSaved={() => setConflict(false)}
      />
      <p className="actions">
        <Link to={`/read/${doc.id}/publish`}>{t('console.documents.publishVersion')}</Link>
        {doc.latestVersion && (
          <>
            {' · '}
            <Link to={`/read/${doc.id}/${doc.latestVersion.number}`}>{t('console.documents.read')}</Link>
          </>
        )}
      </p>
    </section>
  );
}
