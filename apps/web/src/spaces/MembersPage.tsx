import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { announce } from '../annotations/announce';
import { ConfirmButton } from '../annotations/ConfirmButton';
import {
  ChangeSpaceMemberRoleDocument,
  RemoveSpaceMemberDocument,
  SpaceMembersDocument,
  type SpaceMembersQuery,
  type SpaceRole,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { AddMemberForm } from './AddMemberForm';
import { PageError } from './NotFound';
import { SPACE_ROLES } from './roles';
import { ColumnHeads } from '../ui/ColumnHeads';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { BusyButton } from '../ui/BusyButton';

type Member = SpaceMembersQuery['space']['members'][number];

/** A space's members (people and whole organisations) with their roles; its owners add, remove and change roles. */
export function MembersPage() {
  const intl = useIntl();
  const { spaceId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SpaceMembersDocument, { variables: { id: spaceId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const space = data.space;
  const manage = space.viewerCanManageMembers;
  return (
    <div className="members-page">
      <Breadcrumbs
        items={[
          { label: intl.formatMessage({ id: 'spaces.list.title' }), to: '/spaces' },
          { label: space.name, to: `/spaces/${space.slug}` },
        ]}
      />
      <h1>
        <FormattedMessage id="spaces.members.title" values={{ name: <bdi>{space.name}</bdi> }} />
      </h1>
      <table className="members">
        <caption className="visually-hidden">
          <FormattedMessage id="spaces.members.caption" />
        </caption>
        <ColumnHeads ids={['spaces.members.member', 'spaces.members.role', manage && 'spaces.members.actions']} />
        <tbody>
          {space.members.map((member) => (
            <MemberRow key={member.id} member={member} membersQueryId={spaceId} manage={manage} />
          ))}
        </tbody>
      </table>
      {manage && <AddMemberForm spaceId={space.id} membersQueryId={spaceId} />}
    </div>
  );
}

function memberName(member: Member): string {
  return member.user?.displayName ?? member.organization?.name ?? '—';
}

function MemberRow({
  member,
  membersQueryId,
  manage,
}: {
  readonly member: Member;
  readonly membersQueryId: string;
  readonly manage: boolean;
}) {
  const intl = useIntl();
  const id = useId();
  const [role, setRole] = useState<SpaceRole>(member.role);
  const [change, changing] = useMutation(ChangeSpaceMemberRoleDocument);
  const [remove] = useMutation(RemoveSpaceMemberDocument, {
    update(cache) {
      cache.updateQuery({ query: SpaceMembersDocument, variables: { id: membersQueryId } }, (current) =>
        current
          ? { space: { ...current.space, members: current.space.members.filter((other) => other.id !== member.id) } }
          : current,
      );
    },
  });
  const name = memberName(member);
  return (
    <tr>
      <th scope="row">
        <bdi>{name}</bdi>{' '}
        <span className="hint">
          {member.organization ? (
            <FormattedMessage
              id="spaces.members.wholeOrganizationKind"
              values={{ kind: <FormattedMessage id={`spaces.organizationKind.${member.organization.kind}`} /> }}
            />
          ) : (
            <FormattedMessage id="spaces.members.person" />
          )}
        </span>
      </th>
      <td>
        {manage ? (
          <form
            className="inline-form"
            onSubmit={async (event) => {
              event.preventDefault();
              try {
                await change({ variables: { input: { memberId: member.id, role } } });
                announce(intl.formatMessage({ id: 'spaces.members.roleChanged' }, { name }));
              } catch {
                // Shown beside the role; the chosen role stays selected.
              }
            }}
          >
            <label htmlFor={`${id}-role`} className="visually-hidden">
              <FormattedMessage id="spaces.members.roleOf" values={{ name }} />
            </label>
            <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as SpaceRole)}>
              {SPACE_ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {intl.formatMessage({ id: `spaces.role.${candidate}` })}
                </option>
              ))}
            </select>{' '}
            {/* Disabled when there is nothing to save; while saving, busy (it keeps the keyboard's focus). */}
            <BusyButton type="submit" disabled={role === member.role} busy={changing.loading}>
              <FormattedMessage id="spaces.members.saveRole" />
              <span className="visually-hidden"> — {name}</span>
            </BusyButton>
            {changing.error && <ErrorMessage error={changing.error} />}
          </form>
        ) : (
          <FormattedMessage id={`spaces.role.${member.role}`} />
        )}
      </td>
      {manage && (
        <td>
          <ConfirmButton
            label={
              <>
                <FormattedMessage id="spaces.members.remove" />
                <span className="visually-hidden"> — {name}</span>
              </>
            }
            title={<FormattedMessage id="spaces.members.removeTitle" values={{ name }} />}
            explanation={<FormattedMessage id="spaces.members.removeExplanation" />}
            onConfirm={async () => {
              await remove({ variables: { input: { memberId: member.id } } });
              announce(intl.formatMessage({ id: 'spaces.members.removed' }, { name }));
            }}
          />
        </td>
      )}
    </tr>
  );
}
