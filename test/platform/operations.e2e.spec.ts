import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { schemaToSdl } from '@majlis/api';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

describe('operations: health, request ids, statement counts, schema', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await app.signIn(ACCOUNTS.moderator)).accessToken;
  });
  afterAll(() => app.close());

  it('answers liveness and readiness (with the database checked) without sign-in', async () => {
    const live = await fetch(`${app.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual(expect.objectContaining({ status: 'ok', info: { database: { status: 'up' } } }));
  });

  it('echoes a well-formed x-request-id and makes one up otherwise', async () => {
    const given = await fetch(`${app.baseUrl}/health/live`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const forged = await fetch(`${app.baseUrl}/health/live`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs as many SQL statements for a page of 100 organisations as for a page of 2', async () => {
    for (let index = 0; index < 60; index++) {
      await app.db.query(`INSERT INTO organizations (kind, name, verified_at) VALUES ('INSTITUTION', $1, now())`, [
        `Institution ${index}`,
      ]);
    }
    const query = `query($first: Int) { organizations(first: $first) { totalCount edges { node { name verified federations { acronym } } } } }`;
    const small = await app.gql<{ organizations: { edges: unknown[] } }>(query, { first: 2 }, token);
    const large = await app.gql<{ organizations: { edges: unknown[] } }>(query, { first: 100 }, token);
    expect(small.data!.organizations.edges).toHaveLength(2);
    expect(large.data!.organizations.edges.length).toBeGreaterThan(60);
    expect(Number(large.headers.get('x-sql-statements'))).toBe(Number(small.headers.get('x-sql-statements')));

    const withMembers = `query($first: Int) { organizations(first: $first) { edges { node { name members(first: 3) { totalCount edges { node { role user { displayName } } } } } } } }`;
    const fewOrganizations = await app.gql(withMembers, { first: 2 }, token);
    const manyOrganizations = await app.gql<{
      organizations: { edges: { node: { members: { totalCount: number; edges: unknown[] } } }[] };
    }>(withMembers, { first: 80 }, token);
    expect(outcome(manyOrganizations)).toBe('OK');
    expect(manyOrganizations.data!.organizations.edges.some((edge) => edge.node.members.totalCount > 0)).toBe(true);
    expect(Number(manyOrganizations.headers.get('x-sql-statements'))).toBe(
      Number(fewOrganizations.headers.get('x-sql-statements')),
    );

    const members = `query($first: Int) { me { memberships { organization { members(first: $first) { edges { node { role user { displayName memberships { role } } } } } } } } }`;
    const one = await app.gql(members, { first: 1 }, token);
    const many = await app.gql(members, { first: 50 }, token);
    expect(outcome(many)).toBe('OK');
    expect(Number(many.headers.get('x-sql-statements'))).toBe(Number(one.headers.get('x-sql-statements')));
  });

  it('serves a GraphQL IDE whose every asset comes from this server (works offline)', async () => {
    const page = await fetch(`${app.baseUrl}/graphiql/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphql');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((asset) => /^(https?:)?\/\//.test(asset))).toEqual([]);
    for (const asset of assets.filter((asset) => /\.(js|css)$/.test(asset))) {
      expect((await fetch(`${app.baseUrl}/graphiql/${asset}`)).status).toBe(200);
    }
  });

  it('serves exactly the schema committed in schema.gql', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8');
    const host = app.nest.get(GraphQLSchemaHost);
    expect(schemaToSdl(host.schema)).toBe(committed);
  });
});

describe('production mode', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { NODE_ENV: 'production' }, seed: false });
  });
  afterAll(() => app.close());

  it('turns introspection off and hides field suggestions', async () => {
    const introspection = await app.gql(`{ __schema { types { name } } }`);
    expect(outcome(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await app.gql(`{ mee { id } }`);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('suggests no enum value, field, argument or type, in literals and in variables', async () => {
    const attempts = [
      app.gql(
        `mutation { moderateContent(input: { action: HIDEE, contentType: THREAD, contentId: "x", reason: "r" }) { __typename } }`,
      ),
      app.gql(`mutation($input: ModerateContentInput!) { moderateContent(input: $input) { __typename } }`, {
        input: { action: 'HIDEE', contentType: 'THREAD', contentId: 'x', reason: 'r' },
      }),
      app.gql(`mutation($input: ModerateContentInput!) { moderateContent(input: $input) { __typename } }`, {
        input: { action: 'HIDE', contentTyp: 'THREAD', contentId: 'x', reason: 'r' },
      }),
      app.gql(`query($id: ID!) { organization(idd: $id) { id } }`, { id: 'x' }),
      app.gql(`query($f: OrganizationFiltr) { organizations(filter: $f) { totalCount } }`, {}),
      app.gql(`{ organizations { totalCont } }`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors!) expect(error.message).not.toMatch(/Did you mean/i);
    }
  });

  it('refuses a GET operation without a CSRF-safe header', async () => {
    const response = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    const allowed = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('serves no GraphQL IDE', async () => {
    expect((await fetch(`${app.baseUrl}/graphiql/`)).status).toBe(404);
  });

  it('does not tell clients how many SQL statements ran', async () => {
    const response = await app.gql(`{ __typename }`);
    expect(response.headers.get('x-sql-statements')).toBeNull();
  });
});
