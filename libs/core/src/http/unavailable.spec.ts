import { unavailableDependency } from './unavailable';

describe('unavailableDependency', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('names the database for a lost connection, a timeout or a server that cannot serve', () => {
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'))).toBe('database');
    expect(unavailableDependency(new Error('Query read timeout'))).toBe('database');
    expect(unavailableDependency(new Error('timeout expired'))).toBe('database'); // a new connection's connect timeout
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(unavailableDependency(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('database');
    expect(unavailableDependency(withCode('canceling statement due to statement timeout', '57014'))).toBe('database');
    expect(unavailableDependency(Object.assign(new Error('query failed'), { driverError: withCode('the database system is shutting down', '57P03') }))).toBe(
      'database',
    );
  });

  it('names Redis for what ioredis says when it cannot reach it', () => {
    expect(unavailableDependency(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
    expect(unavailableDependency(new Error('Connection is closed.'))).toBe('redis');
    expect(
      unavailableDependency(Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })),
    ).toBe('redis');
  });

  it('names Redis for what an ioredis Cluster says when its nodes are gone', () => {
    expect(unavailableDependency(new Error("Cluster isn't ready and enableOfflineQueue options is false"))).toBe('redis');
    expect(unavailableDependency(new Error('None of startup nodes is available'))).toBe('redis');
    expect(unavailableDependency(new Error('CLUSTERDOWN The cluster is down'))).toBe('redis');
  });

  it('leaves every other error alone (a broken rule, a unique violation, a bug)', () => {
    expect(unavailableDependency(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(unavailableDependency(new TypeError('cannot read properties of undefined'))).toBeNull();
    expect(unavailableDependency('a string')).toBeNull();
  });
});
