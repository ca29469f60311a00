import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { AnnotationCard } from '../annotations/AnnotationCard';
import { AnnotationComposer } from '../annotations/AnnotationComposer';
import {
  ReaderVersionDocument,
  type AnnotationFilterInput,
  type ReaderAnnotationFragment,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { Filters } from './Filters';
import { layoutHighlights, segmentAt, type Span } from './highlight-layout';
import { useHighlights } from './highlights';
import { spanOf } from './model';
import { rangeToTarget, pointToOffset, type TextTarget } from './text-map';
import { Toc } from './Toc';
import { VersionText, type MarkerInfo } from './VersionText';

type Panel = { kind: 'card'; id: string } | { kind: 'compose'; target: TextTarget } | { kind: 'none' };

export function ReaderPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const params = useParams();
  const documentId = params['documentId'] ?? '';
  const number = Number(params['versionNumber'] ?? '1');
  const [filter, setFilter] = useState<AnnotationFilterInput>({});
  const { data, loading, error, refetch } = useQuery(ReaderVersionDocument, {
    variables: { documentId, number, filter },
  });
  const [textRoot, setTextRoot] = useState<HTMLElement | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [selection, setSelection] = useState<TextTarget | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);

  const document_ = data?.document;
  const version = document_?.versionByNumber ?? null;
  const annotations = useMemo<ReaderAnnotationFragment[]>(
    () => version?.annotations.edges.map((edge) => edge.node) ?? [],
    [version],
  );
  const spans = useMemo(() => annotations.map(spanOf).filter((span): span is Span => span !== null), [annotations]);
  const segments = useMemo(() => layoutHighlights(spans), [spans]);
  const markers = useMemo<MarkerInfo[]>(
    () =>
      annotations.flatMap((annotation) => {
        const span = spanOf(annotation);
        return span ? [{ annotation, end: span.end }] : [];
      }),
    [annotations],
  );
  const activeId = panel.kind === 'card' ? panel.id : focused;
  const activeSpan = useMemo(() => spans.find((span) => span.id === activeId) ?? null, [spans, activeId]);
  useHighlights(textRoot, segments, activeSpan, panel.kind === 'compose' ? panel.target : null);

  // A selection inside the text (mouse, touch long-press, or the browser's own caret browsing) becomes a target.
  useEffect(() => {
    if (!textRoot || !version) return;
    const onChange = () => {
      const current = window.getSelection();
      if (!current || current.rangeCount === 0 || current.isCollapsed) return setSelection(null);
      const range = current.getRangeAt(0);
      if (!textRoot.contains(range.commonAncestorContainer)) return setSelection(null);
      setSelection(rangeToTarget(textRoot, version.plainText, range));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [textRoot, version]);

  const open = useCallback((id: string) => setPanel({ kind: 'card', id }), []);

  const onTextClick = useCallback(
    (event: React.MouseEvent) => {
      if (!textRoot || !window.getSelection()?.isCollapsed) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      if (!caret) return;
      const offset = pointToOffset(textRoot, { node: caret.offsetNode, offset: caret.offset });
      const segment = offset === null ? null : segmentAt(segments, offset);
      if (segment?.ids[0]) open(segment.ids[0]);
    },
    [textRoot, segments, open],
  );

  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!document_ || !version) return <ErrorMessage error={new Error('NOT_FOUND')} />;

  const canAnnotate = document_.isOpenForComment && version.number === document_.versions.at(-1)?.number;

  return (
    <div className="reader">
      <header className="reader-header">
        <p className="reference">{document_.reference}</p>
        <h1 lang={document_.language.toLowerCase()}>{document_.title}</h1>
        <div className="reader-tools">
          <label>
            <FormattedMessage id="reader.version" />{' '}
            <select value={version.number} onChange={(e) => navigate(`/read/${documentId}/${e.target.value}`)}>
              {document_.versions.map((candidate) => (
                <option key={candidate.id} value={candidate.number}>
                  {intl.formatMessage({ id: 'reader.versionNumber' }, { number: candidate.number })}
                </option>
              ))}
            </select>
          </label>
          <Filters filter={filter} onChange={setFilter} annotations={annotations} />
          <p className="count" role="status">
            <FormattedMessage id="reader.visibleCount" values={{ count: version.annotations.totalCount }} />
          </p>
        </div>
      </header>
      <Toc sections={version.sections} counts={version.annotationCountsBySection} />
      <div
        className="version-text"
        ref={setTextRoot}
        lang={document_.language.toLowerCase()}
        onClick={onTextClick}
        aria-label={intl.formatMessage({ id: 'reader.textLabel' })}
        role="region"
      >
        <VersionText
          plainText={version.plainText}
          sections={version.sections}
          markers={markers}
          onOpen={open}
          onFocusMarker={setFocused}
        />
      </div>
      <aside className="side-panel" ref={panelRef} aria-label={intl.formatMessage({ id: 'reader.panel' })}>
        {selection && panel.kind !== 'compose' && canAnnotate && (
          <button
            type="button"
            className="primary annotate"
            onClick={() => setPanel({ kind: 'compose', target: selection })}
          >
            <FormattedMessage id="reader.annotateSelection" />
          </button>
        )}
        {panel.kind === 'compose' && (
          <AnnotationComposer
            version={{ id: version.id, number: version.number, documentId }}
            target={panel.target}
            onPosted={(id) => {
              window.getSelection()?.removeAllRanges();
              void refetch().then(() => setPanel({ kind: 'card', id }));
            }}
            onCancel={() => setPanel({ kind: 'none' })}
          />
        )}
        {panel.kind === 'card' && (
          <AnnotationCard
            annotationId={panel.id}
            anchor={annotations.find((annotation) => annotation.id === panel.id)?.anchor ?? null}
          />
        )}
        {panel.kind === 'none' && !selection && (
          <p className="hint">
            <FormattedMessage id="reader.hint" />
          </p>
        )}
      </aside>
    </div>
  );
}
