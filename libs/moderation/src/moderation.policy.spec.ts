import { Actor } from '@majlis/kernel';
import { ModerationPolicy, ModerationScope } from './moderation.policy';

const member = (userId: string, organizationId: string, role: 'REPRESENTATIVE' | 'MEMBER'): Actor => ({
  userId,
  platformRole: 'MEMBER',
  memberships: [{ organizationId, role }],
});

/** The people of the table, and the spaces each moderates (as the discussions area registers them). */
const people: Record<string, { actor: Actor; moderates: string[] }> = {
  admin: { actor: { userId: 'admin', platformRole: 'ADMIN', memberships: [] }, moderates: [] },
  moderator: { actor: { userId: 'mod', platformRole: 'MODERATOR', memberships: [] }, moderates: [] },
  spaceModerator: { actor: member('agora-mod', 'atlas', 'MEMBER'), moderates: ['agora'] },
  privateOwner: { actor: member('owner', 'fmo', 'MEMBER'), moderates: ['conseil'] },
  fmoRepresentative: { actor: member('fmo-rep', 'fmo', 'REPRESENTATIVE'), moderates: [] },
  fmoMember: { actor: member('fmo-mem', 'fmo', 'MEMBER'), moderates: [] },
  otherRepresentative: { actor: member('adi-rep', 'adi', 'REPRESENTATIVE'), moderates: [] },
  author: { actor: member('author', 'fmo', 'MEMBER'), moderates: [] },
};

/** The states of the table: where the content is, hence who moderates it. */
const contents: Record<string, ModerationScope> = {
  publicThread: { spaceId: 'agora', platformModerated: true, moderatingOrganizationId: null },
  privateThread: { spaceId: 'conseil', platformModerated: false, moderatingOrganizationId: null },
  annotation: { spaceId: null, platformModerated: true, moderatingOrganizationId: null },
  internalComment: { spaceId: null, platformModerated: false, moderatingOrganizationId: 'fmo' },
};

describe('ModerationPolicy', () => {
  // person × content → moderates it (queue, actions), sees it as written while hidden
  it.each<[string, string, boolean, boolean]>([
    ['admin', 'publicThread', true, true],
    ['admin', 'privateThread', false, false],
    ['admin', 'annotation', true, true],
    ['admin', 'internalComment', false, false],
    ['moderator', 'publicThread', true, true],
    ['moderator', 'privateThread', false, false],
    ['moderator', 'annotation', true, true],
    ['moderator', 'internalComment', false, false],
    ['spaceModerator', 'publicThread', true, true],
    ['spaceModerator', 'privateThread', false, false],
    ['spaceModerator', 'annotation', false, false],
    ['spaceModerator', 'internalComment', false, false],
    ['privateOwner', 'publicThread', false, false],
    ['privateOwner', 'privateThread', true, true],
    ['privateOwner', 'internalComment', false, false],
    ['fmoRepresentative', 'publicThread', false, false],
    ['fmoRepresentative', 'privateThread', false, false],
    ['fmoRepresentative', 'internalComment', true, true],
    ['fmoMember', 'internalComment', false, false],
    ['otherRepresentative', 'internalComment', false, false],
    ['otherRepresentative', 'annotation', false, false],
    ['author', 'publicThread', false, true],
    ['author', 'privateThread', false, true],
    ['author', 'internalComment', false, true],
  ])('%s on %s: moderates %s, sees hidden %s', (who, what, moderates, seesHidden) => {
    const { actor, moderates: spaces } = people[who];
    const scope = contents[what];
    expect(ModerationPolicy.canModerate(actor, scope, spaces)).toBe(moderates);
    expect(ModerationPolicy.seesHidden(actor, { authorId: 'author' }, scope, spaces)).toBe(seesHidden);
  });

  // person → has a queue, reads the log, suspends people
  it.each<[string, boolean, boolean]>([
    ['admin', true, true],
    ['moderator', true, true],
    ['spaceModerator', true, false],
    ['privateOwner', true, false],
    ['fmoRepresentative', true, false],
    ['fmoMember', false, false],
    ['author', false, false],
  ])('%s: is a moderator %s, reads the log and acts on people %s', (who, isModerator, platform) => {
    const { actor, moderates } = people[who];
    expect(ModerationPolicy.isModerator(actor, moderates)).toBe(isModerator);
    expect(ModerationPolicy.canReadLog(actor)).toBe(platform);
    expect(ModerationPolicy.canModeratePeople(actor)).toBe(platform);
  });

  // person → reports someone else's content, their own; speaks for the organisation concerned (fmo)
  it.each<[string, boolean, boolean]>([
    ['moderator', true, true],
    ['fmoRepresentative', true, true],
    ['fmoMember', true, false],
    ['otherRepresentative', true, false],
    ['author', false, false],
  ])('%s: reports %s, hides confidential information at once %s', (who, reports, speaksFor) => {
    const { actor } = people[who];
    expect(ModerationPolicy.canReport(actor, { authorId: 'author' })).toBe(reports);
    expect(ModerationPolicy.canReport(actor, { authorId: actor.userId })).toBe(false);
    expect(ModerationPolicy.speaksForConcernedOrganization(actor, ['fmo'])).toBe(speaksFor);
  });

  it('binds the SQL twins’ parameters from the actor', () => {
    const { actor, moderates } = people['fmoRepresentative'];
    expect(ModerationPolicy.canModerateSql(actor, 'cm', moderates).params).toEqual({
      moderatorSpaces: [],
      moderatorRepresents: ['fmo'],
    });
    expect(ModerationPolicy.hiddenForViewerSql('THREAD', 'thread', actor).params).toEqual({
      moderationViewer: 'fmo-rep',
      moderationRepresents: ['fmo'],
    });
    // Only platform staff read the platform_moderated column as a licence.
    expect(ModerationPolicy.canModerateSql(actor, 'cm', moderates).sql).not.toContain('cm.platform_moderated');
    expect(ModerationPolicy.canModerateSql(people['moderator'].actor, 'cm', []).sql).toContain('cm.platform_moderated');
  });

  // person × report → reads it back (myReports): its reporter alone, not moderators, not the person reported
  it.each<[string, string, boolean]>([
    ['fmoMember', 'fmo-mem', true],
    ['fmoMember', 'author', false],
    ['author', 'fmo-mem', false],
    ['moderator', 'fmo-mem', false],
    ['admin', 'fmo-mem', false],
  ])('%s reads back a report by %s: %s', (who, reporterId, expected) => {
    const { actor } = people[who];
    expect(ModerationPolicy.canSeeReport(actor, { reporterId })).toBe(expected);
    const twin = ModerationPolicy.ownReportsSql(actor, 'report');
    expect(twin.sql).toBe('report.reporter_id = :reportViewer');
    expect(twin.params['reportViewer'] === reporterId).toBe(expected);
  });
});
