import { DataSource } from 'typeorm';
import { SpacePolicy, SpaceRole, SpaceVisibility, readerParameters } from '@majlis/discussions';
import { Actor } from '@majlis/kernel';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

type Membership = 'none' | `user:${SpaceRole}` | `organization:${SpaceRole}`;
const VISIBILITIES: SpaceVisibility[] = ['PUBLIC', 'RESTRICTED', 'PRIVATE'];
const MEMBERSHIPS: Membership[] = [
  'none',
  'user:OBSERVER',
  'user:PARTICIPANT',
  'user:MODERATOR',
  'user:OWNER',
  'organization:PARTICIPANT',
  'organization:MODERATOR',
];

/**
 * SpacePolicy's SQL twins agree with its predicates on every visibility × membership, evaluated by the real
 * PostgreSQL: readableSql (lists of spaces and threads), readableByUserSql (mentions), moderatedSpaceIdsSql (the
 * spaces whose hidden content a person sees, and whose reports they moderate).
 */
describe('SpacePolicy: each predicate and its SQL twin agree', () => {
  let app: TestApp;
  let db: DataSource;
  let actor: Actor;
  const spaces = new Map<string, string>();

  const evaluate = async (sql: string, params: Record<string, unknown>) => {
    const [text, values] = db.driver.escapeQueryWithParameters(`SELECT ${sql} AS answer`, params, {});
    return ((await db.query(text, values)) as { answer: boolean }[])[0].answer;
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = app.nest.get(DataSource);
    const [{ id: userId }] = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.federationMember]))
      .rows;
    const [{ id: fmo }] = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows;
    const [{ id: creator }] = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.admin])).rows;
    actor = { userId, platformRole: 'MEMBER', memberships: [{ organizationId: fmo, role: 'MEMBER' }] };
    for (const visibility of VISIBILITIES)
      for (const membership of MEMBERSHIPS) {
        const slug = `${visibility}-${membership.replace(':', '-')}`.toLowerCase();
        const [{ id }] = (
          await app.db.query(
            `INSERT INTO spaces (slug, name, owner_organization_id, visibility, created_by_id) VALUES ($1, $1, $2, $3, $4) RETURNING id`,
            [slug, fmo, visibility, creator],
          )
        ).rows;
        spaces.set(`${visibility} ${membership}`, id);
        if (membership === 'none') continue;
        const [kind, role] = membership.split(':');
        await app.db.query(
          `INSERT INTO space_members (space_id, user_id, organization_id, role) VALUES ($1, $2, $3, $4)`,
          [id, kind === 'user' ? userId : null, kind === 'organization' ? fmo : null, role],
        );
      }
  });
  afterAll(() => app.close());

  const rows = VISIBILITIES.flatMap((visibility) => MEMBERSHIPS.map((membership) => [visibility, membership]));

  it.each(rows)('%s space, membership %s', async (visibility, membership) => {
    const spaceId = spaces.get(`${visibility} ${membership}`)!;
    const role = membership === 'none' ? null : (membership.split(':')[1] as SpaceRole);
    const space = { visibility: visibility as SpaceVisibility };
    const from = `(SELECT * FROM spaces WHERE id = '${spaceId}')`;
    expect(
      await evaluate(`EXISTS (SELECT 1 FROM ${from} space WHERE ${SpacePolicy.readableSql('space')})`, {
        ...readerParameters(actor),
      }),
    ).toBe(SpacePolicy.canRead(space, role));
    expect(
      await evaluate(`EXISTS (SELECT 1 FROM ${from} s WHERE ${SpacePolicy.readableByUserSql('s', ':someone')})`, {
        someone: actor.userId,
      }),
    ).toBe(SpacePolicy.canRead(space, role));
    expect(
      await evaluate(`CAST('${spaceId}' AS uuid) IN (${SpacePolicy.moderatedSpaceIdsSql()})`, readerParameters(actor)),
    ).toBe(role === 'OWNER' || role === 'MODERATOR');
    // What the role part grants is what canModerate grants a person without platform role.
    expect(SpacePolicy.canModerate(actor, space, role)).toBe(role === 'OWNER' || role === 'MODERATOR');
  });
});
