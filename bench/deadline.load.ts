/**
 * The deadline race's clients, in a child process of their own so that 400 clients do not share an event loop with
 * the API under test (and their timers stay on time). Receives one RaceJob over IPC, answers with a RaceResult.
 *
 * Representatives submit at their scheduled instant (one request each; for some, a second identical one: sent at
 * the same time — a double click — or right after the first answer — a client retry). Editors (plain members)
 * loop: read the contribution's version, save a change with it, pause a little, until `editUntil`.
 */
import { Outcome, Tally, count, errorKind, post, sleep } from './deadline.client';

export type RetryMode = 'none' | 'concurrent' | 'sequential';

export interface RaceJob {
  readonly graphqlUrl: string;
  readonly consultationId: string;
  readonly closesAt: number;
  readonly editUntil: number;
  readonly textQuestionId: string;
  readonly scaleQuestionId: string;
  readonly requestTimeoutMs: number;
  readonly editorPauseMs: number;
  readonly representatives: readonly {
    index: number;
    organizationId: string;
    token: string;
    sendAt: number;
    retry: RetryMode;
  }[];
  /** `sameContent`: the editor keeps saving exactly what the representative saved (a retried submit must stay idempotent). */
  readonly editors: readonly {
    index: number;
    organizationId: string;
    token: string;
    sameContent: { text: string; scale: number } | null;
  }[];
}

export interface SubmitRecord {
  readonly index: number;
  readonly organizationId: string;
  readonly attempt: 0 | 1;
  readonly retry: RetryMode;
  /** Epoch ms (this machine's clock, which is the server's clock too). */
  readonly scheduledAt: number;
  readonly sentAt: number;
  readonly doneAt: number;
  readonly outcome: 'accepted' | 'refused' | 'error';
  /** When the server received it (epoch ms): from the receipt, or from the DEADLINE_PASSED refusal's extensions. */
  readonly receivedAt?: number;
  readonly receipt?: {
    trackingNumber: string;
    submittedAt: string;
    receivedAt: string;
    processedAt: string;
    digest: string;
  };
  readonly errorKind?: string;
  readonly message?: string;
}

export interface EditorStats {
  versionReads: number;
  savesOk: number;
  conflicts: number;
  deadlinePassed: number;
  /** Saves that succeeded although their request was sent after closesAt (must be 0… or the server was fast). */
  savesOkSentAfterDeadline: number;
  /** Saves refused DEADLINE_PASSED although the server says it received them before closesAt (must be 0). */
  savesRefusedReceivedBeforeDeadline: number;
  errors: Tally;
}

export interface RaceResult {
  readonly submits: SubmitRecord[];
  readonly editors: EditorStats;
  /** How late the submit timers fired, in ms (event-loop lag of the load generator). */
  readonly timerLagMs: { p50: number; max: number };
}

const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber submittedAt receivedAt processedAt digest } } }`;
const READ = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`;

