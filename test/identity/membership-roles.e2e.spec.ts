import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { ACCEPT, invite } from './support';

/** Who represents an organisation: staff change it, and an organisation that has a representative keeps one. */
const CHANGE = `mutation($input: ChangeMembershipRoleInput!) {
  changeMembershipRole(input: $input) { membership { id role } }
}`;

describe('membership roles', () => {
  let app: TestApp;
  let moderator: string;
  let organizationId: string;

  async function membershipOf(email: string): Promise<{ id: string; role: string }> {
    const { rows } = await app.db.query(
      `SELECT m.id, m.role FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 AND m.organization_id = $2`,
      [email, organizationId],
    );
    return rows[0];
  }

  async function representatives(): Promise<number> {
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'REPRESENTATIVE'`,
      [organizationId],
    );
    return rows[0].n;
  }

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    const { rows } = await app.db.query(
      `SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [ACCOUNTS.otherRepresentative],
    );
    organizationId = rows[0].organization_id;
    // The organisation gets a plain member besides its one representative.
    await app.db.query(
      `DELETE FROM memberships WHERE organization_id = $1 AND role = 'REPRESENTATIVE'
         AND user_id <> (SELECT id FROM users WHERE email = $2)`,
      [organizationId, ACCOUNTS.otherRepresentative],
    );
    const admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
    const token = await invite(app, admin, organizationId, 'colleague@example.ma');
    const accepted = await app.gql(ACCEPT, {
      input: { token, password: 'a long enough passphrase', displayName: 'Colleague' },
    });
    expect(outcome(accepted)).toBe('OK');
  });
  afterAll(() => app.close());

  it('refuses to make the only representative a member, with CONFLICT on the role, and changes nothing', async () => {
    expect(await representatives()).toBe(1);
    const only = await membershipOf(ACCOUNTS.otherRepresentative);
    const refused = await app.gql(CHANGE, { input: { membershipId: only.id, role: 'MEMBER' } }, moderator);
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions['fields']).toEqual({ role: expect.stringContaining('only representative') });
    expect((await membershipOf(ACCOUNTS.otherRepresentative)).role).toBe('REPRESENTATIVE');
  });

  it('hands representation over: promote the colleague first, then the former representative becomes a member', async () => {
    const colleague = await membershipOf('colleague@example.ma');
    const promoted = await app.gql(
      CHANGE,
      { input: { membershipId: colleague.id, role: 'REPRESENTATIVE' } },
      moderator,
    );
    expect(promoted.data).toEqual({
      changeMembershipRole: { membership: { id: colleague.id, role: 'REPRESENTATIVE' } },
    });
    const former = await membershipOf(ACCOUNTS.otherRepresentative);
    const demoted = await app.gql(CHANGE, { input: { membershipId: former.id, role: 'MEMBER' } }, moderator);
    expect(outcome(demoted)).toBe('OK');
    expect(await representatives()).toBe(1);
  });

  it('lets only one of two simultaneous demotions through', async () => {
    const former = await membershipOf(ACCOUNTS.otherRepresentative);
    await app.gql(CHANGE, { input: { membershipId: former.id, role: 'REPRESENTATIVE' } }, moderator);
    expect(await representatives()).toBe(2);
    const colleague = await membershipOf('colleague@example.ma');
    const outcomes = await Promise.all(
      [former.id, colleague.id].map(async (membershipId) =>
        outcome(await app.gql(CHANGE, { input: { membershipId, role: 'MEMBER' } }, moderator)),
      ),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await representatives()).toBe(1);
  });

  it('is refused to a representative (FORBIDDEN): the ministry decides who represents an organisation', async () => {
    const representative = (await app.signIn(ACCOUNTS.companyRepresentative)).accessToken;
    const { rows } = await app.db.query(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [ACCOUNTS.companyMember],
    );
    const response = await app.gql(
      CHANGE,
      { input: { membershipId: rows[0].id, role: 'REPRESENTATIVE' } },
      representative,
    );
    expect(outcome(response)).toBe('FORBIDDEN');
  });
});
