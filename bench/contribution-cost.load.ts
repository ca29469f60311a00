/**
 * The contribution cost bench's client, in a process of its own (its CPU is not the server's). Receives one
 * CostJob over IPC and runs its requests with a small concurrency; answers with how many succeeded and failed.
 */
import { Tally, count, errorKind, post } from './deadline.client';

export interface CostJob {
  readonly graphqlUrl: string;
  readonly consultationId: string;
  readonly textQuestionId: string;
  readonly kind: 'read' | 'save' | 'submit';
  readonly round: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly people: readonly { organizationId: string; memberToken: string; representativeToken: string }[];
}

export interface CostResult {
  readonly ok: number;
  readonly errors: Tally;
}

const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber digest } } }`;
const READ = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`;

/** The version each organisation's draft is at, as this client last saw it. */
const versions = new Map<string, number>();

async function one(job: CostJob, person: CostJob['people'][number], errors: Tally): Promise<boolean> {
  if (job.kind === 'submit') {
    const outcome = await post(
      job.graphqlUrl,
      SUBMIT,
      { input: { consultationId: job.consultationId, organizationId: person.organizationId } },
      person.representativeToken,
      job.timeoutMs,
    );
    if (outcome.kind === 'data') {
      versions.delete(person.organizationId); // a submission moves the version on
      return true;
    }
    count(errors, `submit: ${errorKind(outcome)}`, outcome.message);
    return false;
  }
  if (job.kind === 'read') {
    const read = await post(
      job.graphqlUrl,
      READ,
      { c: job.consultationId, o: person.organizationId },
      person.memberToken,
      job.timeoutMs,
    );
    if (read.kind !== 'data') {
      count(errors, `read: ${errorKind(read)}`, read.message);
      return false;
    }
    versions.set(person.organizationId, (read.data['contribution'] as { version: number }).version);
    return true;
  }
  const version = versions.get(person.organizationId);
  if (version === undefined) {
    count(errors, 'save: version not read first', person.organizationId);
    return false;
  }
  const outcome = await post(
    job.graphqlUrl,
    SAVE,
    {
      input: {
        consultationId: job.consultationId,
        organizationId: person.organizationId,
        version,
        answers: [
          { questionId: job.textQuestionId, text: `Révision ${job.round} : l’article 4 doit préciser le plafond.` },
        ],
      },
    },
    person.memberToken,
    job.timeoutMs,
  );
  if (outcome.kind === 'data') {
    versions.set(
      person.organizationId,
      (outcome.data['saveContribution'] as { contribution: { version: number } }).contribution.version,
    );
    return true;
  }
  versions.delete(person.organizationId);
  count(errors, `save: ${errorKind(outcome)}`, outcome.message);
  return false;
}

async function run(job: CostJob): Promise<CostResult> {
  const errors: Tally = {};
  let ok = 0;
  let next = 0;
  const worker = async () => {
    while (next < job.people.length) {
      const person = job.people[next++];
      if (await one(job, person, errors)) ok++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return { ok, errors };
}

process.on('message', (job: CostJob) => {
  run(job).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
