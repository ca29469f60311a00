import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@majlis/kernel';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { RenderedMail } from './mail-layout';
import { MailTransport, OutboxTransport, SmtpTransport } from './mail-transport';
import { unsubscribeToken } from './unsubscribe-link';

export interface MailToSend {
  /** Unique per message that must go out once (`password-reset:<id>`, `digest:<user>:<until>`). */
  readonly sendKey: string;
  readonly userId: string | null;
  readonly to: string;
  readonly kind: string;
  readonly content: RenderedMail;
  /** Adds the signed unsubscribe link's List-Unsubscribe headers (people with an account). */
  readonly unsubscribeUrl?: string;
}

export type DeliveryOutcome = 'SENT' | 'ALREADY_SENT' | 'UNCERTAIN';

/**
 * A fault to simulate in tests: the process dies after the message left and before it was recorded as sent.
 * Only ever armed by a test; production code never sets it.
 */
@Injectable()
export class MailFaults {
  crashAfterSend = 0;
}

/**
 * Sends each message at most once. The send key is claimed (committed) before sending, then marked SENT. A retry
 * that finds the claim without SENT is a worker that died mid-send: it asks the transport whether the message left
 * (the outbox can tell; SMTP cannot) and never sends a second time: it records SENT or UNCERTAIN and logs it.
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  readonly transport: MailTransport;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    private readonly clock: Clock,
    private readonly faults: MailFaults,
  ) {
    this.transport = options.mail.smtpUrl
      ? new SmtpTransport(options.mail.smtpUrl, options.mail.from)
      : new OutboxTransport(options.mail.outboxDir, options.mail.from);
  }

  /** The outbox, when e-mails are written to files (no SMTP_URL). */
  get outbox(): OutboxTransport | null {
    return this.transport instanceof OutboxTransport ? this.transport : null;
  }

  unsubscribeUrl(userId: string): string {
    return `${this.options.publicUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(this.options.signingKey, userId))}`;
  }

  async deliver(mail: MailToSend): Promise<DeliveryOutcome> {
    const messageId = `<${createHash('sha256').update(mail.sendKey).digest('hex').slice(0, 32)}@majlis>`;
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO email_deliveries (send_key, user_id, recipient, kind, status, message_id, claimed_at)
       VALUES ($1, $2, $3, $4, 'SENDING', $5, $6) ON CONFLICT (send_key) DO NOTHING RETURNING send_key`,
      [mail.sendKey, mail.userId, mail.to, mail.kind, messageId, this.clock.now()],
    );
    if (claimed.length === 0) return this.afterEarlierAttempt(mail.sendKey, messageId);

    await this.transport.send({
      to: mail.to,
      subject: mail.content.subject,
      text: mail.content.text,
      html: mail.content.html,
      messageId,
      kind: mail.kind,
      headers: mail.unsubscribeUrl
        ? {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {},
    });
    if (this.faults.crashAfterSend > 0) {
      this.faults.crashAfterSend -= 1;
      throw new Error('simulated crash between sending and recording');
    }
    await this.markSent(mail.sendKey, 'SENT');
    return 'SENT';
  }

  private async afterEarlierAttempt(sendKey: string, messageId: string): Promise<DeliveryOutcome> {
    const [row] = await this.db.query(`SELECT status FROM email_deliveries WHERE send_key = $1`, [sendKey]);
    if (row?.status !== 'SENDING') return row?.status === 'UNCERTAIN' ? 'UNCERTAIN' : 'ALREADY_SENT';
    const sent = await this.transport.wasSent(messageId);
    if (sent === false) {
      // It never left (the outbox says so): this attempt may send it after all.
      await this.db.query(`DELETE FROM email_deliveries WHERE send_key = $1 AND status = 'SENDING'`, [sendKey]);
      throw new Error(`e-mail ${sendKey} was claimed but never sent: released for the next attempt`);
    }
    this.logger.warn(`e-mail ${sendKey}: an earlier attempt stopped mid-send; not sending it again`);
    await this.markSent(sendKey, sent ? 'SENT' : 'UNCERTAIN');
    return sent ? 'ALREADY_SENT' : 'UNCERTAIN';
  }

  private async markSent(sendKey: string, status: 'SENT' | 'UNCERTAIN'): Promise<void> {
    await this.db.query(`UPDATE email_deliveries SET status = $2, sent_at = $3 WHERE send_key = $1`, [
      sendKey,
      status,
      this.clock.now(),
    ]);
  }
}
