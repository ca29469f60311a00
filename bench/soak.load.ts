/**
 * The soak's clients, in a child process of their own (they share no event loop, and no heap, with the API whose
 * memory is measured). Receives one SoakJob over IPC; `workers` loops send a mix of reads and writes until `until`.
 */
import { Tally, count, errorKind, post } from './deadline.client';

export interface SoakJob {
  readonly graphqlUrl: string;
  readonly token: string;
  readonly spaceId: string;
  readonly threadId: string;
  readonly workers: number;
  readonly until: number;
  readonly timeoutMs: number;
}

export interface SoakResult {
  readonly requests: number;
  readonly reads: number;
  readonly writes: number;
  readonly errors: Tally;
}

const LIST = `query($id: ID!) { space(id: $id) { threads(first: 20) { edges { node { id title replyCount participantCount unreadCount author { displayName } } } } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { id title bodyHtml replies(first: 20) { edges { node { id bodyHtml author { displayName } } } } } }`;
const REPLY = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const NEW_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;

export async function soak(job: SoakJob): Promise<SoakResult> {
  const result = { requests: 0, reads: 0, writes: 0, errors: {} as Tally };
  const worker = async (index: number) => {
    for (let i = 0; Date.now() < job.until; i++) {
      const kind = (i + index) % 10;
      // 7 reads in 10 (the list and a thread), 3 writes (replies, and now and then a new thread).
      const [query, variables, write] =
        kind < 4
          ? [LIST, { id: job.spaceId }, false]
          : kind < 7
            ? [THREAD, { id: job.threadId }, false]
            : kind < 9
              ? [
                  REPLY,
                  {
                    input: {
                      subjectType: 'THREAD',
                      subjectId: job.threadId,
                      body: `Soak reply ${index}-${i}: **ok**.`,
                    },
                  },
                  true,
                ]
              : [
                  NEW_THREAD,
                  { input: { spaceId: job.spaceId, title: `Soak thread ${index}-${i}`, body: 'Soak.', tags: [] } },
                  true,
                ];
      const outcome = await post(job.graphqlUrl, query, variables, job.token, job.timeoutMs);
      result.requests += 1;
      if (write) result.writes += 1;
      else result.reads += 1;
      if (outcome.kind !== 'data') count(result.errors, errorKind(outcome), outcome.message);
    }
  };
  await Promise.all(Array.from({ length: job.workers }, (_, index) => worker(index)));
  return result;
}

if (require.main === module && process.send) {
  process.on('message', (job: SoakJob) => {
    soak(job).then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: (error as Error)?.stack ?? String(error) }),
    );
  });
}
