import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Every text input of the API, found in the committed schema (every String or ID argument of every query and
 * mutation, however deep in its input objects and lists), receives every value of a hostile Unicode corpus. Each
 * request answers a typed error or succeeds: never INTERNAL_SERVER_ERROR, never an HTTP 5xx. Text that cannot be
 * stored (NUL, lone surrogates) is always BAD_USER_INPUT; Arabic and emoji are stored as written where they are
 * accepted.
 */
const CORPUS: Record<string, string> = {
  nul: 'avant\u0000après',
  'lone high surrogate': 'a\ud83db',
  'lone low surrogate': '\ude00z',
  'zero-width characters': 'No\u200bm\u200d\u2060\ufeff',
  'bidi controls': '\u202eNom\u202c \u2067x\u2069 \u200f',
  '1 MB ASCII': 'x'.repeat(1_000_000),
  '1 MB Arabic': 'ع'.repeat(500_000),
  Arabic: 'الجامعة المغربية للترحيل',
  emoji: 'Équipe 🇲🇦 👩‍💻 ✅',
};
const UNSTORABLE = new Set(['nul', 'lone high surrogate', 'lone low surrogate']);
const TYPED = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);
/** Mutations that would end the session the corpus runs with. */
const SKIPPED = new Set(['deleteMyAccount']);
const UNKNOWN_ID = '7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40';

interface Slot {
  readonly operation: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
  /** Argument name, then input field names and list indexes down to the String or ID. */
  readonly path: readonly (string | number)[];
}

const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));

function slotsOf(operation: 'query' | 'mutation'): Slot[] {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const slots: Slot[] = [];
  for (const field of Object.values(root.getFields())) {
    if (SKIPPED.has(field.name)) continue;
    for (const arg of field.args) {
      for (const path of textPaths(arg.type, [arg.name], 0)) slots.push({ operation, field, path });
    }
  }
  return slots;
}

function textPaths(type: GraphQLInputType, path: (string | number)[], depth: number): (string | number)[][] {
  if (isNonNullType(type)) return textPaths(type.ofType, path, depth);
  if (isListType(type)) return textPaths(type.ofType, [...path, 0], depth);
  if (isScalarType(type)) return type.name === 'String' || type.name === 'ID' ? [path] : [];
  if (isInputObjectType(type) && depth < 4) {
    return Object.values(type.getFields()).flatMap((field) => textPaths(field.type, [...path, field.name], depth + 1));
  }
  return [];
}

