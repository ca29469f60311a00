import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './test-app';

const SAMPLE = join(__dirname, '..', '..', 'apps', 'api', 'src', 'seed', 'sample-circular');
export const SAMPLE_V1 = readFileSync(join(SAMPLE, 'circulaire-15-2025.v1.md'), 'utf8');
export const SAMPLE_V2 = readFileSync(join(SAMPLE, 'circulaire-15-2025.v2.md'), 'utf8');

const DAY = 24 * 3600 * 1000;

/** A new document, published (version 1) and open for comment, as a moderator would set it up. */
export async function openDocument(
  app: TestApp,
  moderatorToken: string,
  markdown: string,
  reference = `Doc ${Math.random().toString(36).slice(2)}`,
) {
  const created = await app.gql<{ createDocument: { document: { id: string; version: number } } }>(
    `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id version } } }`,
    {
      input: {
        kind: 'CIRCULAR',
        reference,
        title: 'Texte de test',
        commentsOpenAt: new Date(app.clock.now().getTime() - DAY),
        commentsCloseAt: new Date(app.clock.now().getTime() + 30 * DAY),
      },
    },
    moderatorToken,
  );
  const { id, version } = created.data!.createDocument.document;
  await publish(app, moderatorToken, id, markdown);
  const opened = await app.gql(
    `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { status } } }`,
    { input: { id, version, status: 'OPEN_FOR_COMMENT' } },
    moderatorToken,
  );
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  return id;
}

export async function publish(app: TestApp, moderatorToken: string, documentId: string, markdown: string) {
  const result = await app.gql<{
    publishDocumentVersion: { version: { number: number }; reanchoredAnnotations: number };
  }>(
    `mutation($input: PublishDocumentVersionInput!) { publishDocumentVersion(input: $input) { version { number } reanchoredAnnotations } }`,
    { input: { documentId, markdown, changeNote: 'Nouvelle version' } },
    moderatorToken,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.publishDocumentVersion;
}

export async function plainTextOf(app: TestApp, token: string, documentId: string, number: number): Promise<string> {
  const result = await app.gql<{ document: { versionByNumber: { plainText: string } } }>(
    `query($id: ID!, $n: Int!) { document(id: $id) { versionByNumber(number: $n) { plainText } } }`,
    { id: documentId, n: number },
    token,
  );
  return result.data!.document.versionByNumber.plainText;
}

/** A target for a passage found in a version's plain text (UTF-16 offsets, 32 code units of context). */
export function targetFor(plainText: string, exact: string, occurrence = 0) {
  let start = -1;
  for (let index = 0; index <= occurrence; index++) start = plainText.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`passage not found: ${exact}`);
  const end = start + exact.length;
  return {
    exact,
    prefix: plainText.slice(Math.max(0, start - 32), start),
    suffix: plainText.slice(end, end + 32),
    start,
    end,
  };
}

export const CREATE_ANNOTATION = `mutation($input: CreateAnnotationInput!) {
  createAnnotation(input: $input) { annotation { id version visibility motivation bodyHtml anchor { status } target { sectionKey start end } } } }`;

/**
 * A comment on a passage of version 1 ("Sur « passage »", COMMENTING), made by `token`; `extra` adds or overrides
 * input fields (visibility, motivation…). Throws when the API refuses.
 */
export async function annotatePassage(
  app: TestApp,
  token: string,
  on: { readonly documentId: string; readonly text: string },
  passage: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; sectionKey: string }> {
  const created = await app.gql<{ createAnnotation: { annotation: { id: string; target: { sectionKey: string } } } }>(
    CREATE_ANNOTATION,
    {
      input: {
        documentId: on.documentId,
        versionNumber: 1,
        target: targetFor(on.text, passage),
        motivation: 'COMMENTING',
        body: `Sur « ${passage} »`,
        ...extra,
      },
    },
    token,
  );
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  const { id, target } = created.data.createAnnotation.annotation;
  return { id, sectionKey: target.sectionKey };
}
