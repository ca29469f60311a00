export interface NotificationsOptions {
  /** The database the job queue lives in (graphile-worker opens its own small pool). */
  readonly databaseUrl: string;
  /** Signs unsubscribe links (HMAC-SHA-256); kept out of the database. */
  readonly signingKey: string;
  /** Links in e-mails start with this (no trailing slash). */
  readonly publicUrl: string;
  readonly mail: {
    /** SMTP when set; otherwise every message is written as an .eml file into `outboxDir`. */
    readonly smtpUrl: string | undefined;
    readonly from: string;
    readonly outboxDir: string;
  };
  /** Whether this process runs the background jobs (the API by default; `npm run worker` alone otherwise). */
  readonly worker: { readonly inProcess: boolean; readonly concurrency: number };
}

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');
