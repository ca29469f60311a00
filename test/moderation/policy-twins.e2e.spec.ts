import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '@majlis/kernel';
import { ContentType, ModerationPolicy, ModerationScope } from '@majlis/moderation';
import { TestApp, startTestApp } from '../support/test-app';

const FMO = randomUUID();
const AUTHOR = randomUUID();
const AGORA = randomUUID();
const CONSEIL = randomUUID();

const person = (role: 'ADMIN' | 'MODERATOR' | 'MEMBER', memberships: Actor['memberships'] = []): Actor => ({
  userId: randomUUID(),
  platformRole: role,
  memberships,
});
const people: Record<string, { actor: Actor; moderates: string[] }> = {
  admin: { actor: person('ADMIN'), moderates: [] },
  moderator: { actor: person('MODERATOR'), moderates: [] },
  spaceModerator: { actor: person('MEMBER'), moderates: [AGORA] },
  privateOwner: { actor: person('MEMBER'), moderates: [CONSEIL] },
  fmoRepresentative: { actor: person('MEMBER', [{ organizationId: FMO, role: 'REPRESENTATIVE' }]), moderates: [] },
  fmoMember: { actor: person('MEMBER', [{ organizationId: FMO, role: 'MEMBER' }]), moderates: [] },
  author: { actor: { userId: AUTHOR, platformRole: 'MEMBER', memberships: [] }, moderates: [] },
};
const contents: Record<string, ModerationScope> = {
  publicThread: { spaceId: AGORA, platformModerated: true, moderatingOrganizationId: null },
  privateThread: { spaceId: CONSEIL, platformModerated: false, moderatingOrganizationId: null },
  annotation: { spaceId: null, platformModerated: true, moderatingOrganizationId: null },
  internalComment: { spaceId: null, platformModerated: false, moderatingOrganizationId: FMO },
};

/**
 * ModerationPolicy's SQL twins agree with its predicates on every person × content of its table, evaluated by the
 * real PostgreSQL (the queue and every list use the twins; actions and redaction use the predicates).
 */
describe('ModerationPolicy: each predicate and its SQL twin agree', () => {
  let app: TestApp;
  let db: DataSource;
  const ids: Record<string, string> = {};

  const evaluate = async (condition: { sql: string; params: Record<string, unknown> }, from: string) => {
    const [sql, params] = db.driver.escapeQueryWithParameters(
      `SELECT ${condition.sql} AS answer FROM ${from}`,
      condition.params,
      {},
    );
    const rows: { answer: boolean }[] = await db.query(sql, params);
    return rows[0].answer;
  };

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    db = app.nest.get(DataSource);
    for (const [name, scope] of Object.entries(contents)) {
      ids[name] = randomUUID();
      await app.db.query(
        `INSERT INTO content_moderation (content_type, content_id, space_id, author_id, hidden, platform_moderated, moderating_organization_id)
         VALUES ('THREAD', $1, $2, $3, true, $4, $5)`,
        [ids[name], scope.spaceId, AUTHOR, scope.platformModerated, scope.moderatingOrganizationId],
      );
    }
  });
  afterAll(() => app.close());

  const rows = Object.keys(people).flatMap((who) => Object.keys(contents).map((what) => [who, what]));

  it.each(rows)('%s on %s', async (who, what) => {
    const { actor, moderates } = people[who];
    const type: ContentType = 'THREAD';
    expect(
      await evaluate(
        ModerationPolicy.canModerateSql(actor, 'cm', moderates),
        `content_moderation cm WHERE cm.content_id = '${ids[what]}'`,
      ),
    ).toBe(ModerationPolicy.canModerate(actor, contents[what], moderates));
    expect(
      await evaluate(
        ModerationPolicy.hiddenForViewerSql(type, 'thread', actor, {
          sql: 'SELECT unnest(CAST(:moderatedIds AS uuid[]))',
          params: { moderatedIds: moderates },
        }),
        `(SELECT CAST('${ids[what]}' AS uuid) AS id, CAST('${AUTHOR}' AS uuid) AS author_id) thread`,
      ),
    ).toBe(!ModerationPolicy.seesHidden(actor, { authorId: AUTHOR }, contents[what], moderates));
  });
});
