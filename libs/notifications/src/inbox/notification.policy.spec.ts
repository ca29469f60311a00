import type { Actor } from '@majlis/kernel';
import { NotificationKind } from '../mail/mail-messages';
import { NotificationPolicy, SpaceNotificationLevel } from './notification.policy';

const me = { userId: 'u-1', platformRole: 'MEMBER', memberships: [] } as unknown as Actor;

describe('NotificationPolicy', () => {
  it.each([
    ['its recipient', 'u-1', true],
    ['anyone else', 'u-2', false],
  ])('a notification is read by %s', (_who, owner, expected) => {
    expect(NotificationPolicy.canRead(me, { userId: owner })).toBe(expected);
  });

  it.each([
    ['its recipient', 'u-1', true],
    ['anyone else, a moderator included', 'u-2', false],
  ])('an inbox is followed live by %s', (_who, recipient, expected) => {
    const moderator = { ...me, platformRole: 'MODERATOR' } as unknown as Actor;
    expect(NotificationPolicy.canFollowInbox(expected ? me : moderator, recipient)).toBe(expected);
  });

  it.each<[NotificationKind, boolean]>([
    ['MENTION', true],
    ['REPLY', true],
    ['OFFICIAL_ANSWER', true],
    ['MODERATION', true],
    ['DEADLINE_REMINDER', true],
    ['ACTIVITY', false],
  ])('%s always notifies: %s', (kind, expected) => {
    expect(NotificationPolicy.alwaysNotifies(kind)).toBe(expected);
  });

  it.each<[SpaceNotificationLevel, boolean, boolean]>([
    ['WATCHING', false, true],
    ['WATCHING', true, true],
    ['NORMAL', true, true],
    ['NORMAL', false, false],
    ['MUTED', true, false],
    ['MUTED', false, false],
  ])('at level %s, following %s, activity is heard: %s', (level, follows, expected) => {
    expect(NotificationPolicy.hearsActivity(level, follows)).toBe(expected);
  });

  it.each([
    ['NONE', false],
    ['IMMEDIATE', true],
    ['DAILY', false],
    ['WEEKLY', false],
  ] as const)('frequency %s e-mails at once: %s', (frequency, expected) => {
    expect(NotificationPolicy.emailsAtOnce(frequency)).toBe(expected);
  });

  it('checks every container and hidden content in its SQL twin', () => {
    const sql = NotificationPolicy.deliverableSql('n', 'u');
    for (const part of ['u.status', 'spaces', 'documents', 'annotations', 'consultations', 'content_moderation'])
      expect(sql).toContain(part);
  });
});
