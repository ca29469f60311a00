import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const MENTIONABLE = `query($threadId: ID, $annotationId: ID, $contributionId: ID, $prefix: String!) {
  mentionable(threadId: $threadId, annotationId: $annotationId, contributionId: $contributionId, prefix: $prefix) {
    id displayName } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) {
  comment { mentions { displayName } bodyHtml } } }`;

describe('mentions: who can be mentioned, and how (issue 14, item 8)', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;
  let publicThreadId: string;
  let privateThreadId: string;
  let organizationAnnotationId: string;
  let khadijaId: string;

  const names = async (who: Account, variables: Record<string, unknown>) => {
    const result = await app.gql<{ mentionable: { id: string; displayName: string }[] }>(
      MENTIONABLE,
      variables,
      token[who],
    );
    return outcome(result) === 'OK' ? result.data!.mentionable.map((user) => user.displayName) : outcome(result);
  };

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
    khadijaId = (await app.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.federationMember])).rows[0].id;
    const thread = async (slug: string, visibility: string) => {
      const spaceId = (
        await app.gql<{ createSpace: { space: { id: string } } }>(
          `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
          { input: { name: slug, slug, ownerOrganizationId: org['FMO'], visibility } },
          token.federationRepresentative,
        )
      ).data!.createSpace.space.id;
      if (visibility === 'PRIVATE')
        await app.gql(
          `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { role } } }`,
          { input: { spaceId, organizationId: org['FMO'], role: 'PARTICIPANT' } },
          token.federationRepresentative,
        );
      return (
        await app.gql<{ createThread: { thread: { id: string } } }>(
          `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
          { input: { spaceId, title: 'Sujet', body: 'Texte' } },
          token.federationRepresentative,
        )
      ).data!.createThread.thread.id;
    };
    publicThreadId = await thread('agora-mentions', 'PUBLIC');
    privateThreadId = await thread('prive-mentions', 'PRIVATE');
    const documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const text = await plainTextOf(app, token.federationRepresentative, documentId, 1);
    organizationAnnotationId = (
      await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
        CREATE_ANNOTATION,
        {
          input: {
            documentId,
            versionNumber: 1,
            target: targetFor(text, 'Guichet unique'),
            motivation: 'COMMENTING',
            visibility: 'ORGANIZATION',
            onBehalfOfOrganizationId: org['FMO'],
            body: 'Pour la fédération seulement',
          },
        },
        token.federationRepresentative,
      )
    ).data!.createAnnotation.annotation.id;
  });
  afterAll(() => app.close());

  it('finds "@Khadija" among the readers of a public thread, by the start of any word of the name', async () => {
    expect(await names('federationRepresentative', { threadId: publicThreadId, prefix: '@Khadija' })).toEqual([
      'Khadija Amrani',
    ]);
    expect(await names('federationRepresentative', { threadId: publicThreadId, prefix: 'amr' })).toEqual([
      'Khadija Amrani',
    ]);
    // Everyone signed in reads a public space; nobody is offered themself.
    const everyone = await names('federationRepresentative', { threadId: publicThreadId, prefix: '' });
    expect(everyone).toEqual(expect.arrayContaining(['Khadija Amrani', 'Omar Tazi', 'Nadia Benali']));
    expect(everyone).not.toContain('Youssef El Idrissi');
    // LIKE wildcards are taken literally.
    expect(await names('federationRepresentative', { threadId: publicThreadId, prefix: '%' })).toEqual([]);
  });

  it('offers only the members of a private space, and the space to nobody else', async () => {
    const offered = await names('federationRepresentative', { threadId: privateThreadId, prefix: '' });
    expect(offered).toContain('Khadija Amrani');
    expect(offered).not.toContain('Omar Tazi');
    expect(offered).not.toContain('Nadia Benali'); // platform moderators do not read a private space
    expect(await names('companyRepresentative', { threadId: privateThreadId, prefix: '' })).toBe('NOT_FOUND');
  });

  it('offers only who reads an ORGANIZATION annotation: its organisation and the ministry’s moderators', async () => {
    const offered = await names('federationRepresentative', { annotationId: organizationAnnotationId, prefix: '' });
    expect(offered).toEqual(expect.arrayContaining(['Khadija Amrani', 'Nadia Benali', 'Salma Admin']));
    expect(offered).not.toContain('Omar Tazi');
    expect(offered).not.toContain('Claire Martin');
    expect(await names('companyMember', { annotationId: organizationAnnotationId, prefix: '' })).toBe('NOT_FOUND');
  });

  it('asks for exactly one subject, and a real id', async () => {
    expect(await names('federationRepresentative', { prefix: 'K' })).toBe('BAD_USER_INPUT');
    expect(
      await names('federationRepresentative', {
        threadId: publicThreadId,
        annotationId: organizationAnnotationId,
        prefix: 'K',
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await names('federationRepresentative', { contributionId: 'pas-un-id', prefix: 'K' })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('mentions with the documented syntax (a plain "@Name" is only text), and says so in the schema', async () => {
    const plain = await app.gql<{ postComment: { comment: { mentions: unknown[] } } }>(
      POST,
      { input: { subjectType: 'THREAD', subjectId: publicThreadId, body: 'Merci @Khadija' } },
      token.federationRepresentative,
    );
    expect(plain.data!.postComment.comment.mentions).toEqual([]);
    const written = await app.gql<{
      postComment: { comment: { mentions: { displayName: string }[]; bodyHtml: string } };
    }>(
      POST,
      {
        input: {
          subjectType: 'THREAD',
          subjectId: publicThreadId,
          body: `Merci @[Khadija Amrani](user:${khadijaId})`,
        },
      },
      token.federationRepresentative,
    );
    expect(written.data!.postComment.comment.mentions).toEqual([{ displayName: 'Khadija Amrani' }]);
    expect(written.data!.postComment.comment.bodyHtml).toContain('Khadija Amrani');

    const schema = await app.gql<{ __type: { inputFields: { name: string; description: string | null }[] } }>(
      `{ __type(name: "PostCommentInput") { inputFields { name description } } }`,
    );
    const body = schema.data!.__type.inputFields.find((field) => field.name === 'body')!;
    expect(body.description).toContain('@[Display name](user:<their id>)');
    expect(body.description).toContain('mentionable');
  });
});
