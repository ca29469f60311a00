import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'majlis-config-'));

  it('runs with no variables at all: embedded database, sample data, a local signing secret kept on disk', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toEqual(
      expect.objectContaining({ production: false, port: 3000, databaseUrl: undefined, seedSampleData: true }),
    );
    expect(config.jwtSecret).toBe(readFileSync(join(dataDir, 'jwt-secret'), 'utf8'));
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      ConfigurationError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATA_DIR: dataDir });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(name);
    }
  });

  it('reads the password-check throttle and the refresh grace window, and bounds the window', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      SIGN_IN_FREE_FAILURES_PER_CLIENT: '4',
      SIGN_IN_FIRST_DELAY_SECONDS: '5',
      REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0',
    });
    expect(config.signInThrottle).toEqual({
      freeFailuresPerClient: 4,
      freeFailuresPerEmail: 10,
      firstDelaySeconds: 5,
      maxDelaySeconds: 900,
      forgetAfterSeconds: 86_400,
    });
    expect(config.refreshTokenReuseGraceSeconds).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dataDir, REFRESH_TOKEN_REUSE_GRACE_SECONDS: '600' })).toThrow(
      /REFRESH_TOKEN_REUSE_GRACE_SECONDS/,
    );
  });

  it('requires a real signing secret in production and no sample data there by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/majlis' }),
    ).toThrow(/AUDIT_HMAC_KEY/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_HMAC_KEY: 'k'.repeat(40),
      DATABASE_URL: 'postgres://db/majlis',
    });
    expect(config.seedSampleData).toBe(false);
  });

  it('keeps the audit chains’ key out of the database: generated into DATA_DIR outside production, like the JWT secret', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.audit.hmacKey).toBe(readFileSync(join(dataDir, 'audit-hmac-key'), 'utf8'));
    expect(config.audit.hmacKey).not.toBe(config.jwtSecret);
    expect(config.audit.checkpointFile).toBe(join(dataDir, 'audit-checkpoints.jsonl'));
    expect(config.audit.checkpointIntervalSeconds).toBe(300);
  });
});
