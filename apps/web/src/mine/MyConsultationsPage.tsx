import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { MyConsultationsDocument, MyContributionsDocument } from '../graphql/generated/graphql';
import { MineShell } from './MineShell';
import { PagedList } from '../ui/PagedList';
import { appendEdges } from '../ui/ShowMore';

/** One's organisations' contributions (drafts and submitted) and the consultations they joined. */
export function MyConsultationsPage() {
  const intl = useIntl();
  return (
    <MineShell title={intl.formatMessage({ id: 'mine.consultations.title' })}>
      <Contributions />
      <Consultations />
    </MineShell>
  );
}

function Contributions() {
  const intl = useIntl();
  const { data, error, refetch, fetchMore } = useQuery(MyContributionsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <section className="mine-section" aria-labelledby="mine-contributions">
      <h2 id="mine-contributions">
        <FormattedMessage id="mine.contributions.title" />
      </h2>
      <PagedList
        connection={data?.myContributions}
        error={error}
        onRetry={() => void refetch()}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myContributions') })}
        empty={<FormattedMessage id="mine.contributions.none" />}
      >
        {({ node }) => (
          <li key={node.id}>
            <p>
              <Link to={`/consultations/${node.consultation.id}`}>
                <bdi>{node.consultation.title}</bdi>
              </Link>
            </p>
            <p className="meta">
              {node.organization && (
                <>
                  <bdi>{node.organization.name}</bdi> ·{' '}
                </>
              )}
              {intl.formatMessage({ id: `mine.contributions.status.${node.status}` })} ·{' '}
              <FormattedMessage
                id="mine.updated"
                values={{ date: intl.formatDate(node.updatedAt as string, { dateStyle: 'medium' }) }}
              />
            </p>
          </li>
        )}
      </PagedList>
    </section>
  );
}

function Consultations() {
  const intl = useIntl();
  const { data, error, refetch, fetchMore } = useQuery(MyConsultationsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <section className="mine-section" aria-labelledby="mine-consultations">
      <h2 id="mine-consultations">
        <FormattedMessage id="mine.consultations.joined" />
      </h2>
      <PagedList
        connection={data?.myConsultations}
        error={error}
        onRetry={() => void refetch()}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myConsultations') })}
        empty={<FormattedMessage id="mine.consultations.none" />}
      >
        {({ node }) => (
          <li key={node.id}>
            <p>
              <Link to={`/consultations/${node.id}`}>
                <bdi>{node.title}</bdi>
              </Link>
            </p>
            <p className="meta">
              {intl.formatMessage({ id: `consultations.state.${node.state}` })} ·{' '}
              <FormattedMessage
                id="mine.closes"
                values={{ date: intl.formatDate(node.closesAt as string, { dateStyle: 'medium' }) }}
              />
            </p>
          </li>
        )}
      </PagedList>
    </section>
  );
}
