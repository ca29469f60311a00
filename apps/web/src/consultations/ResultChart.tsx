import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { KindGroup } from '../graphql/generated/graphql';

export interface OptionCounts {
  readonly option: string;
  readonly count: number;
  readonly byKind: readonly { readonly kind: KindGroup; readonly count: number }[];
}

export const KIND_ORDER: readonly KindGroup[] = ['FEDERATION', 'COMPANY', 'INSTITUTION', 'MINISTRY', 'OTHER'];

/** The kinds that appear in these counts, in a fixed order (so colours and columns stay put from one question to the next). */
export function kindsIn(options: readonly OptionCounts[]): KindGroup[] {
  const present = new Set(options.flatMap((option) => option.byKind.filter((k) => k.count > 0).map((k) => k.kind)));
  return KIND_ORDER.filter((kind) => present.has(kind));
}

/**
 * Counts per option, split by organisation kind: a bar chart drawn with Observable Plot (for the eye, hidden from
 * screen readers) beside a table that holds the same figures (for everyone: screen readers, keyboard, copying).
 */
export function ResultChart({ options, title }: { options: readonly OptionCounts[]; title: ReactNode }) {
  const intl = useIntl();
  const id = useId();
  const kinds = kindsIn(options);
  const kindName = (kind: KindGroup) => intl.formatMessage({ id: `consultations.kind.${kind}` });
  return (
    <figure className="result-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="visually-hidden">
        <FormattedMessage id="consultations.results.chartCaption" values={{ title }} />
      </figcaption>
      <PlotBars options={options} kindName={kindName} rtl={intl.locale === 'ar'} />
      <table className="result-table">
        <caption>
          <FormattedMessage id="consultations.results.tableCaption" values={{ title }} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="consultations.results.option" />
            </th>
            {kinds.map((kind) => (
              <th scope="col" key={kind}>
                {kindName(kind)}
              </th>
            ))}
            <th scope="col">
              <FormattedMessage id="consultations.results.total" />
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((option) => (
            <tr key={option.option}>
              <th scope="row" dir="auto">
                {option.option}
              </th>
              {kinds.map((kind) => (
                <td key={kind} className="number">
                  {intl.formatNumber(option.byKind.find((k) => k.kind === kind)?.count ?? 0)}
                </td>
              ))}
              <td className="number">{intl.formatNumber(option.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The chart itself; Plot is loaded on demand (only results pages need it). */
function PlotBars({
  options,
  kindName,
  rtl,
}: {
  options: readonly OptionCounts[];
  kindName: (kind: KindGroup) => string;
  rtl: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = options.flatMap((option) =>
    option.byKind
      .filter((k) => k.count > 0)
      .map((k) => ({ option: option.option, kind: kindName(k.kind), count: k.count })),
  );
  const key = JSON.stringify([rows, rtl]);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let current = true;
    void import('@observablehq/plot').then((Plot) => {
      if (!current) return;
      const chart = Plot.plot({
        marginLeft: rtl ? 20 : 140,
        marginRight: rtl ? 140 : 20,
        height: Math.max(80, options.length * 36 + 40),
        x: { grid: true, label: null, reverse: rtl, tickFormat: 'd' },
        y: { label: null, domain: options.map((option) => option.option), axis: rtl ? 'right' : 'left' },
        color: { legend: true },
        marks: [Plot.barX(rows, { y: 'option', x: 'count', fill: 'kind' }), Plot.ruleX([0])],
      });
      chart.setAttribute('aria-hidden', 'true');
      container.replaceChildren(chart);
    });
    return () => {
      current = false;
    };
    // `key` stands for rows, options and direction.
  }, [key]);
  return <div className="result-chart" ref={ref} aria-hidden="true" />;
}
