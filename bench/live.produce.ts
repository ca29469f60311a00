/**
 * The live benchmark's writers, in a child process of their own: the HTTP clients that create the annotations are
 * clients, so their work (requests, responses, timers) must not share an event loop with the API instances whose
 * delivery is measured, nor with the subscribers that time it. One job arrives over IPC (see startLoader):
 * `produce` creates `total` annotations at `rate` per second, alternately through each instance, one in
 * `internalEvery` an ORGANIZATION annotation, and answers their ids.
 */

export interface ProduceJob {
  readonly kind: 'produce';
  readonly urls: string[];
  readonly documentId: string;
  readonly publicAuthor: string;
  readonly internalAuthor: string;
  readonly rate: number;
  readonly total: number;
  readonly internalEvery: number;
}

export interface ProduceResult {
  readonly produced: { id: string; internal: boolean }[];
  readonly failures: number;
  /** The first failed mutation's answer (or error), to tell why writes fail. */
  readonly firstFailure?: string;
  readonly seconds: number;
}

const CREATE = `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } } }`;

async function annotate(job: ProduceJob, url: string, internal: boolean): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${internal ? job.internalAuthor : job.publicAuthor}`,
    },
    body: JSON.stringify({
      query: CREATE,
      variables: {
        input: {
          documentId: job.documentId,
          versionNumber: 2,
          target: { exact: 'Guichet unique' },
          motivation: 'COMMENTING',
          body: 'Une remarque de charge.',
          visibility: internal ? 'ORGANIZATION' : 'PUBLIC',
        },
      },
    }),
  });
  const body = (await response.json()) as { data?: { createAnnotation: { annotation: { id: string } } } };
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data.createAnnotation.annotation.id;
}

async function produce(job: ProduceJob): Promise<ProduceResult> {
  const produced: { id: string; internal: boolean }[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const requests: Promise<void>[] = [];
  const start = Date.now();
  for (let index = 0; index < job.total; index++) {
    const wait = start + (index * 1000) / job.rate - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const internal = index % job.internalEvery === job.internalEvery - 1;
    requests.push(
      annotate(job, job.urls[index % job.urls.length], internal).then(
        (id) => void produced.push({ id, internal }),
        (error: unknown) => {
          failures++;
          firstFailure ??= String((error as Error)?.message ?? error).slice(0, 300);
        },
      ),
    );
  }
  await Promise.all(requests);
  return { produced, failures, firstFailure, seconds: (Date.now() - start) / 1000 };
}

process.on('message', (job: ProduceJob) => {
  produce(job).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
