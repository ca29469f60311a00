import { useIntl } from 'react-intl';
import { Link } from 'react-router';

export interface Crumb {
  readonly label: string;
  /** Omitted for the current page, which is not a link (a trail may also end at the page's parent, a link). */
  readonly to?: string;
}

/**
 * Where the page sits ("Home › My account › Organisations › FMO"): a crumb with `to` is a link, one without is the
 * current page (`aria-current`). Labels are isolated (`<bdi>`): names in Arabic or French read right in either.
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const intl = useIntl();
  return (
    <nav className="breadcrumbs" aria-label={intl.formatMessage({ id: 'nav.breadcrumbs' })}>
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.to ? (
              <Link to={item.to}>
                <bdi>{item.label}</bdi>
              </Link>
            ) : (
              <span aria-current="page">
                <bdi>{item.label}</bdi>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
