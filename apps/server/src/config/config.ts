import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { certificatesFromPem } from '@mimamoru/core';
import { parseMasterKeys } from '../security/master-key.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly url: string; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

/** The validated configuration of one server process. Built once at boot by {@link loadConfig}. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  readonly env: Environment;
  readonly webDist: string;
  readonly trustProxy: boolean;
  readonly savedTriageTtlDays: number;
  /** Years a closed case's personal data is kept after closing before retention erases it. */
  readonly retentionYears: number;
  /** Hours staff have for the first reply to a consultation (the queue's SLA timer; warns at 80%). */
  readonly slaFirstResponseHours: number;
  /** smtp(s)://… ; undefined writes mail as .eml files to <dataDir>/outbox/. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Origin of links in e-mails, without a trailing slash. */
  readonly publicUrl: string;
  /** Raw MIMAMORU_MASTER_KEY (validated); undefined uses the key file. Secret: never log or print. */
  readonly masterKey: string | undefined;
  /** RFC 3161 Time Stamping Authority for evidence chain heads; undefined: no trusted timestamps. */
  readonly tsaUrl: string | undefined;
  /** PEM trust anchors the TSA's certificate must chain to (read at boot); undefined: not checked against an anchor. */
  readonly tsaTrustAnchors: { readonly file: string; readonly pem: string } | undefined;
  /** HTTP Basic user for the TSA; set together with tsaPassword. */
  readonly tsaUsername: string | undefined;
  /** HTTP Basic password for the TSA. Secret: never log or print. */
  readonly tsaPassword: string | undefined;
  /** Testing only: `host:port` pairs server capture may reach although local or private (SSRF guard exceptions). */
  readonly captureAllowHosts: readonly string[];
}

/** The built web app, apps/web/dist: three levels up from both src/config/ and dist/config/. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

type Env = Readonly<Record<string, string | undefined>>;

/** Either a parsed value or a message naming what is wrong and what is accepted. */
type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

interface KeyDefinition<T> {
  /** One sentence for `mimamoru config` and the docs. */
  readonly doc: string;
  /** Environment variables read, first set wins. */
  readonly env: readonly string[];
  /** Default as shown to people (may depend on other keys). */
  readonly defaultText: string;
  /** Raw default used when no variable is set; a function when it depends on earlier keys. */
  readonly default: string | ((partial: Partial<Config>) => string);
  readonly parse: (raw: string) => Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: string): Parsed<never> => ({ ok: false, problem });

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): Parsed<T> => {
    const value = raw.trim().toLowerCase();
    return (values as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(`must be one of ${values.join(', ')} (got "${raw}")`);
  };
}

function integer(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    const value = Number(raw.trim());
    return Number.isInteger(value) && value >= min && value <= max && raw.trim() !== ''
      ? ok(value)
      : fail(`must be a whole number from ${min} to ${max} (got "${raw}")`);
  };
}

function boolean(raw: string): Parsed<boolean> {
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return ok(true);
  if (['false', '0', 'no', 'off', ''].includes(value)) return ok(false);
  return fail(`must be true or false (got "${raw}")`);
}

function nonEmpty(raw: string): Parsed<string> {
  return raw.trim() === '' ? fail('must not be empty') : ok(raw.trim());
}

function directory(raw: string): Parsed<string> {
  return raw.trim() === '' ? fail('must be a directory path') : ok(path.resolve(raw.trim()));
}

function optionalSmtpUrl(raw: string): Parsed<string | undefined> {
  const value = raw.trim();
  if (value === '') return ok(undefined);
  try {
    const url = new URL(value);
    if ((url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '') return ok(value);
  } catch {
    // reported below
  }
  return fail('must be smtp://[user:pass@]host[:port] or smtps://… (credentials URL-encoded)');
}

function httpOrigin(raw: string): Parsed<string> {
  try {
    const url = new URL(raw.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return ok(url.href.replace(/\/+$/, ''));
  } catch {
    // reported below
  }
  return fail(`must be an http(s):// address such as https://mimamoru.example.jp (got "${raw}")`);
}

function optionalHttpUrl(raw: string): Parsed<string | undefined> {
  const value = raw.trim();
  if (value === '') return ok(undefined);
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return ok(url.href);
  } catch {
    // reported below
  }
  return fail(`must be an http(s):// address such as https://tsa.example.jp/tsa (got "${raw}")`);
}

/** A PEM file of one or more CA certificates, read once at boot so a missing or wrong file stops the start. */
function optionalPemFile(raw: string): Parsed<{ file: string; pem: string } | undefined> {
  const value = raw.trim();
  if (value === '') return ok(undefined);
  const file = path.resolve(value);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    return fail(`cannot read the file ${file}`);
  }
  try {
    if (certificatesFromPem(pem).length > 0) return ok({ file, pem });
  } catch {
    // reported below
  }
  return fail(`${file} holds no readable PEM certificate (-----BEGIN CERTIFICATE-----)`);
}

function optionalText(raw: string): Parsed<string | undefined> {
  return ok(raw === '' ? undefined : raw);
}

