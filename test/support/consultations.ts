import { TestApp } from './test-app';

const HOUR = 3600_000;

export interface ConsultationQuestion {
  readonly id: string;
  readonly position: number;
  readonly kind: string;
  readonly required: boolean;
  readonly scaleMin: number | null;
  readonly scaleMax: number | null;
}

export interface CreatedConsultation {
  readonly id: string;
  readonly state: string;
  readonly questions: ConsultationQuestion[];
}

/** What a contribution is saved with: the questions' answers and, optionally, the consent to publish them. */
export interface ContributionDraft {
  readonly consultationId: string;
  readonly organizationId: string;
  readonly answers: readonly Record<string, unknown>[];
  readonly consent?: string;
}

const CREATE = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) {
  consultation { id state questions { id position kind required scaleMin scaleMax } } } }`;
const PUBLISH = `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { id } } }`;
const JOIN = `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { id version status } } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`;
const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`;

/** The data of an answer the test expects to succeed; throws with the errors when the API refuses. */
async function succeeded<T>(response: Promise<{ data: T | null; errors?: unknown[] }>): Promise<T> {
  const { data, errors } = await response;
  if (errors?.length || !data) throw new Error(JSON.stringify(errors));
  return data;
}

/**
 * A consultation created by a moderator (`token`), a draft. By default it opened an hour ago (by the app's clock),
 * closes in an hour, is for federations and companies and asks one required text question; `input` overrides any
 * field. Throws when the API refuses.
 */
export async function createConsultation(
  app: TestApp,
  token: string,
  input: Record<string, unknown> = {},
): Promise<CreatedConsultation> {
  const now = app.clock.now().getTime();
  const data = await succeeded(
    app.gql<{ createConsultation: { consultation: CreatedConsultation } }>(
      CREATE,
      {
        input: {
          title: 'Consultation (exemple)',
          opensAt: new Date(now - HOUR),
          closesAt: new Date(now + HOUR),
          eligibleKinds: ['FEDERATION', 'COMPANY'],
          questions: [{ kind: 'TEXT', prompt: 'Votre avis', required: true }],
          ...input,
        },
      },
      token,
    ),
  );
  return data.createConsultation.consultation;
}

/** The moderator (`token`) publishes the consultation; throws when the API refuses. */
export async function publishConsultation(app: TestApp, token: string, id: string): Promise<void> {
  await succeeded(app.gql(PUBLISH, { input: { id } }, token));
}

/** `createConsultation`, then published: open to those eligible (when its opening time has come). */
export async function openConsultation(
  app: TestApp,
  token: string,
  input: Record<string, unknown> = {},
): Promise<CreatedConsultation> {
  const consultation = await createConsultation(app, token, input);
  await publishConsultation(app, token, consultation.id);
  return consultation;
}

/** The organisation's representative (`token`) joins; its (new or existing) contribution. Throws when refused. */
export async function joinConsultation(
  app: TestApp,
  token: string,
  consultationId: string,
  organizationId: string,
): Promise<{ id: string; version: number; status: string }> {
  const data = await succeeded(
    app.gql<{ joinConsultation: { contribution: { id: string; version: number; status: string } } }>(
      JOIN,
      { input: { consultationId, organizationId } },
      token,
    ),
  );
  return data.joinConsultation.contribution;
}

/** A member (`token`) saves the draft over `version`; the new version. Throws when refused. */
export async function saveContribution(
  app: TestApp,
  token: string,
  version: number,
  { consultationId, organizationId, answers, consent }: ContributionDraft,
): Promise<number> {
  const input = { consultationId, organizationId, version, answers, ...(consent ? { consent } : {}) };
  const data = await succeeded(
    app.gql<{ saveContribution: { contribution: { version: number } } }>(SAVE, { input }, token),
  );
  return data.saveContribution.contribution.version;
}

/** The representative (`token`) joins, saves the answers and submits; the receipt's tracking number. */
export async function contribute(app: TestApp, token: string, draft: ContributionDraft): Promise<string> {
  const { version } = await joinConsultation(app, token, draft.consultationId, draft.organizationId);
  await saveContribution(app, token, version, draft);
  const data = await succeeded(
    app.gql<{ submitContribution: { receipt: { trackingNumber: string } } }>(
      SUBMIT,
      { input: { consultationId: draft.consultationId, organizationId: draft.organizationId } },
      token,
    ),
  );
  return data.submitContribution.receipt.trackingNumber;
}
