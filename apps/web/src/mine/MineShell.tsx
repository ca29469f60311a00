import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { SectionLinks } from '../ui/SectionLinks';
import { usePageTitle } from '../app/page-title';
import { Breadcrumbs, type Crumb } from '../ui/Breadcrumbs';
import { accountTrail } from '../account/AccountPage';
import './mine.css';

/** The activity's own pages, as links (each has its address, so back and bookmarks work). */
const SECTIONS = [
  { to: '/account/activity', messageId: 'mine.annotations.title', end: true },
  { to: '/account/activity/threads', messageId: 'mine.threads.title', end: true },
  { to: '/account/activity/consultations', messageId: 'mine.consultations.title', end: true },
  { to: '/account/activity/reports', messageId: 'mine.reports.title', end: false },
] as const;

/** One page of "My activity": breadcrumbs, the activity's sections, the page's heading and content. */
export function MineShell({ title, crumbs = [], children }: { title: string; crumbs?: Crumb[]; children: ReactNode }) {
  const intl = useIntl();
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          ...accountTrail(intl),
          { label: intl.formatMessage({ id: 'mine.title' }), to: '/account/activity' },
          ...crumbs,
          { label: title },
        ]}
      />
      <nav className="mine-sections" aria-label={intl.formatMessage({ id: 'mine.sections' })}>
        <SectionLinks sections={SECTIONS} />
      </nav>
      <h1>{title}</h1>
      {children}
    </>
  );
}
