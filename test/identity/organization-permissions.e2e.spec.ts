import { ACCOUNTS, Role } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * The permission matrix of organisations and memberships: each operation × each role, with every denial
 * checked for its code and for having written nothing.
 */
/** The roles of the matrix (the company member plays the same part as the federation member). */
type MatrixRole = Exclude<Role, 'companyMember'>;

const ROLES: MatrixRole[] = [
  'admin',
  'moderator',
  'federationRepresentative',
  'federationMember',
  'companyRepresentative',
  'otherRepresentative',
  'anonymous',
];

type Expectation = Record<MatrixRole, string>;

const ORGS = `{ organizations(first: 100) { edges { node { id name acronym version verified } } } }`;

describe('organisation and membership permissions', () => {
  let app: TestApp;
  const tokens = {} as Record<Role, string | undefined>;
  const orgIds: Record<string, string> = {};

  async function countRows(table: string): Promise<number> {
    return (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  }

  async function organizationByAcronym(acronym: string) {
    const { rows } = await app.db.query('SELECT id, name, version, verified_at FROM organizations WHERE acronym = $1', [
      acronym,
    ]);
    return rows[0];
  }

  /** A fresh member of an organisation (invited by the admin, accepted), to be acted upon. */
  async function freshMember(
    organizationId: string,
    role = 'MEMBER',
  ): Promise<{ membershipId: string; email: string }> {
    const email = `person-${Math.random().toString(36).slice(2)}@example.ma`;
    const invited = await app.gql<{ inviteMember: { token: string } }>(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
      { input: { organizationId, email, role } },
      tokens.admin,
    );
    const accepted = await app.gql<{ acceptInvitation: { membership: { id: string } } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }`,
      {
        input: {
          token: invited.data!.inviteMember.token,
          password: 'a long enough passphrase',
          displayName: 'Test Person',
        },
      },
    );
    return { membershipId: accepted.data!.acceptInvitation.membership.id, email };
  }

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES)
      tokens[role] = role === 'anonymous' ? undefined : (await app.signIn(ACCOUNTS[role])).accessToken;
    const { rows } = await app.db.query('SELECT id, COALESCE(acronym, name) AS key FROM organizations');
    for (const row of rows) orgIds[row.key] = row.id;
    orgIds['ATLAS'] = rows.find((row: { key: string }) => row.key.startsWith('Atlas')).id;
    orgIds['OASIS'] = rows.find((row: { key: string }) => row.key.startsWith('Oasis')).id;
    orgIds['DETROIT'] = rows.find((row: { key: string }) => row.key.startsWith('Détroit')).id;
  });
  afterAll(() => app.close());

  it.each<[MatrixRole, string]>([
    ['admin', 'OK'],
    ['moderator', 'OK'],
    ['federationRepresentative', 'FORBIDDEN'],
    ['federationMember', 'FORBIDDEN'],
    ['companyRepresentative', 'FORBIDDEN'],
    ['otherRepresentative', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('createOrganization as %s → %s', async (role, expected) => {
    const before = await countRows('organizations');
    const result = await app.gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id kind verified } } }`,
      { input: { kind: 'INSTITUTION', name: `Institution créée par ${role}` } },
      tokens[role],
    );
    expect(outcome(result)).toBe(expected);
    expect(await countRows('organizations')).toBe(before + (expected === 'OK' ? 1 : 0));
  });

  const updateFederation: Expectation = {
    admin: 'OK',
    moderator: 'OK',
    federationRepresentative: 'OK',
    federationMember: 'FORBIDDEN',
    companyRepresentative: 'FORBIDDEN',
    otherRepresentative: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  };
  it.each(ROLES)('updateOrganization of a federation as %s', async (role) => {
    const before = await organizationByAcronym('FMO');
    const result = await app.gql(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { description version } } }`,
      { input: { id: before.id, version: before.version, description: `Décrite par ${role}` } },
      tokens[role],
    );
    expect(outcome(result)).toBe(updateFederation[role]);
    const after = await organizationByAcronym('FMO');
    expect(after.version).toBe(before.version + (updateFederation[role] === 'OK' ? 1 : 0));
  });

  const seeUnverified: Expectation = {
    admin: 'OK',
    moderator: 'OK',
    federationRepresentative: 'NOT_FOUND',
    federationMember: 'NOT_FOUND',
    companyRepresentative: 'NOT_FOUND',
    otherRepresentative: 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  };
  it.each(ROLES)('an unverified organisation is hidden from %s unless staff', async (role) => {
    const read = await app.gql(
      `query($id: ID!) { organization(id: $id) { name } }`,
      { id: orgIds['OASIS'] },
      tokens[role],
    );
    expect(outcome(read)).toBe(seeUnverified[role]);
    if (role !== 'anonymous') {
      const listed = await app.gql<{ organizations: { edges: { node: { id: string } }[] } }>(ORGS, {}, tokens[role]);
      const ids = listed.data!.organizations.edges.map((edge) => edge.node.id);
      expect(ids.includes(orgIds['OASIS'])).toBe(seeUnverified[role] === 'OK');
    }
  });

  it.each<[MatrixRole, string]>([
    ['federationRepresentative', 'NOT_FOUND'],
    ['federationMember', 'NOT_FOUND'],
    ['companyRepresentative', 'NOT_FOUND'],
    ['otherRepresentative', 'NOT_FOUND'],
    ['anonymous', 'UNAUTHENTICATED'],
    ['moderator', 'OK'],
  ])('verifyOrganization as %s → %s', async (role, expected) => {
    const result = await app.gql(
      `mutation($input: OrganizationIdInput!) { verifyOrganization(input: $input) { organization { verified } } }`,
      { input: { id: orgIds['OASIS'] } },
      tokens[role],
    );
    expect(outcome(result)).toBe(expected);
    const { rows } = await app.db.query('SELECT verified_at FROM organizations WHERE id = $1', [orgIds['OASIS']]);
    expect(rows[0].verified_at !== null).toBe(expected === 'OK');
  });

  const inviteMember: Expectation = {
    admin: 'OK',
    moderator: 'OK',
    federationRepresentative: 'OK',
    federationMember: 'FORBIDDEN',
    companyRepresentative: 'FORBIDDEN',
    otherRepresentative: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  };
  const inviteRepresentative: Expectation = { ...inviteMember, federationRepresentative: 'FORBIDDEN' };
  it.each(ROLES)('inviteMember into a federation as %s (MEMBER, then REPRESENTATIVE)', async (role) => {
    for (const [invitedRole, expected] of [
      ['MEMBER', inviteMember[role]],
      ['REPRESENTATIVE', inviteRepresentative[role]],
    ]) {
      const before = await countRows('invitations');
      const result = await app.gql(
        `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { role organization { acronym } } } }`,
        {
          input: {
            organizationId: orgIds['FMO'],
            email: `${role}-${invitedRole}@example.ma`.toLowerCase(),
            role: invitedRole,
          },
        },
        tokens[role],
      );
      expect([invitedRole, outcome(result)]).toEqual([invitedRole, expected]);
      expect(await countRows('invitations')).toBe(before + (expected === 'OK' ? 1 : 0));
    }
  });

  const manageAffiliations: Expectation = { ...inviteMember };
  it.each(ROLES)('addFederationMember / removeFederationMember as %s', async (role) => {
    const input = { federationId: orgIds['FMO'], organizationId: orgIds['DETROIT'] };
    const before = await countRows('federation_affiliations');
    const added = await app.gql(
      `mutation($input: FederationMemberInput!) { addFederationMember(input: $input) { federation { acronym } } }`,
      { input },
      tokens[role],
    );
    expect(outcome(added)).toBe(manageAffiliations[role]);
    if (manageAffiliations[role] !== 'OK') {
      expect(await countRows('federation_affiliations')).toBe(before);
      return;
    }
    expect(await countRows('federation_affiliations')).toBe(before + 1);
    const removed = await app.gql(
      `mutation($input: FederationMemberInput!) { removeFederationMember(input: $input) { organization { name } } }`,
      { input },
      tokens[role],
    );
    expect(outcome(removed)).toBe('OK');
    expect(await countRows('federation_affiliations')).toBe(before);
  });

  const removeMember: Expectation = { ...inviteMember };
  it.each(ROLES)('removeMembership of a federation member as %s', async (role) => {
    const target = await freshMember(orgIds['FMO']);
    const result = await app.gql(
      `mutation($input: MembershipIdInput!) { removeMembership(input: $input) { membership { id } } }`,
      { input: { membershipId: target.membershipId } },
      tokens[role],
    );
    expect(outcome(result)).toBe(removeMember[role]);
    const { rows } = await app.db.query('SELECT 1 FROM memberships WHERE id = $1', [target.membershipId]);
    expect(rows.length).toBe(removeMember[role] === 'OK' ? 0 : 1);
  });

  it('lets a representative remove plain members but not another representative; anyone may leave', async () => {
    const representative = await freshMember(orgIds['FMO'], 'REPRESENTATIVE');
    const denied = await app.gql(
      `mutation($input: MembershipIdInput!) { removeMembership(input: $input) { membership { id } } }`,
      { input: { membershipId: representative.membershipId } },
      tokens.federationRepresentative,
    );
    expect(outcome(denied)).toBe('FORBIDDEN');
    const own = await app.signIn(representative.email, 'a long enough passphrase');
    const left = await app.gql(
      `mutation($input: MembershipIdInput!) { removeMembership(input: $input) { membership { id } } }`,
      { input: { membershipId: representative.membershipId } },
      own.accessToken,
    );
    expect(outcome(left)).toBe('OK');
  });

  const changeRole: Expectation = {
    admin: 'OK',
    moderator: 'OK',
    federationRepresentative: 'FORBIDDEN',
    federationMember: 'FORBIDDEN',
    companyRepresentative: 'FORBIDDEN',
    otherRepresentative: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  };
  it.each(ROLES)('changeMembershipRole as %s', async (role) => {
    const target = await freshMember(orgIds['FMO']);
    const result = await app.gql(
      `mutation($input: ChangeMembershipRoleInput!) { changeMembershipRole(input: $input) { membership { role } } }`,
      { input: { membershipId: target.membershipId, role: 'REPRESENTATIVE' } },
      tokens[role],
    );
    expect(outcome(result)).toBe(changeRole[role]);
    const { rows } = await app.db.query('SELECT role FROM memberships WHERE id = $1', [target.membershipId]);
    expect(rows[0].role).toBe(changeRole[role] === 'OK' ? 'REPRESENTATIVE' : 'MEMBER');
  });

  const seeEmails: Record<MatrixRole, boolean> = {
    admin: true,
    moderator: true,
    federationRepresentative: false,
    federationMember: false,
    companyRepresentative: false,
    otherRepresentative: false,
    anonymous: false,
  };
  it.each(ROLES.filter((role) => role !== 'anonymous'))("other people's e-mail addresses as %s", async (role) => {
    const result = await app.gql<{
      organization: { members: { edges: { node: { user: { email: string | null } } }[] } };
    }>(
      `query($id: ID!) { organization(id: $id) { members { edges { node { role user { displayName email } } } } } }`,
      { id: orgIds['ATLAS'] },
      tokens[role],
    );
    expect(outcome(result)).toBe('OK');
    const emails = result.data!.organization.members.edges.map((edge) => edge.node.user.email);
    const ownEmail = ACCOUNTS[role as Exclude<Role, 'anonymous'>];
    for (const email of emails.filter((value) => value !== ownEmail)) expect(email !== null).toBe(seeEmails[role]);
  });

  it('lists exactly the organisations each person may read one by one (the policy and its SQL twin agree)', async () => {
    const { email } = await freshMember(orgIds['OASIS']);
    const oasisMember = (await app.signIn(email, 'a long enough passphrase')).accessToken;
    const { rows } = await app.db.query('SELECT id FROM organizations');
    const everyId = rows.map((row: { id: string }) => row.id);
    const readers = [...ROLES.filter((role) => role !== 'anonymous').map((role) => tokens[role]), oasisMember];
    for (const token of readers) {
      const listed = await app.gql<{ organizations: { totalCount: number; edges: { node: { id: string } }[] } }>(
        `{ organizations(first: 100) { totalCount edges { node { id } } } }`,
        {},
        token,
      );
      const readable: string[] = [];
      for (const id of everyId) {
        const read = await app.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id }, token);
        if (outcome(read) === 'OK') readable.push(id);
      }
      const listedIds = listed.data!.organizations.edges.map((edge) => edge.node.id);
      expect(listedIds.sort()).toEqual(readable.sort());
      expect(listed.data!.organizations.totalCount).toBe(readable.length);
    }
    expect(
      (
        await app.gql<{ organization: { id: string } }>(
          `query($id: ID!) { organization(id: $id) { id } }`,
          {
            id: orgIds['OASIS'],
          },
          oasisMember,
        )
      ).data,
    ).toEqual({ organization: { id: orgIds['OASIS'] } });
  });

  it.each<[Role, string, string]>([
    ['moderator', 'companyMember', 'OK'],
    ['moderator', 'admin', 'FORBIDDEN'],
    ['admin', 'moderator', 'OK'],
    ['federationRepresentative', 'federationMember', 'FORBIDDEN'],
    ['companyMember' as Role, 'companyMember', 'FORBIDDEN'],
  ])('suspendUser as %s on %s → %s', async (role, targetRole, expected) => {
    const actorToken = tokens[role] ?? (await app.signIn(ACCOUNTS[role as Exclude<Role, 'anonymous'>])).accessToken;
    const { rows } = await app.db.query('SELECT id FROM users WHERE email = $1', [
      ACCOUNTS[targetRole as Exclude<Role, 'anonymous'>],
    ]);
    const result = await app.gql(
      `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { status } } }`,
      { input: { userId: rows[0].id } },
      actorToken,
    );
    expect(outcome(result)).toBe(expected);
    const status = (await app.db.query('SELECT status FROM users WHERE id = $1', [rows[0].id])).rows[0].status;
    expect(status).toBe(expected === 'OK' ? 'SUSPENDED' : 'ACTIVE');
    await app.db.query(`UPDATE users SET status = 'ACTIVE' WHERE id = $1`, [rows[0].id]);
  });
});
