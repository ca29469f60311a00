import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { OrphanedAnnotationsDocument } from '../graphql/generated/graphql';
import { MOTIVATION_GLYPHS } from './glyphs';

/** Annotations whose passage is gone from this version, each with the text it was about. */
export function OrphansPanel({
  documentId,
  number,
  onOpen,
}: {
  documentId: string;
  number: number;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  const { data } = useQuery(OrphanedAnnotationsDocument, { variables: { documentId, number } });
  const orphans = data?.document.versionByNumber?.orphanedAnnotations;
  if (!orphans || orphans.totalCount === 0) return null;
  return (
    <details className="orphans">
      <summary>
        <FormattedMessage id="reader.orphans.title" values={{ count: orphans.totalCount }} />
      </summary>
      <p className="hint">
        <FormattedMessage id="reader.orphans.explain" />
      </p>
      <ul>
        {orphans.edges.map(({ node }) => (
          <li key={node.id}>
            <button type="button" className="link" onClick={() => onOpen(node.id)}>
              <span aria-hidden="true">{MOTIVATION_GLYPHS[node.motivation]} </span>
              {intl.formatMessage({ id: `reader.motivation.${node.motivation}` })} — {node.author?.displayName ?? '—'}
            </button>
            <blockquote className="quote">{node.target.exact}</blockquote>
          </li>
        ))}
      </ul>
    </details>
  );
}
