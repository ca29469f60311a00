import { Actor } from '@majlis/kernel';
import { AuthoredContentPolicy } from './authored-content.policy';

const actors: Record<string, Actor> = {
  author: { userId: 'author', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'MEMBER' }] },
  representative: {
    userId: 'rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }],
  },
  other: { userId: 'other', platformRole: 'MEMBER', memberships: [] },
  moderator: { userId: 'mod', platformRole: 'MODERATOR', memberships: [] },
};
const live = { authorId: 'author', deletedAt: null };
const deleted = { authorId: 'author', deletedAt: new Date(0) };
const states = { live, deleted };

describe('AuthoredContentPolicy (threads and comments)', () => {
  // role × action × state → allowed
  it.each<[string, string, keyof typeof states, boolean]>([
    ['author', 'edit', 'live', true],
    ['author', 'edit', 'deleted', false],
    ['author', 'delete', 'live', true],
    ['author', 'history', 'live', true],
    ['representative', 'edit', 'live', false],
    ['representative', 'delete', 'live', false],
    ['representative', 'history', 'live', false],
    ['other', 'edit', 'live', false],
    ['other', 'delete', 'live', false],
    ['moderator', 'edit', 'live', false],
    ['moderator', 'delete', 'live', false],
    ['moderator', 'history', 'live', true],
  ])('%s may %s a %s one: %s', (who, action, state, expected) => {
    const actor = actors[who];
    const rules = {
      edit: AuthoredContentPolicy.canEdit,
      delete: AuthoredContentPolicy.canDelete,
      history: AuthoredContentPolicy.canSeeHistory,
    } as const;
    expect(rules[action as keyof typeof rules](actor, states[state])).toBe(expected);
  });

  it.each<[string, string | null, boolean, boolean]>([
    ['author', null, true, false],
    ['author', 'fmo', false, false],
    ['representative', 'fmo', true, false],
    ['representative', 'adi', false, false],
    ['moderator', null, true, true],
    ['moderator', 'fmo', false, true],
  ])('%s speaking for %s: allowed %s; answers officially %s', (who, organization, speaks, official) => {
    expect(AuthoredContentPolicy.canSpeakFor(actors[who], organization)).toBe(speaks);
    expect(AuthoredContentPolicy.canAnswerOfficially(actors[who])).toBe(official);
  });

  it.each<[string, boolean]>([
    ['author', false],
    ['representative', true],
    ['moderator', true],
  ])('%s endorses the author’s content: %s', (who, expected) => {
    expect(AuthoredContentPolicy.canEndorse(actors[who], live)).toBe(expected);
  });

  it.each<[boolean, boolean, 'DELETED' | 'LOCKED' | true]>([
    [false, false, true],
    [false, true, 'LOCKED'],
    [true, false, 'DELETED'],
    [true, true, 'DELETED'],
  ])('a thread deleted %s, locked %s takes replies: %s', (isDeleted, locked, expected) => {
    expect(AuthoredContentPolicy.takesReplies({ ...(isDeleted ? deleted : live), locked })).toBe(expected);
  });

  it.each<[boolean, boolean, boolean]>([
    [true, false, true],
    [false, true, true],
    [false, false, false],
  ])('present %s, with live replies %s: shown %s', (present, replies, shown) => {
    expect(AuthoredContentPolicy.isShown(present, replies)).toBe(shown);
  });
});
