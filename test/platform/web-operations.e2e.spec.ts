import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DefinitionNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  buildSchema,
  parse,
  print,
  visit,
} from 'graphql';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Every operation the web client sends must pass the API's limits (depth, cost, aliases) as written — fragments
 * included. Component tests mock the API, so this is where a client query that the server would refuse shows up.
 */
const webSources = join(__dirname, '..', '..', 'apps', 'web', 'src');

function graphqlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

const definitions: DefinitionNode[] = graphqlFiles(webSources).flatMap((file) => [
  ...parse(readFileSync(file, 'utf8')).definitions,
]);
const fragments = new Map(
  definitions
    .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]),
);
const operations = definitions.filter(
  (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
);

/** The operation with exactly the fragments it spreads (transitively), as the client sends it. */
function documentOf(operation: OperationDefinitionNode): string {
  const used = new Set<string>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        pending.push(fragments.get(spread.name.value)!);
      },
    });
  }
  return [operation, ...[...used].map((name) => fragments.get(name)!)].map((node) => print(node)).join('\n');
}

/**
 * The root fields no page sends, each with its reason. Everything else in schema.gql that a person would use has a
 * page: a new query or mutation without one fails the test below until a page sends it or it is listed here.
 */
const WITHOUT_A_PAGE: Record<string, string> = {
  'query describeSelection': 'for scripts: the reader computes selectors in the browser',
  'mutation suspendUser': 'deprecated for moderateUser, which the moderation queue sends',
  'mutation reinstateUser': 'deprecated for moderateUser, which the moderation queue sends',
};

describe('every operation a person would use', () => {
  it('is sent by some page of the web client, or listed with its reason', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
    const sent = new Set(
      operations.flatMap((operation) =>
        operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [`${operation.operation} ${selection.name.value}`] : [],
        ),
      ),
    );
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
      ['subscription', schema.getSubscriptionType()],
    ] as const;
    const withoutPage = roots.flatMap(([kind, type]) =>
      Object.keys(type?.getFields() ?? {})
        .map((field) => `${kind} ${field}`)
        .filter((root) => !sent.has(root)),
    );
    expect(withoutPage.sort()).toEqual(Object.keys(WITHOUT_A_PAGE).sort());
  });
});

describe("the web client's operations", () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await app.signIn(ACCOUNTS.moderator)).accessToken;
  });
  afterAll(() => app.close());

  it('are found', () => {
    expect(operations.length).toBeGreaterThan(5);
  });

  it.each(operations.map((operation) => [operation.name?.value ?? '(anonymous)', operation] as const))(
    '%s passes the depth, cost and alias limits',
    async (_name, operation) => {
      const response = await app.gql(documentOf(operation), {}, token);
      const refused = (response.errors ?? []).filter(
        (error) => error.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED',
      );
      expect(refused.map((error) => error.message)).toEqual([]);
    },
  );
});
