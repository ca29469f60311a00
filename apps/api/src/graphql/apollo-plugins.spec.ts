import { GraphQLError } from 'graphql';
import { unexpectedErrorLogging } from './apollo-plugins';

describe('unexpectedErrorLogging', () => {
  const failedField = (field: string, original: Error) =>
    new GraphQLError(original.message, { path: [field], originalError: original });

  async function logged(errors: GraphQLError[]) {
    const log = { error: jest.fn() };
    const listener = await unexpectedErrorLogging().requestDidStart!({} as never);
    await listener!.didEncounterErrors!({ errors, contextValue: { req: { log } }, operationName: 'Q' } as never);
    return log.error.mock.calls;
  }

  it('logs a database outage once per request, however many fields it failed', async () => {
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const calls = await logged(['me', 'documents', 'organizations'].map((field) => failedField(field, refused())));
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toEqual(expect.objectContaining({ failedFields: 3 }));
    expect(calls[0][1]).toMatch(/database unavailable/);
  });

  it('logs every other unexpected error', async () => {
    expect(await logged([failedField('a', new TypeError('x')), failedField('b', new TypeError('y'))])).toHaveLength(2);
  });
});