describe('Unicode corpus over every text input', () => {
  let app: TestApp;
  let token: string;
  const ids: Record<string, string> = {};

  /** A plausible value for an argument or input field, by its name and type: real ids where the seed has them. */
  function sample(type: GraphQLInputType, name: string, depth: number): unknown {
    if (isNonNullType(type)) return sample(type.ofType, name, depth);
    if (isListType(type)) return [sample(type.ofType, name.replace(/s$/, ''), depth)];
    const named = type as GraphQLNamedType;
    if (isEnumType(named)) return named.getValues()[0].value;
    if (isInputObjectType(named)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(named.getFields())) {
        if (isNonNullType(field.type) && field.defaultValue === undefined)
          value[field.name] = sample(field.type, field.name, depth + 1);
      }
      return value;
    }
    switch (named.name) {
      case 'ID':
        return ids[name === 'id' ? `${currentEntity}Id` : name] ?? ids[name.replace(/Ids?$/, 'Id')] ?? UNKNOWN_ID;
      case 'Int':
        return name === 'first' ? 5 : name === 'scale' ? 3 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
      default:
        if (/email/i.test(name)) return 'corpus@example.ma';
        if (/password/i.test(name)) return 'Corpus-passphrase-2026!';
        if (/slug/i.test(name)) return 'corpus';
        return 'Texte du corpus';
    }
  }

  /** What a bare `id` names: the entity in the operation's name (updateOrganization → an organisation). */
  let currentEntity = 'thread';
  const ENTITIES = ['organization', 'document', 'consultation', 'annotation', 'comment', 'thread', 'space', 'user'];

  function argumentsFor(slot: Slot, text: string): Record<string, unknown> {
    currentEntity = ENTITIES.find((entity) => slot.field.name.toLowerCase().includes(entity)) ?? 'thread';
    const args: Record<string, unknown> = {};
    for (const arg of slot.field.args) {
      if (arg.name === slot.path[0] || (isNonNullType(arg.type) && arg.defaultValue === undefined))
        args[arg.name] = sample(arg.type, arg.name, 0);
    }
    // Walk to the slot, creating what is missing, and put the text there.
    let holder: Record<string | number, unknown> = args;
    let type: GraphQLInputType = slot.field.args.find((arg: GraphQLArgument) => arg.name === slot.path[0])!.type;
    for (let index = 0; index < slot.path.length - 1; index++) {
      const key = slot.path[index];
      const next = slot.path[index + 1];
      const unwrapped = isNonNullType(type) ? type.ofType : type;
      const child = isListType(unwrapped)
        ? unwrapped.ofType
        : isInputObjectType(getNamedType(unwrapped))
          ? (getNamedType(unwrapped) as import('graphql').GraphQLInputObjectType).getFields()[next as string]?.type
          : unwrapped;
      if (holder[key] === undefined || holder[key] === null)
        holder[key] = typeof next === 'number' ? [] : isListType(unwrapped) ? [] : {};
      if (typeof next === 'number' && (holder[key] as unknown[]).length === 0)
        (holder[key] as unknown[]).push(sample(child, String(key), 1));
      holder = holder[key] as Record<string | number, unknown>;
      type = isListType(unwrapped) ? unwrapped.ofType : child;
    }
    holder[slot.path[slot.path.length - 1]] = text;
    return args;
  }

  function operationFor(slot: Slot): string {
    const variables = slot.field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = slot.field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isObjectType(getNamedType(slot.field.type)) ? ' { __typename }' : '';
    return `${slot.operation}${variables ? `(${variables})` : ''} { ${slot.field.name}${passed ? `(${passed})` : ''}${selection} }`;
  }

  beforeAll(async () => {
    app = await startTestApp({
      env: { SIGN_IN_MAX_FAILURES_PER_CLIENT: '100000', SIGN_IN_MAX_FAILURES_PER_EMAIL: '100000' },
    });
    token = (await app.signIn(ACCOUNTS.admin)).accessToken;
    const one = async (sql: string) => (await app.db.query(sql)).rows[0]?.id as string;
    Object.assign(ids, {
      organizationId: await one(`SELECT id FROM organizations WHERE acronym = 'ATLAS' OR ice IS NOT NULL LIMIT 1`),
      federationId: await one(`SELECT id FROM organizations WHERE acronym = 'FMO'`),
      onBehalfOfOrganizationId: await one(`SELECT id FROM organizations WHERE acronym = 'FMO'`),
      ownerOrganizationId: await one(`SELECT id FROM organizations WHERE kind = 'MINISTRY'`),
      documentId: await one(`SELECT id FROM documents LIMIT 1`),
      spaceId: await one(`SELECT id FROM spaces WHERE slug = 'espace-ministere'`),
      threadId: await one(`SELECT id FROM threads LIMIT 1`),
      annotationId: await one(`SELECT id FROM annotations LIMIT 1`),
      commentId: await one(`SELECT id FROM comments LIMIT 1`),
      consultationId: await one(`SELECT id FROM consultations LIMIT 1`),
      questionId: await one(`SELECT id FROM consultation_questions LIMIT 1`),
      userId: await one(`SELECT id FROM users WHERE email = '${ACCOUNTS.companyMember}'`),
      membershipId: await one(
        `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = '${ACCOUNTS.companyMember}'`,
      ),
    });
    ids['subjectId'] = ids['threadId'];
    ids['contentId'] = ids['threadId'];
  });
  afterAll(() => app.close());

  const slots = [...slotsOf('query'), ...slotsOf('mutation')];

  it('finds the text inputs in the schema', () => {
    expect(slots.length).toBeGreaterThan(100);
    const names = new Set(slots.map((slot) => slot.field.name));
    for (const expected of ['signIn', 'verifyReceipt', 'saveContribution', 'createThread', 'createOrganization'])
      expect(names).toContain(expected);
  });

  it.each(Object.keys(CORPUS))('answers %s with a typed error or stores it, in every text input', async (name) => {
    const text = CORPUS[name];
    const failures: string[] = [];
    // Four requests at a time: the corpus is large (every slot × 1 MB values), the server answers them in parallel.
    for (let start = 0; start < slots.length; start += 4) {
      const chunk = slots.slice(start, start + 4);
      const responses = await Promise.all(
        chunk.map((slot) => app.gql(operationFor(slot), argumentsFor(slot, text), token)),
      );
      let signedOut = false;
      chunk.forEach((slot, index) => {
        const label = `${slot.field.name}(${slot.path.join('.')})`;
        const response = responses[index];
        const codes = (response.errors ?? []).map((error) => error.extensions.code);
        if (response.status >= 500 || codes.some((code) => !TYPED.has(code))) {
          failures.push(`${label}: HTTP ${response.status} ${codes.join(',')} ${response.errors?.[0]?.message ?? ''}`);
        } else if (UNSTORABLE.has(name) && codes[0] !== 'BAD_USER_INPUT') {
          failures.push(`${label}: ${codes[0] ?? 'OK'} instead of BAD_USER_INPUT`);
        }
        signedOut ||= codes.includes('UNAUTHENTICATED');
      });
      // A mutation of the corpus may have ended the admin's session (suspension, role change): sign in again.
      if (signedOut) token = (await app.signIn(ACCOUNTS.admin)).accessToken;
    }
    expect(failures).toEqual([]);
  });

  it('stores Arabic and emoji as written in names, titles and bodies', async () => {
    for (const text of [CORPUS['Arabic'], CORPUS['emoji']]) {
      const thread = await app.gql<{ createThread: { thread: { title: string; body: string } } }>(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { title body: bodyMarkdown } } }`,
        { input: { spaceId: ids['spaceId'], title: text, body: text, tags: [] } },
        token,
      );
      expect(thread.data?.createThread.thread).toEqual({ title: text, body: text });
      const organization = await app.gql<{ createOrganization: { organization: { name: string } } }>(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { name } } }`,
        { input: { kind: 'INSTITUTION', name: `${text} (corpus)` } },
        token,
      );
      expect(organization.data?.createOrganization.organization.name).toBe(`${text} (corpus)`);
    }
  });
});
