import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import {
  AddSpaceMemberDocument,
  OrganizationPeopleDocument,
  OrganizationSearchDocument,
  SpaceMembersDocument,
  type SpaceRole,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SPACE_ROLES } from './roles';
import { BusyButton } from '../ui/BusyButton';

const WHOLE = 'organization';

/**
 * Adds a member to a space: find an organisation by name, then add it whole (its members, for as long as they
 * are) or one of its people, with a role.
 */
export function AddMemberForm({
  spaceId,
  membersQueryId,
}: {
  readonly spaceId: string;
  /** The id or slug the members page was read with (where the new member goes in the cache). */
  readonly membersQueryId: string;
}) {
  const intl = useIntl();
  const id = useId();
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [who, setWho] = useState(WHOLE);
  const [role, setRole] = useState<SpaceRole>('PARTICIPANT');
  const [checked, setChecked] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const found = useQuery(OrganizationSearchDocument, submitted ? { variables: { search: submitted } } : skipToken);
  const people = useQuery(
    OrganizationPeopleDocument,
    organizationId ? { variables: { id: organizationId } } : skipToken,
  );
  const [add, { loading, error }] = useMutation(AddSpaceMemberDocument, {
    update(cache, { data }) {
      const member = data?.addSpaceMember.member;
      if (!member) return;
      cache.updateQuery({ query: SpaceMembersDocument, variables: { id: membersQueryId } }, (current) =>
        current ? { space: { ...current.space, members: [...current.space.members, member] } } : current,
      );
    },
  });
  const organizations = submitted ? (found.data?.organizations.edges.map(({ node }) => node) ?? []) : [];
  const organization = organizations.find((candidate) => candidate.id === organizationId) ?? null;
  const members = people.data?.organization.members.edges.map(({ node }) => node) ?? [];

  function find(event: FormEvent) {
    event.preventDefault();
    const text = search.trim();
    if (!text) return searchRef.current?.focus();
    setSubmitted(text);
    setOrganizationId(null);
    setWho(WHOLE);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!organizationId)
      return (
        document.getElementById(`${id}-results`)?.querySelector<HTMLElement>('input')?.focus() ??
        searchRef.current?.focus()
      );
    try {
      await add({
        variables: {
          input: {
            spaceId,
            role,
            ...(who === WHOLE ? { organizationId } : { userId: who }),
          },
        },
      });
      const name =
        who === WHOLE ? organization?.name : members.find((member) => member.user.id === who)?.user.displayName;
      announce(intl.formatMessage({ id: 'spaces.members.added' }, { name: name ?? '' }));
      setChecked(false);
      setOrganizationId(null);
      setWho(WHOLE);
    } catch {
      // Shown below the form; the choices stay.
    }
  }

  return (
    <section className="add-member" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <FormattedMessage id="spaces.members.add" />
      </h2>
      <form onSubmit={find} role="search" aria-label={intl.formatMessage({ id: 'spaces.members.searchLabel' })}>
        <div className="field inline-field">
          <label htmlFor={`${id}-search`}>
            <FormattedMessage id="spaces.members.search" />
          </label>
          <input
            id={`${id}-search`}
            ref={searchRef}
            type="search"
            value={search}
            dir="auto"
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="submit">
            <FormattedMessage id="spaces.members.find" />
          </button>
        </div>
      </form>
      <form onSubmit={submit} noValidate>
        {submitted && (
          <fieldset id={`${id}-results`} aria-describedby={checked && !organizationId ? `${id}-org-error` : undefined}>
            <legend>
              <FormattedMessage id="spaces.members.organization" />
            </legend>
            {found.loading && (
              <p role="status">
                <FormattedMessage id="common.loading" />
              </p>
            )}
            {found.error && <ErrorMessage error={found.error} />}
            {found.data && organizations.length === 0 && (
              <p role="status">
                <FormattedMessage id="spaces.members.noOrganization" values={{ search: submitted }} />
              </p>
            )}
            {organizations.map((candidate) => (
              <label key={candidate.id} className="choice">
                <input
                  type="radio"
                  name={`${id}-organization`}
                  value={candidate.id}
                  checked={organizationId === candidate.id}
                  onChange={() => {
                    setOrganizationId(candidate.id);
                    setWho(WHOLE);
                  }}
                />
                <bdi>{candidate.name}</bdi>
                {candidate.acronym && candidate.acronym !== candidate.name && <> ({candidate.acronym})</>} ·{' '}
                <FormattedMessage id={`spaces.organizationKind.${candidate.kind}`} />
              </label>
            ))}
            {checked && !organizationId && (
              <p id={`${id}-org-error`} className="field-error">
                <FormattedMessage id="spaces.members.organizationRequired" />
              </p>
            )}
          </fieldset>
        )}
        {organization && (
          <div className="field">
            <label htmlFor={`${id}-who`}>
              <FormattedMessage id="spaces.members.who" />
            </label>
            <select id={`${id}-who`} value={who} onChange={(event) => setWho(event.target.value)}>
              <option value={WHOLE}>
                {intl.formatMessage({ id: 'spaces.members.wholeOrganization' }, { name: organization.name })}
              </option>
              {members.map((member) => (
                <option key={member.id} value={member.user.id}>
                  {member.user.displayName}
                </option>
              ))}
            </select>
            {people.error && <ErrorMessage error={people.error} />}
          </div>
        )}
        {submitted && (
          <>
            <div className="field">
              <label htmlFor={`${id}-role`}>
                <FormattedMessage id="spaces.members.role" />
              </label>
              <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as SpaceRole)}>
                {SPACE_ROLES.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {intl.formatMessage({ id: `spaces.role.${candidate}` })}
                  </option>
                ))}
              </select>
            </div>
            {error && <ErrorMessage error={error} />}
            <div className="actions">
              <BusyButton type="submit" className="primary" busy={loading}>
                <FormattedMessage id="spaces.members.addButton" />
              </BusyButton>
            </div>
          </>
        )}
      </form>
    </section>
  );
}
