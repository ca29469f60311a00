import { useIntl } from 'react-intl';
import { NavLink, useLocation } from 'react-router';

export interface Section {
  readonly to: string;
  readonly messageId: string;
  /** True when only the exact path is this section; otherwise every path under it is. */
  readonly end: boolean;
}

/** A list of a page's sections, the current one marked for sight and for screen readers (`aria-current="page"`). */
export function SectionLinks({ sections }: { sections: readonly Section[] }) {
  const intl = useIntl();
  const { pathname } = useLocation();
  return (
    <ul>
      {sections.map((section) => {
        const here = section.end ? pathname === section.to : pathname.startsWith(section.to);
        return (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end} aria-current={here ? 'page' : undefined} className="">
              {intl.formatMessage({ id: section.messageId })}
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}
