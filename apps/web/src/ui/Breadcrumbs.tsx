import { useIntl } from 'react-intl';
import { Link } from 'react-router';

export interface Crumb {
  readonly label: string;
  /** Omitted for the current page (the last crumb), which is not a link. */
  readonly to?: string;
}

/** Where the page sits ("Home › My account › Organisations › FMO"); the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const intl = useIntl();
  return (
    <nav className="breadcrumbs" aria-label={intl.formatMessage({ id: 'nav.breadcrumbs' })}>
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.to && index < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
