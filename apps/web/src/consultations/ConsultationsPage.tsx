import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { type ConsultationState, ConsultationsDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { Countdown, LocalDateTime } from './time';
import './consultations.css';

/** The order states are listed in: what one can act on first. */
export const STATE_ORDER: readonly ConsultationState[] = ['OPEN', 'SCHEDULED', 'CLOSED', 'RESULTS_PUBLISHED', 'DRAFT'];

/** Consultations grouped by state, each with its deadline in the person's time zone and, when open, a countdown. */
export function ConsultationsPage() {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(ConsultationsDocument, { variables: { first: 100 } });
  const consultations = data?.consultations.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page consultations">
      <h1>
        <FormattedMessage id="consultations.list.title" />
      </h1>
      <p>
        <Link to="/verify-receipt">
          <FormattedMessage id="consultations.verify.link" />
        </Link>
      </p>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && consultations.length === 0 && (
        <Empty>
          <FormattedMessage id="consultations.list.empty" />
        </Empty>
      )}
      {STATE_ORDER.map((state) => {
        const inState = consultations.filter((consultation) => consultation.state === state);
        if (inState.length === 0) return null;
        return (
          <section key={state} aria-labelledby={`state-${state}`}>
            <h2 id={`state-${state}`}>
              {intl.formatMessage({ id: `consultations.state.${state}` })}{' '}
              <span className="count">({intl.formatNumber(inState.length)})</span>
            </h2>
            <ul className="consultation-list">
              {inState.map((consultation) => (
                <li key={consultation.id}>
                  <Link to={`/consultations/${consultation.id}`}>
                    <span dir="auto">{consultation.title}</span>
                  </Link>
                  <p className="deadline">
                    {state === 'SCHEDULED' ? (
                      <FormattedMessage
                        id="consultations.list.opens"
                        values={{ date: <LocalDateTime value={consultation.opensAt} /> }}
                      />
                    ) : (
                      <FormattedMessage
                        id={state === 'OPEN' ? 'consultations.list.closes' : 'consultations.list.closed'}
                        values={{ date: <LocalDateTime value={consultation.closesAt} /> }}
                      />
                    )}
                  </p>
                  {state === 'OPEN' && (
                    <p>
                      <Countdown until={consultation.closesAt} messageId="consultations.time.closesIn" />
                    </p>
                  )}
                  {state === 'RESULTS_PUBLISHED' && (
                    <p>
                      <Link to={`/consultations/${consultation.id}/results`}>
                        <FormattedMessage id="consultations.results.link" />
                      </Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
