import { databaseUnavailability, isDatabaseUnavailable, isStalePlan, isUniqueViolation } from './database-errors';

describe('database errors', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a refused connection to every address',
      Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}),
    ],
    ['an administrator shutdown', { driverError: { code: '57P01', message: 'terminating connection' } }],
    ['a server starting up', { code: '57P03', message: 'the database system is starting up' }],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['too many connections', { code: '53300' }],
    ['a connection failure', { code: '08006' }],
  ])('recognises %s as an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a bad uuid', { driverError: { code: '22P02' } }],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('tells an overloaded pool (the database answers, no connection came free in time) from an outage', () => {
    expect(databaseUnavailability(new Error('timeout exceeded when trying to connect'))).toBe('BUSY');
    expect(databaseUnavailability({ cause: new Error('timeout exceeded when trying to connect') })).toBe('BUSY');
    expect(databaseUnavailability(new Error('Connection terminated unexpectedly'))).toBe('UNREACHABLE');
    expect(databaseUnavailability({ code: '53300' })).toBe('UNREACHABLE');
    expect(databaseUnavailability(new TypeError('x'))).toBeNull();
  });

  it('takes a stale prepared plan (a migration meanwhile) for a moment of unavailability: trying again succeeds', () => {
    const stale = { code: '0A000', message: 'cached plan must not change result type' };
    expect(isStalePlan(stale)).toBe(true);
    expect(databaseUnavailability({ driverError: stale })).toBe('BUSY');
    expect(isStalePlan({ code: '0A000', message: 'FOR UPDATE is not allowed with aggregate functions' })).toBe(false);
    expect(isStalePlan(undefined)).toBe(false);
  });

  it('recognises unique violations', () => {
    expect(isUniqueViolation({ driverError: { code: '23505', constraint: 'k' } }, 'k')).toBe(true);
  });
});
