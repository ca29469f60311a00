import { useEffect } from 'react';
import { MOTIVATIONS, type Segment } from './highlight-layout';
import { TextIndex } from './text-map';

/** Highlight names registered with the CSS Custom Highlight API (styled with ::highlight(name) in styles.css). */
const SEGMENT_LAYERS = [
  ...MOTIVATIONS.map((motivation) => `majlis-${motivation.toLowerCase()}`),
  'majlis-depth-2',
  'majlis-depth-3',
];
const FOCUS_LAYERS = ['majlis-active', 'majlis-cursor'];
const PRIORITY: Record<string, number> = {
  'majlis-cursor': 4,
  'majlis-active': 3,
  'majlis-depth-2': 1,
  'majlis-depth-3': 1,
};

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

function draw(layers: Map<string, Range[]>, names: readonly string[]): void {
  for (const name of names) {
    const ranges = layers.get(name);
    if (ranges?.length) {
      const highlight = new Highlight(...ranges);
      highlight.priority = PRIORITY[name] ?? 2;
      CSS.highlights.set(name, highlight);
    } else {
      CSS.highlights.delete(name);
    }
  }
}

/**
 * Draws the segments over the text without touching the DOM (so the text nodes, and the offset mapping, stay as
 * rendered). Each segment is drawn once with its primary motivation's cue, plus a darker layer where annotations
 * overlap. The active annotation and the keyboard cursor are separate layers, redrawn alone when they move.
 */
export function useHighlights(
  root: HTMLElement | null,
  segments: readonly Segment[],
  active: { start: number; end: number } | null,
  cursor: { start: number; end: number } | null,
): void {
  useEffect(() => {
    if (!root || !supported()) return;
    const index = new TextIndex(root);
    const layers = new Map<string, Range[]>();
    const add = (name: string, range: Range) => {
      const list = layers.get(name);
      if (list) list.push(range);
      else layers.set(name, [range]);
    };
    for (const segment of segments) {
      const range = index.range(segment.start, segment.end);
      if (!range) continue;
      add(`majlis-${segment.primary.toLowerCase()}`, range);
      if (segment.depth >= 2) add(segment.depth >= 3 ? 'majlis-depth-3' : 'majlis-depth-2', range);
    }
    draw(layers, SEGMENT_LAYERS);
    // For the reader benchmark (bench/web-reader.bench.ts): when the first highlights were painted.
    if (segments.length > 0 && performance.getEntriesByName('majlis:highlights').length === 0) {
      requestAnimationFrame(() => performance.mark('majlis:highlights'));
    }
  }, [root, segments]);

  useEffect(() => {
    if (!root || !supported()) return;
    const index = new TextIndex(root);
    const layers = new Map<string, Range[]>();
    const activeRange = active && index.range(active.start, active.end);
    const cursorRange = cursor && index.range(cursor.start, cursor.end);
    if (activeRange) layers.set('majlis-active', [activeRange]);
    if (cursorRange) layers.set('majlis-cursor', [cursorRange]);
    draw(layers, FOCUS_LAYERS);
  }, [root, segments, active, cursor]);

  useEffect(
    () => () => {
      if (supported()) for (const name of [...SEGMENT_LAYERS, ...FOCUS_LAYERS]) CSS.highlights.delete(name);
    },
    [],
  );
}
