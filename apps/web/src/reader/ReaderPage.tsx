import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { AnnotationCard } from '../annotations/AnnotationCard';
import { AnnotationComposer } from '../annotations/AnnotationComposer';
import { useSession } from '../app/session';
import { ArticleThreads } from '../spaces/ArticleThreads';
import { ReaderVersionDocument, type AnnotationFilterInput } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { Filters } from './Filters';
import { KeyboardHelp } from './KeyboardHelp';
import { useLinkTarget } from './link-target';
import { layoutHighlights, readingOrder, segmentAt, type Span } from './highlight-layout';
import { useHighlights } from './highlights';
import { spanOf } from './model';
import { OrphansPanel } from './OrphansPanel';
import { cursorAt, moveCursor, segmentText, type Cursor, type Move, type Units } from './reading-cursor';
import { offsetsToRange, pointToOffset, rangeToTarget, targetFromOffsets, type TextTarget } from './text-map';
import { Toc } from './Toc';
import { useAnnotations } from './use-annotations';
import { useLiveAnnotations } from './use-live-annotations';
import { VersionText, type MarkerInfo } from './VersionText';
import { FollowButton } from '../notifications/FollowButton';

type Panel = { kind: 'card'; id: string } | { kind: 'compose'; target: TextTarget } | { kind: 'none' };

