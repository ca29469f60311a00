import { useEffect } from 'react';
import { MOTIVATIONS, type Segment } from './highlight-layout';
import { offsetsToRange } from './text-map';

/** Highlight names registered with the CSS Custom Highlight API (styled with ::highlight(name) in styles.css). */
export const HIGHLIGHT_NAMES = [
  ...MOTIVATIONS.map((motivation) => `majlis-${motivation.toLowerCase()}`),
  'majlis-depth-2',
  'majlis-depth-3',
  'majlis-active',
  'majlis-cursor',
] as const;

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Draws the segments over the text without touching the DOM (so the text nodes, and the offset mapping, stay as
 * rendered). Each segment is drawn once with its primary motivation's cue, plus a darker layer where annotations
 * overlap; the active annotation and the keyboard cursor get layers of their own.
 */
export function useHighlights(
  root: HTMLElement | null,
  segments: readonly Segment[],
  active: { start: number; end: number } | null,
  cursor: { start: number; end: number } | null,
): void {
  useEffect(() => {
    if (!root || !supported()) return;
    const layers = new Map<string, Range[]>();
    const add = (name: string, range: Range | null) => {
      if (!range) return;
      const list = layers.get(name) ?? [];
      list.push(range);
      layers.set(name, list);
    };
    for (const segment of segments) {
      const range = offsetsToRange(root, segment.start, segment.end);
      add(`majlis-${segment.primary.toLowerCase()}`, range);
      if (segment.depth >= 2)
        add(segment.depth >= 3 ? 'majlis-depth-3' : 'majlis-depth-2', range?.cloneRange() ?? null);
    }
    if (active) add('majlis-active', offsetsToRange(root, active.start, active.end));
    if (cursor) add('majlis-cursor', offsetsToRange(root, cursor.start, cursor.end));
    for (const name of HIGHLIGHT_NAMES) {
      const ranges = layers.get(name);
      if (ranges?.length) {
        const highlight = new Highlight(...ranges);
        highlight.priority =
          name === 'majlis-cursor' ? 4 : name === 'majlis-active' ? 3 : name.startsWith('majlis-depth') ? 1 : 2;
        CSS.highlights.set(name, highlight);
      } else {
        CSS.highlights.delete(name);
      }
    }
  }, [root, segments, active, cursor]);

  useEffect(
    () => () => {
      if (supported()) for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
    },
    [],
  );
}
