import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../src/config/config.js';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, port 3000, loopback only', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      logLevel: 'info',
      env: 'development',
      trustProxy: false,
      savedTriageTtlDays: 180,
    });
    expect(config.database).toEqual({
      dialect: 'sqlite',
      url: `sqlite://${path.resolve('data', 'mimamoru.sqlite')}`,
      file: path.resolve('data', 'mimamoru.sqlite'),
    });
    expect(config.webDist.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('puts the default database inside MIMAMORU_DATA_DIR', () => {
    const config = loadConfig({ MIMAMORU_DATA_DIR: '/srv/mimamoru' });
    expect(config.database).toMatchObject({ dialect: 'sqlite', file: '/srv/mimamoru/mimamoru.sqlite' });
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/mimamoru' }).database.dialect).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/mimamoru' }).database.dialect).toBe('postgres');
  });

  it('prefers MIMAMORU_ENV over NODE_ENV', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).env).toBe('production');
    expect(loadConfig({ NODE_ENV: 'production', MIMAMORU_ENV: 'test' }).env).toBe('test');
  });

  it('lists every problem at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x/y',
        TRUST_PROXY: 'maybe',
        MIMAMORU_ENV: 'staging',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'MIMAMORU_ENV',
      'PORT',
      'TRUST_PROXY',
    ]);
    expect((error as ConfigError).message).toContain(
      'must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    );
  });

  it('documents every key with its variable and default', () => {
    const keys = describeConfig();
    const variables = keys.flatMap((key) => key.env);
    for (const name of [
      'PORT',
      'HOST',
      'MIMAMORU_DATA_DIR',
      'DATABASE_URL',
      'LOG_LEVEL',
      'NODE_ENV',
      'MIMAMORU_ENV',
      'MIMAMORU_WEB_DIST',
      'TRUST_PROXY',
    ]) {
      expect(variables).toContain(name);
    }
    for (const key of keys) {
      expect(key.doc.length).toBeGreaterThan(10);
      expect(key.default).not.toBe('');
    }
  });
});
