/**
 * Highlight layout: visible annotations (possibly overlapping) → disjoint segments of the plain text, each knowing
 * which annotations cover it. The reader draws each segment once: its decoration (a cue that is not colour) comes
 * from its primary motivation, its background darkens with the number of overlapping annotations, so that
 * overlaps stay readable instead of stacking translucent colours into mud.
 */
export const MOTIVATIONS = ['OBJECTING', 'AMENDING', 'QUESTIONING', 'COMMENTING', 'SUPPORTING'] as const;
export type MotivationName = (typeof MOTIVATIONS)[number];

export interface Span {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly motivation: MotivationName;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Covering annotations, shortest first (the most specific one is the one a click opens). */
  readonly ids: readonly string[];
  /** The motivation whose cue is drawn: the most pressing one present (objections before support). */
  readonly primary: MotivationName;
  /** How many annotations overlap here (1, 2, 3 … ); the background is capped at 3 levels. */
  readonly depth: number;
}

const rank = (motivation: MotivationName): number => MOTIVATIONS.indexOf(motivation);

export function layoutHighlights(spans: readonly Span[]): Segment[] {
  const valid = spans.filter((span) => span.end > span.start);
  const cuts = new Set<number>();
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let active: Span[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    active = active.filter((span) => span.end > start);
    while (next < byStart.length && byStart[next].start <= start) {
      if (byStart[next].end > start) active.push(byStart[next]);
      next++;
    }
    if (active.length === 0) continue;
    const ordered = [...active].sort((a, b) => a.end - a.start - (b.end - b.start) || a.id.localeCompare(b.id));
    const primary = active.reduce(
      (best, span) => (rank(span.motivation) < rank(best) ? span.motivation : best),
      active[0].motivation,
    );
    const previous = segments[segments.length - 1];
    const ids = ordered.map((span) => span.id);
    if (previous && previous.end === start && previous.primary === primary && sameIds(previous.ids, ids)) {
      segments[segments.length - 1] = { ...previous, end };
    } else {
      segments.push({ start, end, ids, primary, depth: active.length });
    }
  }
  return segments;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The segment under an offset, if any (binary search; segments are sorted and disjoint). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | null {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (offset < segment.start) high = middle - 1;
    else if (offset >= segment.end) low = middle + 1;
    else return segment;
  }
  return null;
}

/** Annotation ids in reading order (by start, then end): the order of the "next highlight" key. */
export function readingOrder(spans: readonly Span[]): string[] {
  return [...spans]
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id))
    .map((span) => span.id);
}
