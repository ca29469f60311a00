import { FormattedMessage, useIntl } from 'react-intl';

interface TocProps {
  readonly sections: readonly { key: string; number: number; title: string; heading: string }[];
  readonly counts: readonly { sectionKey: string; count: number }[];
}

/**
 * Table of contents with each article's annotation count as a heat-map: the number is written, and a bar whose
 * length (not only its colour) grows with the count.
 */
export function Toc({ sections, counts }: TocProps) {
  const intl = useIntl();
  const countOf = new Map(counts.map((entry) => [entry.sectionKey, entry.count]));
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  return (
    <nav className="toc" aria-label={intl.formatMessage({ id: 'reader.toc.title' })}>
      <h2>
        <FormattedMessage id="reader.toc.title" />
      </h2>
      <ol>
        {sections.map((section) => {
          const count = countOf.get(section.key) ?? 0;
          const level = count === 0 ? 0 : Math.ceil((count / max) * 4);
          return (
            <li key={section.key}>
              <a href={`#${section.key}`} data-heat={level}>
                <span className="toc-title">
                  <bdi>{section.heading}</bdi>
                </span>
                <span className="heat" aria-hidden="true">
                  <span className="heat-bar" style={{ inlineSize: `${(count / max) * 100}%` }} />
                </span>
                <span className="toc-count">
                  <FormattedMessage id="reader.toc.count" values={{ count }} />
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
