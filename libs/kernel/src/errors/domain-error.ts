/**
 * Domain errors carry a stable code that the API maps, in one place, onto GraphQL's `extensions.code`.
 * Messages are written for people; they never contain SQL, stack traces or internal identifiers.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DEADLINE_PASSED'
  | 'RATE_LIMITED'
  | 'RESYNC_REQUIRED'
  | 'SERVICE_UNAVAILABLE';

/** Per-field messages, keyed by the input field's path (e.g. `email`, `answers.2.value`). */
export type FieldErrors = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Extra, safe-to-show details merged into the GraphQL error's extensions. */
  readonly details: Record<string, unknown> = {};

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** The stable, per-area name of this refusal (`extensions.reason`, see `refusalReasons`), for clients to translate. */
  get reason(): string | undefined {
    return this.details['reason'] as string | undefined;
  }

  /** Names why (`extensions.reason`): one of the area's `refusalReasons`. */
  because(reason: string): this {
    this.details['reason'] = reason;
    return this;
  }
}

/** An area's refusal reasons, each described for the README's table. */
export interface RefusalReasonCatalogue {
  readonly area: string;
  readonly reasons: Readonly<Record<string, { readonly code: DomainErrorCode; readonly meaning: string }>>;
}

const catalogues: RefusalReasonCatalogue[] = [];

/**
 * Declares an area's refusal reasons once: `extensions.reason` names the refusal inside its code (DEADLINE_PASSED
 * is DOCUMENT_CLOSED or CONSULTATION_CLOSED), stable for clients to translate. Answers `{ NAME: 'NAME' }`, so that
 * call sites are checked by the compiler (`ensureAllowed(…, Reason.NAME)`, `new XError(…).because(Reason.NAME)`).
 */
export function refusalReasons<const T extends Record<string, { code: DomainErrorCode; meaning: string }>>(
  area: string,
  reasons: T,
): { readonly [K in keyof T]: K } {
  catalogues.push({ area, reasons });
  return Object.fromEntries(Object.keys(reasons).map((name) => [name, name])) as { readonly [K in keyof T]: K };
}

/** Every area's catalogue declared so far (those whose modules are loaded), for the README check. */
export function refusalReasonCatalogues(): readonly RefusalReasonCatalogue[] {
  return catalogues;
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly fields: FieldErrors,
    message = summariseFields(fields),
  ) {
    super(message);
    this.details['fields'] = fields;
  }

  static field(field: string, message: string): InvalidInputError {
    return new InvalidInputError({ [field]: message });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'You need to sign in to do this.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  /** `what` names the kind of thing ("Organization"); the message never says whether it exists but is hidden. */
  constructor(what: string, message = `${what} not found.`) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.details['fields'] = { [field]: message };
  }
}

export class DeadlinePassedError extends DomainError {
  readonly code = 'DEADLINE_PASSED' as const;
  constructor(message = 'The deadline for this has passed.') {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`,
  ) {
    super(message);
    this.details['retryAfterSeconds'] = retryAfterSeconds;
  }
}

/**
 * What the client holds is too old to be brought up to date by replaying events (a live subscription resuming
 * `after` a sequence whose events were pruned, see EVENT_RETENTION_DAYS, or more than can be replayed): it reads
 * again what it shows, then subscribes without `after`.
 */
export class ResyncRequiredError extends DomainError {
  readonly code = 'RESYNC_REQUIRED' as const;
  constructor(message = 'Too much has happened since your last update to replay it: reload, then subscribe again.') {
    super(message);
  }
}

function summariseFields(fields: FieldErrors): string {
  const entries = Object.entries(fields);
  if (entries.length === 1) {
    const [field, message] = entries[0];
    return `Invalid ${field}: ${message}`;
  }
  return `The input has ${entries.length} invalid fields: ${entries.map(([field]) => field).join(', ')}.`;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