function optionalMasterKey(raw: string): Parsed<string | undefined> {
  if (raw.trim() === '') return ok(undefined);
  const parsed = parseMasterKeys(raw);
  return parsed.ok ? ok(raw.trim()) : fail(parsed.problem);
}

function hostPortList(raw: string): Parsed<readonly string[]> {
  const items = raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  const bad = items.filter((item) => !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\]):\d{1,5}$/.test(item));
  return bad.length === 0
    ? ok(Object.freeze(items))
    : fail(`must be host:port pairs separated by commas, e.g. 127.0.0.1:8080 (got "${bad.join(', ')}")`);
}

/** sqlite://<path> (relative to the working directory, or sqlite:///abs/path) or postgres(ql)://… */
export function parseDatabaseUrl(raw: string): Parsed<DatabaseConfig> {
  const url = raw.trim();
  if (url.startsWith('sqlite://')) {
    const file = url.slice('sqlite://'.length);
    if (file === '') return fail('sqlite:// needs a file path, e.g. sqlite://./data/mimamoru.sqlite');
    return ok({ dialect: 'sqlite', url, file: file === ':memory:' ? file : path.resolve(file) });
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname && !parsed.searchParams.get('host')) return fail('postgres URL needs a host');
    } catch {
      return fail('is not a valid postgres:// URL');
    }
    return ok({ dialect: 'postgres', url });
  }
  return fail(
    'must start with sqlite://, postgres:// or postgresql:// (e.g. sqlite://./data/mimamoru.sqlite)',
  );
}

const schema = {
  port: {
    doc: 'TCP port the HTTP server listens on.',
    env: ['PORT'],
    defaultText: '3000',
    default: '3000',
    parse: integer(0, 65535),
  },
  host: {
    doc: 'Interface the HTTP server binds to; 0.0.0.0 to accept connections from other machines.',
    env: ['HOST'],
    defaultText: '127.0.0.1',
    default: '127.0.0.1',
    parse: nonEmpty,
  },
  dataDir: {
    doc: 'Directory for local data (the SQLite database by default). Created if missing.',
    env: ['MIMAMORU_DATA_DIR'],
    defaultText: './data',
    default: './data',
    parse: directory,
  },
  database: {
    doc: 'Database URL: sqlite://<file> (default, no server needed) or postgres://user:pass@host:port/db.',
    env: ['DATABASE_URL'],
    defaultText: 'sqlite://<MIMAMORU_DATA_DIR>/mimamoru.sqlite',
    default: (partial) => `sqlite://${path.join(partial.dataDir ?? path.resolve('data'), 'mimamoru.sqlite')}`,
    parse: parseDatabaseUrl,
  },
  logLevel: {
    doc: 'Minimum level of log lines written to stdout (JSON, one line each).',
    env: ['LOG_LEVEL'],
    defaultText: 'info',
    default: 'info',
    parse: oneOf(LOG_LEVELS),
  },
  env: {
    doc: 'Runtime environment; MIMAMORU_ENV wins over NODE_ENV.',
    env: ['MIMAMORU_ENV', 'NODE_ENV'],
    defaultText: 'development',
    default: 'development',
    parse: oneOf(ENVIRONMENTS),
  },
  webDist: {
    doc: 'Directory of the built web app (index.html and assets) served at /.',
    env: ['MIMAMORU_WEB_DIST'],
    defaultText: 'apps/web/dist (next to this package)',
    default: DEFAULT_WEB_DIST,
    parse: directory,
  },
  trustProxy: {
    doc: 'Trust X-Forwarded-* headers; set true only behind a reverse proxy you run.',
    env: ['TRUST_PROXY'],
    defaultText: 'false',
    default: 'false',
    parse: boolean,
  },
  savedTriageTtlDays: {
    doc: 'Days a saved triage is kept before it is erased automatically.',
    env: ['MIMAMORU_SAVED_TRIAGE_TTL_DAYS'],
    defaultText: '180',
    default: '180',
    parse: integer(1, 3650),
  },
  retentionYears: {
    doc: 'Years after a case is resolved or closed before its personal data (intake, messages, notes, files, contact details) is erased automatically; case number, stage, dates and platforms stay for statistics.',
    env: ['MIMAMORU_RETENTION_YEARS'],
    defaultText: '5',
    default: '5',
    parse: integer(1, 30),
  },
  slaFirstResponseHours: {
    doc: 'Hours staff have for the first reply to a consultation: the queue’s SLA timer (paused while waiting for the victim) warns at 80% and shows overdue after it.',
    env: ['MIMAMORU_SLA_FIRST_RESPONSE_HOURS'],
    defaultText: '24',
    default: '24',
    parse: integer(1, 720),
  },
  smtpUrl: {
    doc: 'Outgoing mail server, smtp://user:pass@host:587 or smtps://user:pass@host:465. Unset: mail is written as .eml files to <MIMAMORU_DATA_DIR>/outbox/.',
    env: ['SMTP_URL'],
    defaultText: 'none (mail goes to <MIMAMORU_DATA_DIR>/outbox/)',
    default: '',
    parse: optionalSmtpUrl,
  },
  mailFrom: {
    doc: 'Sender of every e-mail, e.g. "mimamoru <no-reply@example.jp>".',
    env: ['MAIL_FROM'],
    defaultText: 'mimamoru <no-reply@localhost>',
    default: 'mimamoru <no-reply@localhost>',
    parse: nonEmpty,
  },
  publicUrl: {
    doc: 'Public address of this site (https://…), used to build links in e-mails.',
    env: ['PUBLIC_URL'],
    defaultText: 'http://localhost:<PORT>',
    default: (partial) => `http://localhost:${partial.port ?? 3000}`,
    parse: httpOrigin,
  },
  masterKey: {
    doc: 'Secret, never printed: master key(s) encrypting personal data at rest, base64 of 32 random bytes (openssl rand -base64 32), or "1:<base64>,2:<base64>" (highest version current). Unset: a key file is created under <MIMAMORU_DATA_DIR>/keys/.',
    env: ['MIMAMORU_MASTER_KEY'],
    defaultText: 'none (key file <MIMAMORU_DATA_DIR>/keys/master-keys.json)',
    default: '',
    parse: optionalMasterKey,
  },
  tsaUrl: {
    doc: 'RFC 3161 Time Stamping Authority (HTTP POST application/timestamp-query) that timestamps each new evidence chain head, e.g. a 総務大臣認定 timestamp service. Unset: no trusted timestamps (heads are still signed).',
    env: ['MIMAMORU_TSA_URL'],
    defaultText: 'none (no trusted timestamps)',
    default: '',
    parse: optionalHttpUrl,
  },
  tsaTrustAnchors: {
    doc: 'PEM file of the CA certificates (trust anchors) the TSA certificate must chain to at the token’s time, e.g. the root of a 総務大臣認定 timestamp service; a token that does not chain is refused. Unset: the token’s signature is checked but its certificate is not checked against a trust anchor.',
    env: ['MIMAMORU_TSA_CA_FILE'],
    defaultText: 'none (TSA certificate not checked against a trust anchor)',
    default: '',
    parse: optionalPemFile,
  },
  tsaUsername: {
    doc: 'User name for a TSA that requires HTTP Basic authentication; set together with MIMAMORU_TSA_PASSWORD.',
    env: ['MIMAMORU_TSA_USERNAME'],
    defaultText: 'none',
    default: '',
    parse: optionalText,
  },
  tsaPassword: {
    doc: 'Secret, never printed or logged: password for the TSA’s HTTP Basic authentication (sent only to MIMAMORU_TSA_URL; use an https:// URL).',
    env: ['MIMAMORU_TSA_PASSWORD'],
    defaultText: 'none',
    default: '',
    parse: optionalText,
  },
  captureAllowHosts: {
    doc: 'Testing only: comma-separated host:port pairs (e.g. 127.0.0.1:8080) that server capture may open although they are local or private; everything else private stays refused. Leave empty in production.',
    env: ['MIMAMORU_CAPTURE_ALLOW_HOSTS'],
    defaultText: 'none',
    default: '',
    parse: hostPortList,
  },
} satisfies { [K in keyof Config]: KeyDefinition<Config[K]> };

