import { GraphQLError } from 'graphql';
import { ConflictError, InvalidInputError } from '@majlis/kernel';
import { INTERNAL_ERROR_MESSAGE, SERVICE_BUSY_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE, formatError } from './format-error';

const atPath = (original: Error) => new GraphQLError(original.message, { path: ['field'], originalError: original });

describe('formatError', () => {
  it('keeps a domain error’s code, message and field messages', () => {
    const error = atPath(new InvalidInputError({ ice: 'must be exactly 15 digits' }));
    expect(formatError({ message: error.message, path: ['field'] }, error)).toEqual(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: { ice: 'must be exactly 15 digits' } } }),
    );
    const conflict = atPath(new ConflictError('Changed by someone else.', 'version'));
    expect(formatError({ message: conflict.message, path: ['field'] }, conflict).extensions?.['code']).toBe('CONFLICT');
  });

  it('hides everything of an unexpected error', () => {
    const error = atPath(
      new Error('duplicate key value violates unique constraint "users_email_key" at Query.run (pg.js:1)'),
    );
    const formatted = formatError(
      { message: error.message, path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['…'] } },
      error,
    );
    expect(formatted).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['field'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('tells a client whether the database is unreachable or the service only busy, with nothing of the driver', () => {
    const answer = (original: Error) => {
      const error = atPath(original);
      return formatError({ message: error.message, path: ['field'] }, error);
    };
    expect(answer(new Error('timeout exceeded when trying to connect'))).toEqual(
      expect.objectContaining({
        message: SERVICE_BUSY_MESSAGE,
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SERVICE_BUSY' },
      }),
    );
    expect(answer(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toEqual(
      expect.objectContaining({
        message: SERVICE_UNAVAILABLE_MESSAGE,
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNREACHABLE' },
      }),
    );
  });

  it('keeps GraphQL’s own request errors as they are', () => {
    const error = new GraphQLError('Syntax Error: Expected Name');
    expect(
      formatError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error).extensions,
    ).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('drops graphql-js suggestions when asked to (production)', () => {
    const error = new GraphQLError(
      'Value "HIDEE" does not exist in "ContentAction" enum. Did you mean the enum value "HIDE"?',
    );
    const formatted = { message: error.message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(formatError(formatted, error, { hideSuggestions: true }).message).toBe(
      'Value "HIDEE" does not exist in "ContentAction" enum.',
    );
    expect(formatError(formatted, error).message).toMatch(/Did you mean/);
  });
});
