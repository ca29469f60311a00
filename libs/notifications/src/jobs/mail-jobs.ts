import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, enqueueJob } from '@majlis/kernel';
import { ConsultationQueries } from '@majlis/consultations';
import { SpaceQueries } from '@majlis/discussions';
import { DocumentQueries } from '@majlis/documents';
import {
  INVITATION_EMAIL_JOB,
  InvitationQueries,
  InvitationService,
  PASSWORD_RESET_EMAIL_JOB,
  PasswordResetService,
  UserQueries,
} from '@majlis/identity';
import { NOTIFICATION_EMAIL_JOB } from '../inbox/notification.service';
import { NotificationPolicy } from '../inbox/notification.policy';
import { contentPath } from '@majlis/links';
import { NotificationTarget, notificationTargetSql } from '../inbox/notification-target';
import { MailSection, renderMail } from '../mail/mail-layout';
import { MAIL_MESSAGES, MailLocale, NotificationKind, mailLocale } from '../mail/mail-messages';
import { MailerService } from '../mail/mailer.service';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { JobRunner } from './job-runner.service';

export const DIGEST_SCHEDULE_JOB = 'digests.schedule';
export const DIGEST_EMAIL_JOB = 'email.digest';

/**
 * The web page a link in an e-mail opens: the invitation, the reset form, a notification's target (the inbox when
 * it has none: what it is about is no longer readable there).
 */
export const WEB_PATHS = {
  acceptInvitation: (token: string) => `/invitations/accept?token=${encodeURIComponent(token)}`,
  resetPassword: (token: string) => `/reset-password?token=${encodeURIComponent(token)}`,
  inbox: '/notifications',
  notification: (target: NotificationTarget | null) => contentPath(target) ?? '/notifications',
  consultation: (id: string) => `/consultations/${id}`,
};

interface DigestRow {
  id: string;
  kind: NotificationKind;
  title: string;
  created_at: Date;
  document_id: string | null;
  document_title: string | null;
  space_id: string | null;
  space_name: string | null;
  consultation_title: string | null;
  actor_name: string | null;
  target: NotificationTarget | null;
}

/**
 * The e-mails: password reset links, invitations, immediate notifications and digests. Each job reads what it
 * needs again (payloads carry ids only), re-checks that the person may still read it, and sends through the
 * idempotent mailer under a send key of its own.
 */
