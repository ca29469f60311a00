import { useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * The reader's one way to open the place a link names (a search hit, a notification, a thread's citation, the table
 * of contents): `?annotation=<id>` scrolls to its highlight and opens its conversation once it is among the version's
 * annotations; `#<article key>` scrolls to the article. Each link target is acted on once per rendered text (a new
 * version's text is scrolled again), so that reading on afterwards is not pulled back. Returns the article the
 * address names, for the panels that start on it.
 */
export function useLinkTarget(
  textRoot: HTMLElement | null,
  annotationIds: readonly string[],
  open: (annotationId: string) => void,
): string | null {
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const done = useRef<string | null>(null);
  const annotationId = params.get('annotation');
  useEffect(() => {
    done.current = null;
  }, [textRoot]);
  useEffect(() => {
    const key = `${annotationId ?? ''}${hash}`;
    if (!textRoot || !key || done.current === key) return;
    const article = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (annotationId && annotationIds.includes(annotationId)) {
      textRoot.querySelector(`[data-annotation="${CSS.escape(annotationId)}"]`)?.scrollIntoView({ block: 'center' });
      open(annotationId);
      done.current = key;
    } else {
      article?.scrollIntoView({ block: 'start' });
      if (!annotationId) done.current = key;
    }
  }, [textRoot, annotationIds, annotationId, hash, open]);
  return hash ? decodeURIComponent(hash.slice(1)) : null;
}
