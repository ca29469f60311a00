import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * The difference between the server's clock and this device's (ms; positive when the server is ahead), read once from
 * the `Date` header of the API's liveness check. The server judges deadlines by its own clock: countdowns follow it.
 * A second's precision is all the header gives, which is enough for a countdown; when it cannot be read, 0.
 */
let offset: Promise<number> | null = null;
export function serverClockOffset(): Promise<number> {
  offset ??= fetch('/health/live', { cache: 'no-store' })
    .then((response) => {
      const date = Date.parse(response.headers.get('date') ?? '');
      return Number.isNaN(date) ? 0 : date - Date.now();
    })
    .catch(() => 0);
  return offset;
}

/** The current time by the server's clock, refreshed every `everyMs`. */
export function useServerNow(everyMs = 1000): number {
  const [skew, setSkew] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    void serverClockOffset().then((value) => live && setSkew(value));
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [everyMs]);
  return now + skew;
}

/** The person's own time zone (the browser's), for saying which zone a date is shown in. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A deadline in the person's time zone, with the zone named. */
export function LocalDateTime({ value }: { value: string }) {
  const intl = useIntl();
  return (
    <time dateTime={value}>
      {intl.formatDate(value, { dateStyle: 'full', timeStyle: 'short' })} ({localTimeZone()})
    </time>
  );
}

export interface Remaining {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export function remainingUntil(target: number, now: number): Remaining | null {
  const total = Math.floor((target - now) / 1000);
  if (total <= 0) return null;
  return {
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/**
 * A live countdown to `until`, by the server's clock. The seconds tick for the eye only (aria-hidden); screen readers
 * get the same time to the minute, in a plain (not live) text they read when they reach it — nothing is announced
 * every second.
 */
export function Countdown({ until, messageId }: { until: string; messageId: string }) {
  const intl = useIntl();
  const now = useServerNow();
  const left = remainingUntil(Date.parse(until), now);
  if (!left) return null;
  const unit = (value: number, unitName: 'day' | 'hour' | 'minute' | 'second') =>
    intl.formatNumber(value, { style: 'unit', unit: unitName, unitDisplay: 'long' });
  const parts = [
    left.days ? unit(left.days, 'day') : null,
    left.days || left.hours ? unit(left.hours, 'hour') : null,
    unit(left.minutes, 'minute'),
  ].filter((part): part is string => part !== null);
  const spoken = intl.formatList(parts, { type: 'conjunction' });
  const pad = (value: number) => intl.formatNumber(value, { minimumIntegerDigits: 2 });
  const days = left.days ? `${intl.formatMessage({ id: 'consultations.time.daysShort' }, { count: left.days })} ` : '';
  const ticking = `${days}${pad(left.hours)}:${pad(left.minutes)}:${pad(left.seconds)}`;
  return (
    <span className="countdown-line">
      <span className="visually-hidden">
        <FormattedMessage id={messageId} values={{ time: spoken }} />
      </span>
      <span aria-hidden="true">
        <FormattedMessage id={messageId} values={{ time: <span className="countdown">{ticking}</span> }} />
      </span>
    </span>
  );
}

/** Says plainly which clock decides: the server's, at the deadline in UTC (and in the person's zone). */
export function ServerClockNote({ closesAt }: { closesAt: string }) {
  const intl = useIntl();
  const utc = intl.formatDate(closesAt, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' });
  const local = intl.formatDate(closesAt, { dateStyle: 'long', timeStyle: 'medium' });
  return (
    <p className="server-clock">
      <FormattedMessage id="consultations.time.serverClock" values={{ utc, local, zone: localTimeZone() }} />
    </p>
  );
}
