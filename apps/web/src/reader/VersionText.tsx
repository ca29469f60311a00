import { memo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ReaderAnnotation } from './use-annotations';
import { MOTIVATION_GLYPHS } from './glyphs';
import { regionsOf, type SectionView } from './model';
import { SKIP_ATTRIBUTE, splitBlocks } from './text-map';

export interface MarkerInfo {
  readonly annotation: ReaderAnnotation;
  /** Where the marker is drawn: the end of its passage. */
  readonly end: number;
}

interface VersionTextProps {
  readonly plainText: string;
  readonly sections: readonly SectionView[];
  readonly markers: readonly MarkerInfo[];
  readonly onOpen: (annotationId: string) => void;
  readonly onFocusMarker: (annotationId: string | null) => void;
}

const looksLikeHeading = (text: string): boolean => text.length < 120 && !/[.:;»)]$/.test(text.trim());

/**
 * The version's plain text, article by article (`<section id="art-7">`), each block (text between blank lines) in
 * an element carrying its offset (see text-map.ts). Markers (one focusable button per visible annotation, after the
 * block where its passage ends) are outside the text (`data-text-skip`): they let keyboards and screen readers reach
 * each highlight.
 */
export const VersionText = memo(function VersionText({
  plainText,
  sections,
  markers,
  onOpen,
  onFocusMarker,
}: VersionTextProps) {
  const intl = useIntl();
  const regions = regionsOf(plainText, sections);
  // Each marker goes after the block holding the last character of its passage.
  const blockStarts = splitBlocks(plainText).map((block) => block.start);
  const markersByBlock = new Map<number, MarkerInfo[]>();
  for (const marker of markers) {
    let low = 0;
    let high = blockStarts.length - 1;
    let found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (blockStarts[middle] < marker.end) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const key = blockStarts[found] ?? 0;
    markersByBlock.set(key, [...(markersByBlock.get(key) ?? []), marker]);
  }

  function blockElements(from: number, to: number, headingOffset: number | null): ReactNode[] {
    const blocks = splitBlocks(plainText, from, to);
    return blocks.map((block) => {
      const own = markersByBlock.get(block.start) ?? [];
      const markerButtons = own.length > 0 && (
        <span className="markers" {...{ [SKIP_ATTRIBUTE]: '' }}>
          {own.map(({ annotation }) => (
            <button
              key={annotation.id}
              type="button"
              className="marker"
              data-annotation={annotation.id}
              data-motivation={annotation.motivation}
              data-anchor={annotation.anchor?.status ?? 'EXACT'}
              aria-label={
                intl.formatMessage(
                  { id: 'reader.marker.label' },
                  {
                    motivation: intl.formatMessage({ id: `reader.motivation.${annotation.motivation}` }),
                    author: annotation.author?.displayName ?? '—',
                    quote: (annotation.anchor?.target?.exact ?? annotation.target.exact).slice(0, 80),
                    replies: annotation.replyCount,
                  },
                ) +
                (annotation.anchor && annotation.anchor.status !== 'EXACT'
                  ? ` — ${intl.formatMessage(
                      { id: `reader.anchor.${annotation.anchor.status}` },
                      { score: Math.round(annotation.anchor.score * 100) },
                    )}`
                  : '')
              }
              onClick={() => onOpen(annotation.id)}
              onFocus={() => onFocusMarker(annotation.id)}
              onBlur={() => onFocusMarker(null)}
            >
              <span aria-hidden="true">{MOTIVATION_GLYPHS[annotation.motivation]}</span>
            </button>
          ))}
        </span>
      );
      const attributes = { 'data-offset': block.start };
      if (headingOffset === block.start) {
        return (
          <h2 key={block.start} className="article-heading" {...attributes}>
            {block.text}
            {markerButtons}
          </h2>
        );
      }
      if (headingOffset === null && looksLikeHeading(block.text)) {
        return (
          <p key={block.start} className="part-heading" {...attributes}>
            {block.text}
            {markerButtons}
          </p>
        );
      }
      return (
        <p key={block.start} {...attributes}>
          {block.text}
          {markerButtons}
        </p>
      );
    });
  }

  return (
    <>
      {regions.map((region) =>
        region.kind === 'gap' ? (
          <div key={`gap-${region.start}`} className="gap">
            {blockElements(region.start, region.end, null)}
          </div>
        ) : (
          <section
            key={region.section.key}
            id={region.section.key}
            className="article"
            aria-label={region.section.heading}
            tabIndex={-1}
          >
            {blockElements(region.section.start, region.section.end, region.section.start)}
          </section>
        ),
      )}
    </>
  );
});
