import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../annotations/test-support';
import { Countdown } from './time';

/** The countdown's ticking line, as the eye reads it (the spoken one is beside it, to the minute). */
function ticking(container: HTMLElement): string {
  return container.querySelector('[aria-hidden="true"]')?.textContent ?? '';
}

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-02T00:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline: the server clock counts as the browser’s')));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const until = (days: number) => new Date(Date.parse('2026-12-02T00:00:00Z') + days * 86_400_000 + 3_723_000);

  it('writes the days as a word in Arabic, with the plural the number takes (nominative: after a colon, not after a preposition)', () => {
    const seen = [1, 2, 3, 11, 29, 100].map((days) => {
      const { container, unmount } = renderWithProviders(
        <Countdown until={until(days).toISOString()} messageId="consultations.time.closesIn" />,
        { locale: 'ar' },
      );
      const text = ticking(container);
      unmount();
      return text;
    });
    expect(seen.map((text) => text.replace(/[\u200e\u200f\u061c]/g, ''))).toEqual([
      'المتبقي حتى الإغلاق: يوم واحد 01:02:03',
      'المتبقي حتى الإغلاق: يومان 01:02:03',
      `المتبقي حتى الإغلاق: ${new Intl.NumberFormat('ar').format(3)} أيام 01:02:03`,
      `المتبقي حتى الإغلاق: ${new Intl.NumberFormat('ar').format(11)} يومًا 01:02:03`,
      `المتبقي حتى الإغلاق: ${new Intl.NumberFormat('ar').format(29)} يومًا 01:02:03`,
      `المتبقي حتى الإغلاق: ${new Intl.NumberFormat('ar').format(100)} يوم 01:02:03`,
    ]);
  });

  it('keeps the short form in French, and says the time to the minute for screen readers', () => {
    const { container } = renderWithProviders(
      <Countdown until={until(29).toISOString()} messageId="consultations.time.closesIn" />,
    );
    expect(ticking(container)).toBe('Se termine dans 29 j 01:02:03');
    expect(container.querySelector('.visually-hidden')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Se termine dans 29 jours, 1 heure et 2 minutes',
    );
  });
});
