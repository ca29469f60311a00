import { useQuery } from '@apollo/client/react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { SpacesDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';

/** The spaces the person may read (public, restricted, and the private ones they are in), with what is new in each. */
export function SpacesPage() {
  const { data, loading, error, refetch } = useQuery(SpacesDocument, { fetchPolicy: 'cache-and-network' });
  const spaces = data?.spaces.edges.map(({ node }) => node) ?? [];
  return (
    <div className="spaces-page">
      <h1>
        <FormattedMessage id="spaces.list.title" />
      </h1>
      <p className="page-links">
        <Link to="/whats-new">
          <FormattedMessage id="spaces.whatsNew.link" />
        </Link>
        <Link to="/spaces/new-space">
          <FormattedMessage id="spaces.create.link" />
        </Link>
      </p>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && spaces.length === 0 && (
        <Empty>
          <FormattedMessage id="spaces.list.empty" />
        </Empty>
      )}
      {spaces.length > 0 && (
        <ul className="space-list">
          {spaces.map((space) => (
            <li key={space.id} className="space-item">
              <h2>
                <Link to={`/spaces/${space.slug}`}>
                  <bdi>{space.name}</bdi>
                </Link>
              </h2>
              <p className="meta">
                <span className={`badge visibility visibility-${space.visibility.toLowerCase()}`}>
                  <FormattedMessage id={`spaces.visibility.${space.visibility}`} />
                </span>{' '}
                {space.owner && (
                  <>
                    <FormattedMessage
                      id="spaces.list.owner"
                      values={{ name: <bdi>{space.owner.acronym ?? space.owner.name}</bdi> }}
                    />{' '}
                  </>
                )}
                {space.viewerRole && (
                  <>
                    ·{' '}
                    <FormattedMessage
                      id="spaces.list.yourRole"
                      values={{ role: <FormattedMessage id={`spaces.role.${space.viewerRole}`} /> }}
                    />{' '}
                  </>
                )}
                ·{' '}
                <strong className={space.unreadCount > 0 ? 'unread-count' : undefined}>
                  <FormattedMessage id="spaces.list.unread" values={{ count: space.unreadCount }} />
                </strong>
              </p>
              {space.description && (
                <p className="description" dir="auto">
                  {space.description}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
