import { Actor, MaybeActor } from '@majlis/kernel';
import { REDACTED, Redaction, ModerationRecord } from './redaction';

const actors: Record<string, MaybeActor> = {
  anonymous: null,
  author: { userId: 'author', platformRole: 'MEMBER', memberships: [] },
  reader: { userId: 'reader', platformRole: 'MEMBER', memberships: [] },
  moderator: { userId: 'mod', platformRole: 'MODERATOR', memberships: [] },
  representative: {
    userId: 'rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }],
  } satisfies Actor,
};

const hidden = { hidden: true, reason: 'Injurieux', hiddenAt: new Date(0) };
const records: Record<string, ModerationRecord | null> = {
  never: null,
  visible: { hidden: false, reason: null, hiddenAt: null, platformModerated: true, moderatingOrganizationId: null },
  hidden: { ...hidden, platformModerated: true, moderatingOrganizationId: null },
  hiddenPrivate: { ...hidden, platformModerated: false, moderatingOrganizationId: null },
  hiddenInternal: { ...hidden, platformModerated: false, moderatingOrganizationId: 'fmo' },
};

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
  ])('%s, %s, deleted %s → redacted %s', (who, state, deleted, redacted) => {
    const content = { authorId: 'author', deletedAt: deleted ? new Date(0) : null };
    expect(Redaction.isRedacted(actors[who], content, records[state])).toBe(redacted);
    expect(Redaction.field(actors[who], content, records[state], 'Titre')).toBe(redacted ? REDACTED : 'Titre');
    expect(Redaction.field(actors[who], content, records[state], ['tag'])).toEqual(redacted ? REDACTED : ['tag']);
  });

  it.each<[string, string, boolean]>([
    ['author', 'hidden', true],
    ['author', 'never', true],
    ['moderator', 'never', true],
    ['moderator', 'hiddenPrivate', false],
    ['representative', 'hiddenInternal', true],
    ['reader', 'hidden', false],
    ['anonymous', 'hidden', false],
  ])('tells %s the moderation state (%s): %s', (who, state, told) => {
    const stateFor = Redaction.stateFor(actors[who], { authorId: 'author', deletedAt: null }, records[state]);
    expect(stateFor !== null).toBe(told);
    if (told && records[state]?.hidden) expect(stateFor).toEqual(hidden);
  });
});