/** Thrown by {@link loadConfig} with every problem found, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Rules between keys, checked once every key parsed. */
function crossChecks(config: Partial<Config>): string[] {
  const problems: string[] = [];
  if ((config.tsaUsername === undefined) !== (config.tsaPassword === undefined)) {
    problems.push('MIMAMORU_TSA_USERNAME and MIMAMORU_TSA_PASSWORD must be set together (HTTP Basic authentication)');
  }
  if (config.tsaUsername?.includes(':')) problems.push('MIMAMORU_TSA_USERNAME: must not contain ":" (HTTP Basic, RFC 7617)');
  return problems;
}

/** Parses the environment into a frozen {@link Config}, or throws a {@link ConfigError} listing every problem. */
export function loadConfig(env: Env): Config {
  const partial: Partial<Record<keyof Config, unknown>> = {};
  const problems: string[] = [];
  for (const [key, definition] of Object.entries(schema) as [keyof Config, KeyDefinition<unknown>][]) {
    // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' .env conventions.
    const name = definition.env.find((variable) => env[variable] !== undefined && env[variable] !== '');
    const raw =
      name !== undefined
        ? (env[name] as string)
        : typeof definition.default === 'function'
          ? definition.default(partial as Partial<Config>)
          : definition.default;
    const parsed = definition.parse(raw);
    if (parsed.ok) partial[key] = parsed.value;
    else problems.push(`${name ?? definition.env[0]}: ${parsed.problem}`);
  }
  problems.push(...crossChecks(partial as Partial<Config>));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(partial as unknown as Config);
}

export interface ConfigKeyDescription {
  readonly key: string;
  readonly env: readonly string[];
  readonly default: string;
  readonly doc: string;
}

/** Every key with its variables, default and doc: for `mimamoru config` and the docs. */
export function describeConfig(): readonly ConfigKeyDescription[] {
  return Object.entries(schema).map(([key, definition]) => ({
    key,
    env: definition.env,
    default: definition.defaultText,
    doc: definition.doc,
  }));
}
