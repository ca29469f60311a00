import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../../annotations/announce';
import { ConfirmButton } from '../../annotations/ConfirmButton';
import {
  AddFederationMemberDocument,
  ConsoleOrganizationsDocument,
  RemoveFederationMemberDocument,
  VerifyOrganizationDocument,
  type ConsoleOrganizationFieldsFragment,
  type OrganizationKind,
} from '../../graphql/generated/graphql';
import { NewOrganizationForm } from './NewOrganizationForm';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { BusyButton } from '../../ui/BusyButton';

const KINDS: readonly OrganizationKind[] = ['FEDERATION', 'COMPANY', 'INSTITUTION', 'MINISTRY'];

/** Organisations: verify one (after checking its ICE), and manage which federations a company or institution joins. */
export function Organizations() {
  const filterId = useId();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganizationKind | ''>('');
  const [verified, setVerified] = useState<'' | 'yes' | 'no'>('');
  const filter = {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(verified ? { verified: verified === 'yes' } : {}),
  };
  const { data, loading, error, refetch } = useQuery(ConsoleOrganizationsDocument, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  const federations = useQuery(ConsoleOrganizationsDocument, { variables: { filter: { kind: 'FEDERATION' } } });
  const federationList = federations.data?.organizations.edges.map((edge) => edge.node) ?? [];
  const organizations = data?.organizations.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="console-orgs-title">
      <h2 id="console-orgs-title">{t('console.orgs.title')}</h2>
      <details className="console-new">
        <summary>{t('console.orgs.new')}</summary>
        <NewOrganizationForm />
      </details>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('console.filters')}>
        <span className="filter">
          <label htmlFor={`${filterId}-1`}>{t('console.orgs.search')}</label>
          <input
            id={`${filterId}-1`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-2`}>{t('console.orgs.kind')}</label>
          <select
            id={`${filterId}-2`}
            value={kind}
            onChange={(event) => setKind(event.target.value as OrganizationKind | '')}
          >
            <option value="">{t('console.all')}</option>
            {KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.orgKind.${candidate}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-3`}>{t('console.orgs.verification')}</label>
          <select
            id={`${filterId}-3`}
            value={verified}
            onChange={(event) => setVerified(event.target.value as '' | 'yes' | 'no')}
          >
            <option value="">{t('console.all')}</option>
            <option value="no">{t('console.orgs.unverified')}</option>
            <option value="yes">{t('console.orgs.verified')}</option>
          </select>
        </span>
      </form>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && organizations.length === 0 && (
        <Empty>
          <FormattedMessage id="console.orgs.empty" />
        </Empty>
      )}
      <ul className="org-list">
        {organizations.map((organization) => (
          <OrganizationCard key={organization.id} organization={organization} federations={federationList} />
        ))}
      </ul>
    </section>
  );
}

function OrganizationCard({
  organization,
  federations,
}: {
  readonly organization: ConsoleOrganizationFieldsFragment;
  readonly federations: readonly ConsoleOrganizationFieldsFragment[];
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const id = useId();
  const [verify] = useMutation(VerifyOrganizationDocument);
  const [add, adding] = useMutation(AddFederationMemberDocument);
  const [remove] = useMutation(RemoveFederationMemberDocument);
  const [federationId, setFederationId] = useState('');
  const affiliable = organization.kind === 'COMPANY' || organization.kind === 'INSTITUTION';
  const candidates = federations.filter(
    (federation) => !organization.federations.some((joined) => joined.id === federation.id),
  );
  return (
    <li className="org-card" aria-labelledby={`${id}-name`} data-testid="organization">
      <h3 id={`${id}-name`}>
        <bdi>{organization.name}</bdi>
        {organization.acronym && organization.acronym !== organization.name && (
          <span className="meta">
            {' '}
            (<bdi>{organization.acronym}</bdi>)
          </span>
        )}
      </h3>
      <p className="meta">
        {t(`console.kind.${organization.kind}`)}
        {organization.ice && (
          <>
            {' '}
            · {t('console.orgs.ice')} <bdi className="ice">{organization.ice}</bdi>
          </>
        )}
        {' · '}
        {organization.verified && organization.verifiedAt ? (
          <>
            {t('console.orgs.verifiedOn')} <FormattedDate value={organization.verifiedAt} dateStyle="medium" />
          </>
        ) : (
          <strong>{t('console.orgs.unverified')}</strong>
        )}
      </p>
      <p>
        <Link to={`/account/organizations/${organization.id}`}>
          {t('console.orgs.manage', { name: organization.name })}
        </Link>
      </p>
      {!organization.verified && (
        <ConfirmButton
          label={t('console.orgs.verify')}
          title={t('console.orgs.verifyTitle', { name: organization.name })}
          explanation={
            organization.ice ? t('console.orgs.verifyIce', { ice: organization.ice }) : t('console.orgs.verifyNoIce')
          }
          onConfirm={async () => {
            await verify({ variables: { id: organization.id } });
            announce(t('console.orgs.verifiedDone', { name: organization.name }));
          }}
        />
      )}
      {affiliable && (
        <div className="affiliations">
          <h4>{t('console.orgs.federations')}</h4>
          {organization.federations.length === 0 ? (
            <p>{t('console.orgs.noFederation')}</p>
          ) : (
            <ul>
              {organization.federations.map((federation) => (
                <li key={federation.id}>
                  <bdi>{federation.name}</bdi>{' '}
                  <ConfirmButton
                    label={t('console.orgs.leave', { federation: federation.name })}
                    title={t('console.orgs.leaveTitle')}
                    explanation={t('console.orgs.leaveExplanation', {
                      name: organization.name,
                      federation: federation.name,
                    })}
                    onConfirm={async () => {
                      await remove({
                        variables: { input: { federationId: federation.id, organizationId: organization.id } },
                      });
                      announce(t('console.orgs.left'));
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          {candidates.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (!federationId) return;
                void add({ variables: { input: { federationId, organizationId: organization.id } } }).then(
                  () => {
                    setFederationId('');
                    announce(t('console.orgs.joined'));
                  },
                  () => undefined,
                );
              }}
            >
              <label htmlFor={`${id}-federation`}>{t('console.orgs.addTo')}</label>
              <select
                id={`${id}-federation`}
                value={federationId}
                onChange={(event) => setFederationId(event.target.value)}
              >
                <option value="">—</option>
                {candidates.map((federation) => (
                  <option key={federation.id} value={federation.id}>
                    {federation.name}
                  </option>
                ))}
              </select>
              <BusyButton type="submit" disabled={!federationId} busy={adding.loading}>
                {t('console.orgs.add')}
              </BusyButton>
            </form>
          )}
          {adding.error && <ErrorMessage error={adding.error} />}
        </div>
      )}
    </li>
  );
}
