import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

/** One message, ready to go: both parts already rendered in the recipient's language. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable per send key, so a message can be recognised (and an outbox file found) after a crash. */
  readonly messageId: string;
  readonly headers: Record<string, string>;
  /** What it is (PASSWORD_RESET, DIGEST, …), kept beside outbox files for the development listing. */
  readonly kind: string;
}

/** Where messages go. `wasSent` answers whether a message surely left (null: the transport cannot tell). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  wasSent(messageId: string): Promise<boolean | null>;
}

/** SMTP (nodemailer), from `SMTP_URL`. Once handed over, a message cannot be looked up again. */
export class SmtpTransport implements MailTransport {
  private readonly transporter;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
  }

  async wasSent(): Promise<null> {
    return null;
  }
}

/** What the development outbox lists about a message (the .eml beside it holds the message itself). */
export interface OutboxEntry {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  readonly kind: string;
  readonly messageId: string;
  readonly writtenAt: string;
  /** The text part, so a developer (or a test) can follow its links without decoding MIME. */
  readonly text: string;
}

/**
 * Without SMTP: each message is built by nodemailer exactly as it would be sent (multipart, headers) and written
 * as a real .eml file, with a small JSON file beside it for the listing at GET /dev/outbox.
 */
export class OutboxTransport implements MailTransport {
  private readonly builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    readonly directory: string,
    private readonly from: string,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    mkdirSync(this.directory, { recursive: true });
    const info = await this.builder.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    const name = fileNameOf(mail.messageId);
    const entry: OutboxEntry = {
      file: `${name}.eml`,
      to: mail.to,
      subject: mail.subject,
      kind: mail.kind,
      messageId: mail.messageId,
      writtenAt: new Date().toISOString(),
      text: mail.text,
    };
    writeFileSync(join(this.directory, `${name}.json`), JSON.stringify(entry));
    // The .eml appears whole or not at all: it is what says the message was sent.
    const temporary = join(this.directory, `.${name}.eml.tmp`);
    writeFileSync(temporary, info.message as Buffer);
    renameSync(temporary, join(this.directory, `${name}.eml`));
  }

  async wasSent(messageId: string): Promise<boolean> {
    return existsSync(join(this.directory, `${fileNameOf(messageId)}.eml`));
  }

  /** Every message written, newest first. */
  list(): OutboxEntry[] {
    if (!existsSync(this.directory)) return [];
    return readdirSync(this.directory)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(this.directory, file), 'utf8')) as OutboxEntry)
      .filter((entry) => existsSync(join(this.directory, entry.file)))
      .sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
  }

  /** The raw message of a listed file, or null (only names the listing gives are accepted). */
  read(file: string): Buffer | null {
    if (!/^[A-Za-z0-9_-]+\.eml$/.test(file)) return null;
    const path = join(this.directory, file);
    return existsSync(path) ? readFileSync(path) : null;
  }
}

function fileNameOf(messageId: string): string {
  return messageId
    .replace(/^</, '')
    .replace(/@.*$/, '')
    .replace(/[^A-Za-z0-9_-]/g, '_');
}
