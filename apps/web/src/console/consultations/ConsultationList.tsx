import { useQuery } from '@apollo/client/react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ConsoleConsultationsDocument } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { ColumnHeads } from '../../ui/ColumnHeads';

/** Every consultation (drafts included), with its state and schedule, and the way to build a new one. */
export function ConsultationList() {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(ConsoleConsultationsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const nodes = data?.consultations.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="console-consultations-title">
      <h2 id="console-consultations-title">
        <FormattedMessage id="console.consultations.title" />
      </h2>
      <p>
        <Link to="/console/consultations/new" className="button primary">
          <FormattedMessage id="console.consultations.new" />
        </Link>
      </p>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && nodes.length === 0 && (
        <Empty>
          <FormattedMessage id="console.consultations.empty" />
        </Empty>
      )}
      {nodes.length > 0 && (
        <table className="console-table">
          <ColumnHeads
            ids={[
              'console.consultations.colTitle',
              'console.consultations.colState',
              'console.consultations.colOpens',
              'console.consultations.colCloses',
            ]}
          />
          <tbody>
            {nodes.map((node) => (
              <tr key={node.id}>
                <td>
                  <Link to={`/console/consultations/${node.id}`} dir="auto">
                    {node.title}
                  </Link>
                </td>
                <td>
                  <span className="state-badge" data-state={node.state}>
                    {intl.formatMessage({ id: `console.state.${node.state}` })}
                  </span>
                </td>
                <td>
                  <FormattedDate value={node.opensAt} dateStyle="medium" timeStyle="short" />
                </td>
                <td>
                  <FormattedDate value={node.closesAt} dateStyle="medium" timeStyle="short" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
