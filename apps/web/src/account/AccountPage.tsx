import type { ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { usePageTitle } from '../app/page-title';
import { Breadcrumbs, type Crumb } from '../ui/Breadcrumbs';

/** The first crumbs of every page of one's account: Home › My account. */
export function accountTrail(intl: IntlShape): Crumb[] {
  return [
    { label: intl.formatMessage({ id: 'nav.home' }), to: '/' },
    { label: intl.formatMessage({ id: 'account.title' }), to: '/account' },
  ];
}

/**
 * A page of one's account (password, personal data, organisations): its title (the document's too) as breadcrumbs
 * Home › My account › title and as its heading, then the page.
 */
export function AccountPage({ titleId, children }: { titleId: string; children: ReactNode }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: titleId });
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs items={[...accountTrail(intl), { label: title }]} />
      <h1>{title}</h1>
      {children}
    </>
  );
}