@Injectable()
export class MailJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    private readonly jobs: JobRunner,
    private readonly mailer: MailerService,
    private readonly resets: PasswordResetService,
    private readonly invitations: InvitationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PASSWORD_RESET_EMAIL_JOB, (payload) => this.passwordReset(String(payload['resetId'])));
    this.jobs.register(INVITATION_EMAIL_JOB, (payload) => this.invitation(String(payload['invitationId'])));
    this.jobs.register(NOTIFICATION_EMAIL_JOB, (payload) => this.notification(String(payload['notificationId'])));
    this.jobs.register(DIGEST_SCHEDULE_JOB, () => this.scheduleDigests());
    this.jobs.register(DIGEST_EMAIL_JOB, (payload) =>
      this.digest(String(payload['userId']), new Date(String(payload['until']))),
    );
  }

  private url(path: string): string {
    return `${this.options.publicUrl}${path}`;
  }

  async passwordReset(resetId: string): Promise<void> {
    const user = await this.resets.recipientOf(resetId);
    if (!user) return; // used or expired meanwhile: nothing to send
    const locale = mailLocale(user.locale);
    const messages = MAIL_MESSAGES[locale].passwordReset;
    const minutes = await this.resets.validForMinutes(resetId);
    const unsubscribeUrl = this.mailer.unsubscribeUrl(user.id);
    await this.mailer.deliver({
      sendKey: `password-reset:${resetId}`,
      userId: user.id,
      to: user.email,
      kind: 'PASSWORD_RESET',
      unsubscribeUrl,
      content: renderMail({
        locale,
        subject: messages.subject,
        greeting: MAIL_MESSAGES[locale].hello(user.displayName),
        paragraphs: [messages.body(minutes), messages.ignore],
        action: { label: messages.action, url: this.url(WEB_PATHS.resetPassword(this.resets.tokenFor(resetId))) },
        unsubscribeUrl,
      }),
    });
  }

  /** The invitation's current link (a resent invitation has a new one, and a new send key: it goes out again). */
  async invitation(invitationId: string): Promise<void> {
    const row = await InvitationQueries.toSend(this.db.manager, invitationId, this.clock.now());
    if (!row) return; // accepted, expired or withdrawn meanwhile
    const sentAt = new Date(row.sent_at);
    const locale = mailLocale(row.invitee_locale ?? row.inviter_locale);
    const messages = MAIL_MESSAGES[locale];
    const expires = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : locale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(row.expires_at));
    const unsubscribeUrl = row.invitee_id ? this.mailer.unsubscribeUrl(row.invitee_id) : undefined;
    await this.mailer.deliver({
      sendKey: `invitation:${invitationId}:${sentAt.getTime()}`,
      userId: row.invitee_id,
      to: row.email,
      kind: 'INVITATION',
      unsubscribeUrl,
      content: renderMail({
        locale,
        subject: messages.invitation.subject(row.organization),
        greeting: messages.hello(row.invitee_name ?? row.email),
        paragraphs: [messages.invitation.body(row.inviter, row.organization), messages.invitation.expires(expires)],
        action: {
          label: messages.invitation.action,
          url: this.url(WEB_PATHS.acceptInvitation(this.invitations.tokenFor(invitationId, sentAt))),
        },
        unsubscribeUrl,
      }),
    });
  }

  async notification(notificationId: string): Promise<void> {
    const [row] = await this.db.query(
      `SELECT n.id, n.kind, n.title, n.excerpt, n.consultation_id, n.emailed_at, u.id AS user_id, u.email,
              u.locale, u.display_name, COALESCE(s.email_frequency, 'DAILY') AS frequency,
              actor.display_name AS actor_name, c.closes_at, ${notificationTargetSql('n', 'u')} AS target
         FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
         LEFT JOIN notification_settings s ON s.user_id = u.id
         LEFT JOIN ${UserQueries.rowsSql()} actor ON actor.id = n.actor_id
         LEFT JOIN ${ConsultationQueries.rowsSql()} c ON c.id = n.consultation_id
        WHERE n.id = $1 AND n.read_at IS NULL AND ${NotificationPolicy.deliverableSql('n', 'u')}`,
      [notificationId],
    );
    // Read in the app meanwhile, no longer readable, or e-mails turned off: nothing to send.
    if (!row || row.frequency === 'NONE') return;
    const locale = mailLocale(row.locale);
    const messages = MAIL_MESSAGES[locale];
    const kind = row.kind as NotificationKind;
    const unsubscribeUrl = this.mailer.unsubscribeUrl(row.user_id);
    const content =
      kind === 'DEADLINE_REMINDER' && row.closes_at
        ? this.reminderContent(locale, row)
        : {
            subject: messages.notification.subject(row.title || messages.kinds[kind]),
            paragraphs: [describe(locale, kind, row.actor_name, row.title), row.excerpt].filter(Boolean),
            action: { label: messages.notification.open, url: this.url(WEB_PATHS.notification(row.target)) },
          };
    await this.mailer.deliver({
      sendKey: `notification:${notificationId}`,
      userId: row.user_id,
      to: row.email,
      kind: kind === 'DEADLINE_REMINDER' ? 'DEADLINE_REMINDER' : 'NOTIFICATION',
      unsubscribeUrl,
      content: renderMail({ locale, greeting: messages.hello(row.display_name), unsubscribeUrl, ...content }),
    });
    await this.db.query(`UPDATE notifications SET emailed_at = $2 WHERE id = $1 AND emailed_at IS NULL`, [
      notificationId,
      this.clock.now(),
    ]);
  }

  private reminderContent(locale: MailLocale, row: { title: string; consultation_id: string; closes_at: Date }) {
    const messages = MAIL_MESSAGES[locale].reminder;
    const hours = Math.max(1, Math.round((new Date(row.closes_at).getTime() - this.clock.now().getTime()) / 3_600_000));
    return {
      subject: messages.subject(row.title, hours),
      paragraphs: [messages.body(row.title, hours)],
      action: { label: messages.action, url: this.url(WEB_PATHS.consultation(row.consultation_id)) },
    };
  }

  /** Hourly: a digest for everyone whose day (or week) has passed since their last one and who has news. */
  async scheduleDigests(): Promise<void> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.db.query(
      `SELECT u.id FROM ${UserQueries.rowsSql()} u LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE u.status = 'ACTIVE' AND COALESCE(s.email_frequency, 'DAILY') IN ('DAILY', 'WEEKLY')
          AND (s.last_digest_at IS NULL OR s.last_digest_at <= $1::timestamptz -
               CASE WHEN s.email_frequency = 'WEEKLY' THEN interval '7 days' ELSE interval '1 day' END
               + interval '5 minutes')
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL
                        AND n.emailed_at IS NULL AND n.created_at <= $1)`,
      [now],
    );
    for (const user of due) {
      await enqueueJob(
        this.db,
        DIGEST_EMAIL_JOB,
        { userId: user.id, until: now.toISOString() },
        { jobKey: `digest:${user.id}` },
      );
    }
  }

  /**
   * One person's digest: what they have not read in the app nor received yet, up to `until`, grouped by document
   * and space (groups and items newest first). Nothing is sent when everything was read meanwhile.
   */
  async digest(userId: string, until: Date): Promise<void> {
    const [user] = await this.db.query(
      `SELECT u.id, u.email, u.locale, u.display_name, COALESCE(s.email_frequency, 'DAILY') AS frequency
         FROM ${UserQueries.rowsSql()} u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1 AND u.status = 'ACTIVE'`,
      [userId],
    );
    if (!user || !['DAILY', 'WEEKLY'].includes(user.frequency)) return;
    const rows: DigestRow[] = await this.db.query(
      `SELECT n.id, n.kind, n.title, n.created_at, n.document_id, d.title AS document_title, n.space_id,
              sp.name AS space_name, c.title AS consultation_title, actor.display_name AS actor_name,
              ${notificationTargetSql('n', 'u')} AS target
         FROM notifications n JOIN ${UserQueries.rowsSql()} u ON u.id = n.user_id
         LEFT JOIN ${DocumentQueries.rowsSql()} d ON d.id = n.document_id
         LEFT JOIN ${SpaceQueries.rowsSql()} sp ON sp.id = n.space_id
         LEFT JOIN ${ConsultationQueries.rowsSql()} c ON c.id = n.consultation_id
         LEFT JOIN ${UserQueries.rowsSql()} actor ON actor.id = n.actor_id
        WHERE n.user_id = $1 AND n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at <= $2
          AND ${NotificationPolicy.deliverableSql('n', 'u')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT 200`,
      [userId, until],
    );
    if (rows.length > 0) {
      const locale = mailLocale(user.locale);
      const messages = MAIL_MESSAGES[locale];
      const unsubscribeUrl = this.mailer.unsubscribeUrl(userId);
      await this.mailer.deliver({
        sendKey: `digest:${userId}:${until.toISOString()}`,
        userId,
        to: user.email,
        kind: 'DIGEST',
        unsubscribeUrl,
        content: renderMail({
          locale,
          subject: messages.digest.subject(rows.length),
          greeting: messages.hello(user.display_name),
          paragraphs: [messages.digest.intro(rows.length)],
          sections: digestSections(locale, rows, (row) => this.url(WEB_PATHS.notification(row.target))),
          unsubscribeUrl,
        }),
      });
      await this.db.query(`UPDATE notifications SET emailed_at = $2 WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
        this.clock.now(),
      ]);
    }
    await this.db.query(
      `INSERT INTO notification_settings (user_id, last_digest_at) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = EXCLUDED.last_digest_at`,
      [userId, until],
    );
  }
}

/** Groups by document, then space, then consultation, else "elsewhere"; groups and items newest first. */
export function digestSections(
  locale: MailLocale,
  rows: readonly DigestRow[],
  urlOf: (row: DigestRow) => string,
): MailSection[] {
  const groups = new Map<string, { heading: string; items: MailSection['items'][number][] }>();
  for (const row of rows) {
    const heading =
      row.document_title ?? row.space_name ?? row.consultation_title ?? MAIL_MESSAGES[locale].digest.elsewhere;
    const key = row.document_id ? `d:${row.document_id}` : row.space_id ? `s:${row.space_id}` : `o:${heading}`;
    const group = groups.get(key) ?? { heading, items: [] };
    group.items.push({
      text: describe(locale, row.kind, row.actor_name, row.title),
      url: urlOf(row),
      at: new Date(row.created_at),
    });
    groups.set(key, group);
  }
  return [...groups.values()];
}

function describe(locale: MailLocale, kind: NotificationKind, actor: string | null, title: string): string {
  const label = MAIL_MESSAGES[locale].kinds[kind];
  const who = (kind === 'MENTION' || kind === 'REPLY') && actor ? `${actor} ${label}` : label;
  return title ? `${who} — ${title}` : who;
}
