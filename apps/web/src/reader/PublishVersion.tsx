import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import {
  PublishSourceDocument,
  PublishVersionDocument,
  ReaderAnnotationsDocument,
  OrphanedAnnotationsDocument,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { BusyButton } from '../ui/BusyButton';

interface Summary {
  readonly number: number;
  readonly carried: number;
  readonly byState: Record<string, number>;
  readonly orphaned: number;
}

/** Moderators: publish a new version (Markdown + change note), then see how the annotations were re-anchored. */
export function PublishVersion() {
  const id = useId();
  const client = useApolloClient();
  const documentId = useParams()['documentId'] ?? '';
  const { data, loading, error } = useQuery(PublishSourceDocument, { variables: { documentId } });
  const [markdown, setMarkdown] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [publish, publishing] = useMutation(PublishVersionDocument);

  useEffect(() => {
    if (data?.document.latestVersion) setMarkdown(data.document.latestVersion.sourceMarkdown);
  }, [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await publish({ variables: { input: { documentId, markdown, changeNote } } }).catch(() => null);
    const published = result?.data?.publishDocumentVersion;
    if (!published) return;
    const number = published.version.number;
    const [annotations, orphans] = await Promise.all([
      client.query({
        query: ReaderAnnotationsDocument,
        variables: { documentId, number, filter: {} },
        fetchPolicy: 'network-only',
      }),
      client.query({
        query: OrphanedAnnotationsDocument,
        variables: { documentId, number },
        fetchPolicy: 'network-only',
      }),
    ]);
    const byState: Record<string, number> = { EXACT: 0, MOVED: 0, FUZZY: 0 };
    for (const edge of annotations.data?.document.versionByNumber?.annotations.edges ?? []) {
      const state = edge.node.anchor?.status;
      if (state && state !== 'ORPHANED') byState[state] = (byState[state] ?? 0) + 1;
    }
    setSummary({
      number,
      carried: published.reanchoredAnnotations,
      byState,
      orphaned: orphans.data?.document.versionByNumber?.orphanedAnnotations.totalCount ?? 0,
    });
  }

  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (summary) {
    return (
      <div className="page publish">
        <h1>
          <FormattedMessage id="reader.publish.done" values={{ number: summary.number }} />
        </h1>
        <ul className="reanchor-summary">
          <li>
            <FormattedMessage id="reader.publish.carried" values={{ count: summary.carried }} />
          </li>
          {(['EXACT', 'MOVED', 'FUZZY'] as const).map((state) => (
            <li key={state}>
              <FormattedMessage id={`reader.publish.state.${state}`} values={{ count: summary.byState[state] ?? 0 }} />
            </li>
          ))}
          <li>
            <FormattedMessage id="reader.publish.state.ORPHANED" values={{ count: summary.orphaned }} />
          </li>
        </ul>
        <Link to={`/read/${documentId}/${summary.number}`}>
          <FormattedMessage id="reader.publish.read" values={{ number: summary.number }} />
        </Link>
      </div>
    );
  }
  return (
    <div className="page publish">
      <h1>
        <FormattedMessage id="reader.publish.title" />
      </h1>
      <p>
        {data?.document.reference} — {data?.document.title}
      </p>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-md`}>
          <FormattedMessage id="reader.publish.markdown" />
        </label>
        <textarea
          id={`${id}-md`}
          dir="auto"
          rows={20}
          required
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
        />
        <label htmlFor={`${id}-note`}>
          <FormattedMessage id="reader.publish.note" />
        </label>
        <input id={`${id}-note`} required value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
        {publishing.error && <ErrorMessage error={publishing.error} />}
        <div className="actions">
          <BusyButton type="submit" className="primary" busy={publishing.loading}>
            <FormattedMessage id="reader.publish.submit" />
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