export function ReaderPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const params = useParams();
  const session = useSession();
  const documentId = params['documentId'] ?? '';
  const number = Number(params['versionNumber'] ?? '1');
  const [filter, setFilter] = useState<AnnotationFilterInput>({});
  const { data, loading, error, refetch } = useQuery(ReaderVersionDocument, { variables: { documentId, number } });
  const visible = useAnnotations(documentId, number, filter);
  useLiveAnnotations(documentId, visible.annotations, visible.refresh);
  const [textRoot, setTextRoot] = useState<HTMLElement | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [selection, setSelection] = useState<TextTarget | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const units = useRef<Units | null>(null);

  const document_ = data?.document;
  const version = document_?.versionByNumber ?? null;
  const { annotations } = visible;
  const spans = useMemo(() => annotations.map(spanOf).filter((span): span is Span => span !== null), [annotations]);
  const segments = useMemo(() => layoutHighlights(spans), [spans]);
  const order = useMemo(() => readingOrder(spans), [spans]);
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
  useHighlights(textRoot, segments, activeSpan, panel.kind === 'compose' ? panel.target : cursor);
  useEffect(() => {
    units.current = null;
    setCursor(null);
  }, [version?.id]);

  // A selection inside the text (mouse, touch long-press) becomes a target.
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
  const annotationIds = useMemo(() => annotations.map((annotation) => annotation.id), [annotations]);
  // The place the address names (an article `#art-7`, an annotation `?annotation=`) is opened once the text is in.
  const linkedArticle = useLinkTarget(textRoot, annotationIds, open);

  const onTextClick = useCallback(
    (event: MouseEvent) => {
      if ((event.target as Element).closest('button')) return;
      if (!textRoot || !window.getSelection()?.isCollapsed) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      if (!caret) return;
      const offset = pointToOffset(textRoot, { node: caret.offsetNode, offset: caret.offset });
      const segment = offset === null ? null : segmentAt(segments, offset);
      if (segment?.ids[0]) open(segment.ids[0]);
    },
    [textRoot, segments, open],
  );

  const showCursor = useCallback(
    (next: Cursor | null) => {
      setCursor(next);
      if (!next || !textRoot) return;
      const rect = offsetsToRange(textRoot, next.start, next.end)?.getBoundingClientRect();
      if (rect && (rect.top < 80 || rect.bottom > window.innerHeight - 40)) {
        window.scrollBy({ top: rect.top - window.innerHeight / 3 });
      }
    },
    [textRoot],
  );

  const goToHighlight = useCallback(
    (step: 1 | -1) => {
      if (order.length === 0) return;
      const current = activeId ? order.indexOf(activeId) : -1;
      const index =
        current === -1 ? (step === 1 ? 0 : order.length - 1) : (current + step + order.length) % order.length;
      const id = order[index];
      const span = spans.find((candidate) => candidate.id === id);
      open(id);
      if (span) showCursor({ start: span.start, end: span.end, anchor: span.start });
    },
    [order, activeId, spans, open, showCursor],
  );

  const onTextKey = useCallback(
    (event: KeyboardEvent) => {
      if (!version || event.target !== event.currentTarget) return;
      const rtl = document.documentElement.dir === 'rtl';
      const moves: Record<string, Move> = {
        ArrowRight: rtl ? 'previous-word' : 'next-word',
        ArrowLeft: rtl ? 'next-word' : 'previous-word',
        ArrowDown: 'next-sentence',
        ArrowUp: 'previous-sentence',
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        units.current ??= segmentText(version.plainText, document_?.language.toLowerCase() ?? 'fr');
        showCursor(
          cursor
            ? moveCursor(cursor, units.current, move, event.shiftKey)
            : moveCursor(null, units.current, move, false),
        );
      } else if (event.key === 'Enter' && cursor) {
        event.preventDefault();
        const target = targetFromOffsets(version.plainText, cursor.start, cursor.end);
        if (target) setPanel({ kind: 'compose', target });
      } else if (event.key === ']' || event.key === '[') {
        event.preventDefault();
        goToHighlight(event.key === ']' ? 1 : -1);
      } else if (event.key === '?') {
        event.preventDefault();
        setHelpOpen((value) => !value);
      } else if (event.key === 'Escape') {
        setPanel({ kind: 'none' });
        setCursor(null);
      }
    },
    [version, document_, cursor, showCursor, goToHighlight],
  );

  const onTextFocus = useCallback(() => {
    if (cursor || !version) return;
    const hash = window.location.hash.slice(1);
    const section = version.sections.find((candidate) => candidate.key === hash);
    units.current ??= segmentText(version.plainText, document_?.language.toLowerCase() ?? 'fr');
    setCursor(cursorAt(units.current, section?.start ?? 0));
  }, [cursor, version, document_]);

  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!document_ || !version) return null;

  const latest = document_.versions.reduce((max, candidate) => Math.max(max, candidate.number), 0);
  const canAnnotate = document_.isOpenForComment && version.number === latest;
  const isModerator = session.viewer?.platformRole === 'MODERATOR' || session.viewer?.platformRole === 'ADMIN';
  const cursorText = cursor ? version.plainText.slice(cursor.start, cursor.end) : '';

  return (
    <div className="reader">
      <header className="reader-header">
        <p className="reference">{document_.reference}</p>
        <h1>
          <bdi lang={document_.language.toLowerCase()}>{document_.title}</bdi>
        </h1>
        <div className="reader-tools">
          <label className="inline">
            <FormattedMessage id="reader.version" />{' '}
            <select value={version.number} onChange={(e) => navigate(`/read/${documentId}/${e.target.value}`)}>
              {document_.versions.map((candidate) => (
                <option key={candidate.id} value={candidate.number}>
                  {intl.formatMessage({ id: 'reader.versionNumber' }, { number: candidate.number })}
                </option>
              ))}
            </select>
          </label>
          {version.number > 1 && (
            <Link to={`/read/${documentId}/${version.number}/changes`}>
              <FormattedMessage id="reader.changes.link" values={{ from: version.number - 1, to: version.number }} />
            </Link>
          )}
          {isModerator && (
            <>
              <Link to={`/read/${documentId}/publish`}>
                <FormattedMessage id="reader.publish.link" />
              </Link>
              <Link to={`/console/documents/${documentId}`}>
                <FormattedMessage id="reader.edit.link" />
              </Link>
            </>
          )}
          <FollowButton subjectType="DOCUMENT" subjectId={documentId} labelId="notifications.follow.document" />
          <button type="button" onClick={() => setHelpOpen((value) => !value)} aria-expanded={helpOpen}>
            <FormattedMessage id="reader.keys.button" />
          </button>
        </div>
        {version.changeNote && (
          <p className="change-note">
            <FormattedMessage
              id="reader.changeNote"
              values={{ note: <bdi lang={document_.language.toLowerCase()}>{version.changeNote}</bdi> }}
            />
          </p>
        )}
        <Filters filter={filter} onChange={setFilter} annotations={annotations} />
        <p className="count" role="status">
          {visible.loading ? (
            <FormattedMessage id="common.loading" />
          ) : (
            <FormattedMessage id="reader.visibleCount" values={{ count: visible.totalCount }} />
          )}
        </p>
        {visible.error !== null && <ErrorMessage error={visible.error} onRetry={visible.refetch} />}
        {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
      </header>
      <Toc sections={version.sections} counts={version.annotationCountsBySection} />
      <div
        className="version-text"
        ref={setTextRoot}
        lang={document_.language.toLowerCase()}
        dir={document_.language === 'AR' ? 'rtl' : 'ltr'}
        onClick={onTextClick}
        onKeyDown={onTextKey}
        onFocus={onTextFocus}
        tabIndex={0}
        role="region"
        aria-label={intl.formatMessage({ id: 'reader.textLabel' })}
        aria-describedby="reader-keys-summary"
      >
        <p id="reader-keys-summary" className="visually-hidden">
          <FormattedMessage id="reader.keys.summary" />
        </p>
        <VersionText
          plainText={version.plainText}
          sections={version.sections}
          markers={markers}
          onOpen={open}
          onFocusMarker={setFocused}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {cursorText.length > 200 ? `${cursorText.slice(0, 200)}…` : cursorText}
      </p>
      <aside className="side-panel" aria-label={intl.formatMessage({ id: 'reader.panel' })}>
        {selection && panel.kind !== 'compose' && canAnnotate && (
          <button
            type="button"
            className="primary annotate"
            onClick={() => setPanel({ kind: 'compose', target: selection })}
          >
            <FormattedMessage id="reader.annotateSelection" />
          </button>
        )}
        {!canAnnotate && (
          <p className="hint">
            <FormattedMessage id={document_.isOpenForComment ? 'reader.oldVersion' : 'reader.closed'} />
          </p>
        )}
        {panel.kind === 'compose' && (
          <AnnotationComposer
            version={{ id: version.id, number: version.number, documentId }}
            target={panel.target}
            onPosted={(id) => {
              window.getSelection()?.removeAllRanges();
              setSelection(null);
              setCursor(null);
              visible.refetch();
              void refetch();
              setPanel({ kind: 'card', id });
            }}
            onCancel={() => setPanel({ kind: 'none' })}
          />
        )}
        {panel.kind === 'card' && (
          <>
            <button type="button" className="link close" onClick={() => setPanel({ kind: 'none' })}>
              <FormattedMessage id="common.close" />
            </button>
            <AnnotationCard
              annotationId={panel.id}
              anchor={annotations.find((annotation) => annotation.id === panel.id)?.anchor ?? null}
              onDeleted={() => {
                setPanel({ kind: 'none' });
                visible.refetch();
                void refetch();
              }}
            />
          </>
        )}
        {panel.kind === 'none' && !selection && (
          <p className="hint">
            <FormattedMessage id="reader.hint" />
          </p>
        )}
        {version.number > 1 && <OrphansPanel documentId={documentId} number={version.number} onOpen={open} />}
        <ArticleThreads
          key={version.id}
          documentId={documentId}
          versionNumber={version.number}
          sections={version.sections}
          initialArticle={linkedArticle}
        />
      </aside>
    </div>
  );
}