export async function race(job: RaceJob): Promise<RaceResult> {
  const submits: SubmitRecord[] = [];
  const lags: number[] = [];
  const editors: EditorStats = {
    versionReads: 0,
    savesOk: 0,
    conflicts: 0,
    deadlinePassed: 0,
    savesOkSentAfterDeadline: 0,
    savesRefusedReceivedBeforeDeadline: 0,
    errors: {},
  };

  const submitOnce = async (rep: RaceJob['representatives'][number], attempt: 0 | 1): Promise<void> => {
    const sentAt = Date.now();
    const outcome = await post(
      job.graphqlUrl,
      SUBMIT,
      { input: { consultationId: job.consultationId, organizationId: rep.organizationId } },
      rep.token,
      job.requestTimeoutMs,
    );
    const base = {
      index: rep.index,
      organizationId: rep.organizationId,
      attempt,
      retry: rep.retry,
      scheduledAt: rep.sendAt,
      sentAt,
      doneAt: Date.now(),
    };
    const receipt =
      outcome.kind === 'data'
        ? (outcome.data['submitContribution'] as { receipt?: SubmitRecord['receipt'] } | null)?.receipt
        : undefined;
    if (receipt?.trackingNumber && receipt.digest)
      submits.push({ ...base, outcome: 'accepted', receipt, receivedAt: Date.parse(receipt.receivedAt) });
    else if (outcome.kind === 'code' && outcome.code === 'DEADLINE_PASSED') {
      const receivedAt = outcome.extensions['receivedAt'];
      submits.push({
        ...base,
        outcome: 'refused',
        message: outcome.message,
        receivedAt: typeof receivedAt === 'string' ? Date.parse(receivedAt) : undefined,
      });
    } else if (outcome.kind === 'data')
      submits.push({
        ...base,
        outcome: 'error',
        errorKind: 'answer without a receipt',
        message: JSON.stringify(outcome.data).slice(0, 200),
      });
    else submits.push({ ...base, outcome: 'error', errorKind: errorKind(outcome), message: outcome.message });
  };

  const representatives = job.representatives.map(
    (rep) =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          lags.push(Date.now() - rep.sendAt);
          const run =
            rep.retry === 'concurrent'
              ? Promise.all([submitOnce(rep, 0), submitOnce(rep, 1)])
              : submitOnce(rep, 0).then(() => (rep.retry === 'sequential' ? submitOnce(rep, 1) : undefined));
          void run.then(() => resolve());
        }, rep.sendAt - Date.now());
      }),
  );

  const editorLoop = async (editor: RaceJob['editors'][number]): Promise<void> => {
    await sleep(Math.random() * 500);
    const unexpected = (what: string, outcome: Exclude<Outcome, { kind: 'data' }>) =>
      count(editors.errors, `${what}: ${errorKind(outcome)}`, outcome.message);
    for (let revision = 1; Date.now() < job.editUntil; revision++) {
      const read = await post(
        job.graphqlUrl,
        READ,
        { c: job.consultationId, o: editor.organizationId },
        editor.token,
        job.requestTimeoutMs,
      );
      if (read.kind !== 'data') {
        unexpected('read version', read);
        await sleep(job.editorPauseMs);
        continue;
      }
      editors.versionReads += 1;
      if (Date.now() >= job.editUntil) break;
      const version = (read.data['contribution'] as { version: number }).version;
      const content = editor.sameContent ?? {
        text: `Révision ${revision} par le membre ${editor.index} : reformulation de l’article 4.`,
        scale: 1 + (revision % 5),
      };
      const sentAt = Date.now();
      const save = await post(
        job.graphqlUrl,
        SAVE,
        {
          input: {
            consultationId: job.consultationId,
            organizationId: editor.organizationId,
            version,
            answers: [
              { questionId: job.textQuestionId, text: content.text },
              { questionId: job.scaleQuestionId, scale: content.scale },
            ],
          },
        },
        editor.token,
        job.requestTimeoutMs,
      );
      if (save.kind === 'data') {
        editors.savesOk += 1;
        if (sentAt >= job.closesAt) editors.savesOkSentAfterDeadline += 1;
      } else if (save.kind === 'code' && save.code === 'CONFLICT') editors.conflicts += 1;
      else if (save.kind === 'code' && save.code === 'DEADLINE_PASSED') {
        editors.deadlinePassed += 1;
        const receivedAt = save.extensions['receivedAt'];
        if (typeof receivedAt !== 'string' || Date.parse(receivedAt) < job.closesAt)
          editors.savesRefusedReceivedBeforeDeadline += 1;
      } else unexpected('save', save);
      await sleep(job.editorPauseMs * (0.5 + Math.random()));
    }
  };

  await Promise.all([...representatives, ...job.editors.map(editorLoop)]);
  lags.sort((a, b) => a - b);
  return {
    submits,
    editors,
    timerLagMs: { p50: lags[Math.floor(lags.length / 2)] ?? 0, max: lags[lags.length - 1] ?? 0 },
  };
}

if (require.main === module && process.send) {
  process.on('message', (job: RaceJob) => {
    race(job).then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: (error as Error)?.stack ?? String(error) }),
    );
  });
}
