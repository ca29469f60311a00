import { useMutation, useQuery } from '@apollo/client/react';
import { FollowButton } from '../notifications/FollowButton';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { describeError } from '../app/errors';
import { useSession } from '../app/session';
import {
  type ConsultationQuery,
  ConsultationDocument,
  ContributionDocument,
  JoinConsultationDocument,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { ContributionDiscussion } from './ContributionDiscussion';
import { ContributionEditor } from './ContributionEditor';
import { ContributionForm } from './ContributionForm';
import { ContributionHistory } from './ContributionHistory';
import { MembersRemarks, RemarkToFederations } from './FederationPosition';
import { Countdown, LocalDateTime, ServerClockNote } from './time';
import './consultations.css';
import { BusyButton } from '../ui/BusyButton';

type Consultation = ConsultationQuery['consultation'];

/** A consultation: what it asks (questions citing articles), its documents, its deadline, and one's organisation's contribution. */
export function ConsultationPage() {
  const { consultationId = '' } = useParams();
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(ConsultationDocument, { variables: { id: consultationId } });
  const { viewer } = useSession();
  const organizations = (viewer?.memberships ?? []).flatMap((membership) =>
    membership.organization && membership.organization.kind !== 'MINISTRY'
      ? [{ role: membership.role, organization: membership.organization }]
      : [],
  );
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const chosen = organizations.find((membership) => membership.organization.id === organizationId) ?? organizations[0];
  const pickerId = useId();

  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <div className="page">
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  const consultation = data.consultation;
  return (
    <div className="page consultation">
      <p className="no-print">
        <Link to="/consultations">
          <FormattedMessage id="consultations.back" />
        </Link>
      </p>
      <h1>
        <bdi>{consultation.title}</bdi>
      </h1>
      <p className="state-line">
        <strong>{intl.formatMessage({ id: `consultations.state.${consultation.state}` })}</strong>
        {' · '}
        <FormattedMessage
          id="consultations.page.period"
          values={{
            opens: <LocalDateTime value={consultation.opensAt} />,
            closes: <LocalDateTime value={consultation.closesAt} />,
          }}
        />
      </p>
      {viewer && (
        <p className="no-print">
          <FollowButton subjectType="CONSULTATION" subjectId={consultation.id} />
        </p>
      )}
      {consultation.state === 'OPEN' && (
        <p>
          <Countdown until={consultation.closesAt} messageId="consultations.time.closesIn" />
        </p>
      )}
      {consultation.state === 'SCHEDULED' && (
        <p>
          <Countdown until={consultation.opensAt} messageId="consultations.time.opensIn" />
        </p>
      )}
      {(consultation.state === 'OPEN' || consultation.state === 'SCHEDULED') && (
        <ServerClockNote closesAt={consultation.closesAt} />
      )}
      {consultation.summary && (
        <p className="summary" dir="auto">
          {consultation.summary}
        </p>
      )}
      {consultation.state === 'RESULTS_PUBLISHED' && (
        <p>
          <Link to={`/consultations/${consultation.id}/results`}>
            <FormattedMessage id="consultations.results.link" />
          </Link>
        </p>
      )}
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">
          <FormattedMessage id="consultations.page.documents" />
        </h2>
        {consultation.documents.length === 0 ? (
          <p>
            <FormattedMessage id="consultations.page.noDocuments" />
          </p>
        ) : (
          <ul>
            {consultation.documents.map((document) => (
              <li key={document.id}>
                {document.latestVersion ? (
                  <Link to={`/read/${document.id}/${document.latestVersion.number}`}>
                    {document.reference} — <span lang={document.language.toLowerCase()}>{document.title}</span>
                  </Link>
                ) : (
                  <span>
                    {document.reference} — {document.title}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {consultation.space && (
          <p>
            <Link to={`/spaces/${consultation.space.id}`}>
              <FormattedMessage id="consultations.page.space" values={{ name: consultation.space.name }} />
            </Link>
          </p>
        )}
      </section>
      {organizations.length > 1 && (
        <div className="field no-print">
          <label htmlFor={pickerId}>
            <FormattedMessage id="consultations.page.organization" />
          </label>
          <select
            id={pickerId}
            value={chosen?.organization.id ?? ''}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            {organizations.map((membership) => (
              <option key={membership.organization.id} value={membership.organization.id}>
                {membership.organization.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen ? (
        <ContributionSection
          key={chosen.organization.id}
          consultation={consultation}
          organization={chosen.organization}
          representative={chosen.role === 'REPRESENTATIVE'}
        />
      ) : (
        <QuestionsOnly consultation={consultation} />
      )}
    </div>
  );
}

function QuestionsOnly({ consultation }: { consultation: Consultation }) {
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">
        <FormattedMessage id="consultations.page.questions" />
      </h2>
      <ContributionForm questions={consultation.questions} answers={{}} onAnswer={() => undefined} disabled />
    </section>
  );
}

/** One organisation's part: join (representatives), or the contribution with its history, discussion and remarks. */
function ContributionSection({
  consultation,
  organization,
  representative,
}: {
  consultation: Consultation;
  organization: { id: string; name: string; kind: string };
  representative: boolean;
}) {
  const variables = { consultationId: consultation.id, organizationId: organization.id };
  const { data, loading, error, refetch } = useQuery(ContributionDocument, { variables });
  const [join, joining] = useMutation(JoinConsultationDocument);
  const notJoined = error && describeError(error).code === 'NOT_FOUND';
  const joinable = consultation.state === 'OPEN' || consultation.state === 'SCHEDULED';

  if (loading && !data) return <Loading />;
  if (!data) {
    return (
      <>
        <section aria-labelledby="join-title" className="join">
          <h2 id="join-title">
            <FormattedMessage id="consultations.join.title" values={{ organization: organization.name }} />
          </h2>
          {error && !notJoined && <ErrorMessage error={error} onRetry={() => void refetch()} />}
          {notJoined && joinable && representative && (
            <>
              <p>
                <FormattedMessage id="consultations.join.explain" />
              </p>
              {joining.error && <ErrorMessage error={joining.error} />}
              <BusyButton
                type="button"
                className="primary"
                busy={joining.loading}
                onClick={async () => {
                  try {
                    await join({ variables: { input: variables } });
                    await refetch();
                  } catch {
                    // Shown above.
                  }
                }}
              >
                <FormattedMessage id="consultations.join.button" values={{ organization: organization.name }} />
              </BusyButton>
            </>
          )}
          {notJoined && joinable && !representative && (
            <p>
              <FormattedMessage id="consultations.join.askRepresentative" />
            </p>
          )}
          {notJoined && !joinable && (
            <p>
              <FormattedMessage id="consultations.join.closed" />
            </p>
          )}
        </section>
        {organization.kind !== 'FEDERATION' && consultation.state === 'OPEN' && (
          <RemarkToFederations consultationId={consultation.id} organizationId={organization.id} />
        )}
        <QuestionsOnly consultation={consultation} />
      </>
    );
  }
  const contribution = data.contribution;
  const open = consultation.state === 'OPEN';
  return (
    <div className="contribution-layout">
      <section aria-labelledby="contribution-title" className="contribution">
        <h2 id="contribution-title">
          <FormattedMessage id="consultations.contribution.title" values={{ organization: organization.name }} />
        </h2>
        <p>
          <FormattedMessage id={`consultations.contribution.status.${contribution.status}`} />
          {contribution.latestReceipt && (
            <>
              {' '}
              <Link to={`/consultations/${consultation.id}/receipt/${organization.id}`}>
                <FormattedMessage
                  id="consultations.contribution.receiptLink"
                  values={{ tracking: contribution.latestReceipt.trackingNumber }}
                />
              </Link>
            </>
          )}
        </p>
        <ContributionEditor
          key={contribution.id}
          consultationId={consultation.id}
          organizationId={organization.id}
          questions={consultation.questions}
          contribution={contribution}
          open={open}
          canSubmit={representative}
          federation={organization.kind === 'FEDERATION'}
        />
      </section>
      <aside className="contribution-aside">
        {organization.kind === 'FEDERATION' && (
          <MembersRemarks remarks={contribution.remarksFromMembers} contributors={contribution.contributors} />
        )}
        {organization.kind !== 'FEDERATION' && open && (
          <RemarkToFederations consultationId={consultation.id} organizationId={organization.id} />
        )}
        <ContributionHistory
          consultationId={consultation.id}
          organizationId={organization.id}
          questions={consultation.questions}
          version={contribution.version}
        />
        <ContributionDiscussion
          consultationId={consultation.id}
          organizationId={organization.id}
          contributionId={contribution.id}
        />
      </aside>
    </div>
  );
}
