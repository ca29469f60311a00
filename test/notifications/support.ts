import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobRunner, MailFaults, OutboxEntry } from '@majlis/notifications';
import type { TestApp } from '../support/test-app';

/** The e-mails written so far by this suite's app (no SMTP in tests: the outbox), newest first. */
export async function outbox(app: TestApp): Promise<OutboxEntry[]> {
  const response = await fetch(`${app.baseUrl}/dev/outbox`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: OutboxEntry[] }).messages;
}

export function mailsTo(entries: readonly OutboxEntry[], to: string): OutboxEntry[] {
  return entries.filter((entry) => entry.to === to);
}

/** The raw .eml of a message, as an SMTP server would have received it. */
export function rawMessage(app: TestApp, entry: OutboxEntry): string {
  return readFileSync(join(app.config.mail.outboxDir, entry.file), 'utf8');
}

/**
 * The first link of a message's text part whose path starts with `prefix`, pointed at this suite's app (the
 * e-mails name the configured public URL).
 */
export function linkIn(app: TestApp, entry: OutboxEntry, prefix: string): URL {
  const base = app.config.mail.publicUrl;
  const match = entry.text.match(new RegExp(`${escapeRegExp(base + prefix)}\\S*`));
  if (!match) throw new Error(`no ${prefix} link in ${entry.subject}:\n${entry.text}`);
  return new URL(match[0].slice(base.length), app.baseUrl);
}

/** Runs every job due now (the worker is off in tests, so nothing runs behind a test's back). */
export async function runJobs(app: TestApp): Promise<void> {
  await app.nest.get(JobRunner).runDueJobs();
}

/** Makes every job waiting for a retry due now, instead of waiting out its backoff. */
export async function retryNow(app: TestApp): Promise<void> {
  await app.db.query(
    `SELECT graphile_worker.reschedule_jobs(array_agg(id), run_at => now()) FROM graphile_worker.jobs
      WHERE attempts > 0 AND locked_at IS NULL`,
  );
}

export function faults(app: TestApp): MailFaults {
  return app.nest.get(MailFaults);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The HTML part of a raw message, decoded (base64 or quoted-printable, as nodemailer chose). */
export function htmlPart(raw: string): string {
  const match = raw.match(/Content-Type: text\/html[^\n]*\n((?:[^\n]+\n)*)\n([\s\S]*?)\n--/i);
  if (!match) throw new Error('no HTML part');
  const [, headers, body] = match;
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}
