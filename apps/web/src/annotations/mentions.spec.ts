import { describe, expect, it } from 'vitest';
import { insertMention, mentionMarkup, mentionQueryAt } from './mentions';

describe('mentions', () => {
  it('finds the mention being typed before the caret', () => {
    expect(mentionQueryAt('Bonjour @Kha', 12)).toEqual({ start: 8, prefix: 'Kha' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, prefix: '' });
    expect(mentionQueryAt('(@خد', 4)).toEqual({ start: 1, prefix: 'خد' });
    expect(mentionQueryAt('mail@exemple', 12)).toBeNull();
    expect(mentionQueryAt('@Kha ', 5)).toBeNull();
    expect(mentionQueryAt('@Khadija et', 8)).toEqual({ start: 0, prefix: 'Khadija' });
  });

  it('writes the stored syntax, escaping brackets in names', () => {
    expect(mentionMarkup({ id: 'u1', displayName: 'Khadija Alaoui' })).toBe('@[Khadija Alaoui](user:u1)');
    expect(mentionMarkup({ id: 'u2', displayName: 'A [B]' })).toBe('@[A \\[B\\]](user:u2)');
  });

  it('replaces the query by the mention and puts the caret after it', () => {
    const person = { id: 'u1', displayName: 'Khadija Alaoui' };
    expect(insertMention('Voir @Kha merci', { start: 5, prefix: 'Kha' }, 9, person)).toEqual({
      text: 'Voir @[Khadija Alaoui](user:u1) merci',
      caret: 32,
    });
  });
});
