import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { ACCEPT, invite } from './support';

/**
 * An organisation keeps a representative whichever way its last one would go: leaving, being removed by staff, or
 * deleting their account — unless nobody else is left. Roles are covered in membership-roles.e2e.spec.ts.
 */
const REMOVE = `mutation($input: MembershipIdInput!) { removeMembership(input: $input) { membership { id role } } }`;
const DELETE_ACCOUNT = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { deleted } }`;
const PASSWORD = 'a long enough passphrase';

describe('the last representative of an organisation', () => {
  let app: TestApp;
  let admin: string;
  let count = 0;

  interface Person {
    readonly email: string;
    readonly membershipId: string;
    readonly token: string;
  }

  async function organization(): Promise<string> {
    count += 1;
    const created = await app.gql<{ createOrganization: { organization: { id: string } } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { kind: 'INSTITUTION', name: `Institution du dernier représentant ${count}` } },
      admin,
    );
    return created.data!.createOrganization.organization.id;
  }

  async function person(organizationId: string, role: 'MEMBER' | 'REPRESENTATIVE'): Promise<Person> {
    const email = `last-rep-${Math.random().toString(36).slice(2)}@example.ma`;
    const token = await invite(app, admin, organizationId, email, role);
    const accepted = await app.gql<{ acceptInvitation: { membership: { id: string } } }>(ACCEPT, {
      input: { token, password: PASSWORD, displayName: 'Personne' },
    });
    const { accessToken } = await app.signIn(email, PASSWORD);
    return { email, membershipId: accepted.data!.acceptInvitation.membership.id, token: accessToken };
  }

  async function people(organizationId: string): Promise<{ role: string; n: number }[]> {
    const { rows } = await app.db.query(
      `SELECT role, count(*)::int AS n FROM memberships WHERE organization_id = $1 GROUP BY role ORDER BY role`,
      [organizationId],
    );
    return rows;
  }

  beforeAll(async () => {
    app = await startTestApp();
    admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
  });
  afterAll(() => app.close());

  it('cannot leave while others remain (CONFLICT, LAST_REPRESENTATIVE), and nothing changes', async () => {
    const organizationId = await organization();
    const representative = await person(organizationId, 'REPRESENTATIVE');
    await person(organizationId, 'MEMBER');
    const refused = await app.gql(
      REMOVE,
      { input: { membershipId: representative.membershipId } },
      representative.token,
    );
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions['reason']).toBe('LAST_REPRESENTATIVE');
    expect(refused.errors![0].message).toContain('ask the ministry to make another member its representative');
    expect(await people(organizationId)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
  });

  it('cannot be removed by staff while others remain, but can once another representative is appointed', async () => {
    const organizationId = await organization();
    const representative = await person(organizationId, 'REPRESENTATIVE');
    await person(organizationId, 'MEMBER');
    const refused = await app.gql(REMOVE, { input: { membershipId: representative.membershipId } }, admin);
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions['reason']).toBe('LAST_REPRESENTATIVE');
    await person(organizationId, 'REPRESENTATIVE');
    const removed = await app.gql(REMOVE, { input: { membershipId: representative.membershipId } }, admin);
    expect(removed.data).toEqual({
      removeMembership: { membership: { id: representative.membershipId, role: 'REPRESENTATIVE' } },
    });
    expect(await people(organizationId)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
  });

  it('may leave when nobody else is left: the organisation stays, without people', async () => {
    const organizationId = await organization();
    const representative = await person(organizationId, 'REPRESENTATIVE');
    const left = await app.gql(REMOVE, { input: { membershipId: representative.membershipId } }, representative.token);
    expect(outcome(left)).toBe('OK');
    expect(await people(organizationId)).toEqual([]);
    const { rows } = await app.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    expect(rows).toHaveLength(1);
  });

  it('cannot delete their account while others remain; the account and its sessions stay', async () => {
    const organizationId = await organization();
    const representative = await person(organizationId, 'REPRESENTATIVE');
    await person(organizationId, 'MEMBER');
    const refused = await app.gql(DELETE_ACCOUNT, { input: { password: PASSWORD } }, representative.token);
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions['reason']).toBe('LAST_REPRESENTATIVE');
    expect(refused.errors![0].message).toContain('Institution du dernier représentant');
    const { rows } = await app.db.query(`SELECT status FROM users WHERE email = $1`, [representative.email]);
    expect(rows).toEqual([{ status: 'ACTIVE' }]);
    expect(await people(organizationId)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
    const me = await app.gql<{ me: { email: string } }>(`query { me { email } }`, {}, representative.token);
    expect(me.data?.me.email).toBe(representative.email);
  });

  it('may delete their account once they are not the only representative, or nobody else is left', async () => {
    const shared = await organization();
    const first = await person(shared, 'REPRESENTATIVE');
    await person(shared, 'REPRESENTATIVE');
    await person(shared, 'MEMBER');
    expect(outcome(await app.gql(DELETE_ACCOUNT, { input: { password: PASSWORD } }, first.token))).toBe('OK');
    expect(await people(shared)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
    const alone = await organization();
    const only = await person(alone, 'REPRESENTATIVE');
    expect(outcome(await app.gql(DELETE_ACCOUNT, { input: { password: PASSWORD } }, only.token))).toBe('OK');
    expect(await people(alone)).toEqual([]);
  });

  it('lets only one of two representatives leave at once when a member remains', async () => {
    const organizationId = await organization();
    const pair = [await person(organizationId, 'REPRESENTATIVE'), await person(organizationId, 'REPRESENTATIVE')];
    await person(organizationId, 'MEMBER');
    const outcomes = await Promise.all(
      pair.map(async (one) => outcome(await app.gql(REMOVE, { input: { membershipId: one.membershipId } }, one.token))),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await people(organizationId)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
  });

  it('lets only one of a removal and an account deletion through when they would leave no representative', async () => {
    const organizationId = await organization();
    const pair = [await person(organizationId, 'REPRESENTATIVE'), await person(organizationId, 'REPRESENTATIVE')];
    await person(organizationId, 'MEMBER');
    const outcomes = await Promise.all([
      app.gql(REMOVE, { input: { membershipId: pair[0]!.membershipId } }, admin).then(outcome),
      app.gql(DELETE_ACCOUNT, { input: { password: PASSWORD } }, pair[1]!.token).then(outcome),
    ]);
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await people(organizationId)).toEqual([
      { role: 'MEMBER', n: 1 },
      { role: 'REPRESENTATIVE', n: 1 },
    ]);
  });
});
