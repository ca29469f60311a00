import type { ModerationRecord } from '@majlis/moderation';
import type { GraphQLContext } from '../graphql-context';
import { redactableRows, settled } from './row-fields';

interface Row {
  readonly id: string;
  readonly authorId: string;
  readonly deletedAt: Date | null;
  readonly organizationId: string | null;
  readonly body: string;
}

const hidden: ModerationRecord = {
  hidden: true,
  reason: 'SPAM',
  hiddenAt: new Date(0),
  spaceId: null,
  platformModerated: true,
  moderatingOrganizationId: null,
};

function contextFor(userId: string | null): GraphQLContext {
  const user = userId ? { userId, platformRole: 'MEMBER', organizationIds: [] } : undefined;
  return {
    req: { user },
    loaders: { viewerModeratedSpaces: () => Promise.resolve([]) },
  } as unknown as GraphQLContext;
}

function fieldOf(rows: ReturnType<typeof redactableRows<Row>>, row: Row, context: GraphQLContext) {
  const middleware = rows.shown((shown) => shown.body);
  return middleware({ source: row, args: {}, context, info: {} as never }, () => Promise.resolve(undefined));
}

describe('row fields', () => {
  it('settled answers at once for a plain value and after the promise for a promise', async () => {
    expect(settled(2, (n) => n * 3)).toBe(6);
    const later = settled(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe(6);
  });

  const row: Row = { id: 'r1', authorId: 'author', deletedAt: null, organizationId: null, body: 'text' };

  it('shows the content at once when the record was read with the page and nothing hides it', () => {
    const rows = redactableRows<Row>(() => null);
    expect(fieldOf(rows, row, contextFor('reader'))).toBe('text');
  });

  it('answers the placeholder for deleted content, and for hidden content read by someone else', () => {
    const rows = redactableRows<Row>(() => hidden);
    expect(fieldOf(rows, row, contextFor('reader'))).toBeNull();
    expect(fieldOf(rows, row, contextFor(null))).toBeNull();
    expect(
      fieldOf(
        redactableRows<Row>(() => null),
        { ...row, deletedAt: new Date() },
        contextFor('author'),
      ),
    ).toBeNull();
  });

  it('shows hidden content to its author', () => {
    const rows = redactableRows<Row>(() => hidden);
    expect(fieldOf(rows, row, contextFor('author'))).toBe('text');
  });

  it('waits for a record that has to be loaded', async () => {
    const rows = redactableRows<Row>(() => Promise.resolve(hidden));
    const value = fieldOf(rows, row, contextFor('reader'));
    expect(value).toBeInstanceOf(Promise);
    await expect(value).resolves.toBeNull();
  });
});
