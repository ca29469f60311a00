import { Actor, MaybeActor } from '@majlis/kernel';
import { REDACTED, Redaction, ModerationRecord } from './redaction';

const actors: Record<string, MaybeActor> = {
  anonymous: null,
  author: { userId: 'author', platformRole: 'MEMBER', memberships: [] },
  reader: { userId: 'reader', platformRole: 'MEMBER', memberships: [] },
  moderator: { userId: 'mod', platformRole: 'MODERATOR', memberships: [] },
  spaceModerator: { userId: 'space-mod', platformRole: 'MEMBER', memberships: [] },
  representative: {
    userId: 'rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }],
  } satisfies Actor,
};

const hidden = { hidden: true, reason: 'Injurieux', hiddenAt: new Date(0) };
const records: Record<string, ModerationRecord | null> = {
  never: null,
  visible: {
    hidden: false,
    reason: null,
    hiddenAt: null,
    spaceId: 'agora',
    platformModerated: true,
    moderatingOrganizationId: null,
  },
  hidden: { ...hidden, spaceId: 'agora', platformModerated: true, moderatingOrganizationId: null },
  hiddenPrivate: { ...hidden, spaceId: 'conseil', platformModerated: false, moderatingOrganizationId: null },
  hiddenInternal: { ...hidden, spaceId: null, platformModerated: false, moderatingOrganizationId: 'fmo' },
};

/** The spaces each reader moderates. */
const moderates = async (who: string) => (who === 'spaceModerator' ? ['agora'] : []);

describe('Redaction (every content type)', () => {
  // reader × state × deleted → redacted
  it.each<[string, string, boolean, boolean]>([
    ['anonymous', 'never', false, false],
    ['anonymous', 'hidden', false, true],
    ['reader', 'never', false, false],
    ['reader', 'visible', false, false],
    ['reader', 'hidden', false, true],
    ['reader', 'never', true, true],
    ['author', 'hidden', false, false],
    ['author', 'hiddenPrivate', false, false],
    ['author', 'never', true, true],
    ['moderator', 'hidden', false, false],
    ['moderator', 'hiddenPrivate', false, true],
    ['moderator', 'hiddenInternal', false, true],
    ['moderator', 'visible', true, true],
    ['representative', 'hiddenInternal', false, false],
    ['representative', 'hidden', false, true],
    ['spaceModerator', 'hidden', false, false],
    ['spaceModerator', 'hiddenPrivate', false, true],
    ['spaceModerator', 'hidden', true, true],
  ])('%s, %s, deleted %s → redacted %s', async (who, state, deleted, redacted) => {
    const content = { authorId: 'author', deletedAt: deleted ? new Date(0) : null };
    expect(await Redaction.resolve(actors[who], content, records[state], () => moderates(who))).toBe(redacted);
    expect(Redaction.isRedacted(actors[who], content, records[state], await moderates(who))).toBe(redacted);
  });

  it('answers the same placeholder for every field', () => {
    expect(REDACTED).toBeNull();
  });

  it.each<[string, string, boolean]>([
    ['author', 'hidden', true],
    ['author', 'never', true],
    ['moderator', 'never', true],
    ['moderator', 'hiddenPrivate', false],
    ['representative', 'hiddenInternal', true],
    ['reader', 'hidden', false],
    ['anonymous', 'hidden', false],
    ['spaceModerator', 'hidden', true],
  ])('tells %s the moderation state (%s): %s', async (who, state, told) => {
    const content = { authorId: 'author', deletedAt: null };
    const stateFor = await Redaction.stateFor(actors[who], content, records[state], () => moderates(who));
    expect(stateFor !== null).toBe(told);
    if (told && records[state]?.hidden) expect(stateFor).toEqual(hidden);
  });
});
