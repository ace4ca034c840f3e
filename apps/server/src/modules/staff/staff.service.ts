import { randomBytes, randomUUID } from 'node:crypto';
import type { StaffRole } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { toString as renderQr } from 'qrcode';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { authCounters, exceededCounter } from '../../security/auth-counters.js';
import type { Keyring } from '../../security/keyring.js';
import {
  hashSecret,
  hexEqual,
  newSecret,
  SECRET_PATTERN,
  sha256Hex,
  verifySecret,
} from '../../security/secrets.js';
import type { AuditService } from '../audit/audit.service.js';
import { teamForAccount } from '../teams/team-membership.js';
import {
  createAccountNotFoundError,
  createCsrfError,
  createEmailTakenError,
  createInvalidCredentialsError,
  createLastAdminError,
  createLockedError,
  createNotSignedInError,
  createPasswordCommonError,
  createPasswordIsEmailError,
  createPasswordTooShortError,
  createSessionNotFoundError,
  createSetupIncompleteError,
  createSetupInvalidError,
  createTooManyAttemptsError,
  createTotpInvalidError,
} from './staff.errors.js';
import { staffRepository, type StaffAccountRow, type StaffSessionRow } from './staff.repository.js';

const MINUTE_MS = 60_000;

export interface StaffLimits {
  readonly setupTokenMs: number;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  /** Failed logins (per account, or per unknown email) that lock it for `lockMs`. */
  readonly lockAfterFailures: number;
  readonly lockMs: number;
  /** Failed logins per client IP within `ipWindowMs` before 429. */
  readonly loginFailuresPerIp: number;
  readonly ipWindowMs: number;
}

export const DEFAULT_STAFF_LIMITS: StaffLimits = {
  setupTokenMs: 72 * 60 * MINUTE_MS,
  sessionIdleMs: 30 * MINUTE_MS,
  sessionMaxMs: 12 * 60 * MINUTE_MS,
  lockAfterFailures: 5,
  lockMs: 15 * MINUTE_MS,
  loginFailuresPerIp: 30,
  ipWindowMs: 15 * MINUTE_MS,
};

export const PASSWORD_MIN_LENGTH = 12;
const RECOVERY_CODE_COUNT = 10;
const TOTP_ISSUER = 'mimamoru';

/** A tiny list of passwords people pick to reach 12 characters; length and TOTP do the rest. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  'password1234',
  'password123!',
  'passwordpassword',
  'qwertyuiopas',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123abc123',
  'letmein12345',
  'welcome12345',
  'administrator',
  'admin1234567',
  'changeme1234',
  'mimamoru1234',
  'mimamoru2026',
  'p@ssw0rd1234',
]);

/** Who did something, for the audit log. */
export interface Actor {
  readonly type: 'staff' | 'system';
  readonly id: string | null;
  /** Keyed hash of the client IP, when the action came over HTTP. */
  readonly ipHash?: string;
}

export interface StaffSession {
  readonly sessionId: string;
  readonly account: ReturnType<typeof presentAccount>;
  readonly expiresAt: string;
}

/** Refuses passwords that are short, equal to the email (or its local part) or on the common list. */
export function checkPassword(password: string, email: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    throw createPasswordTooShortError({ min: String(PASSWORD_MIN_LENGTH) });
  const lower = password.trim().toLowerCase();
  if (lower === email || lower === email.split('@')[0]) throw createPasswordIsEmailError();
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 2) throw createPasswordCommonError();
}

function totpContext(accountId: string): string {
  return `staff_accounts.totp_secret:${accountId}`;
}

/** 80 random bits as XXXX-XXXX-XXXX-XXXX (Crockford base32); stored as SHA-256. */
function newRecoveryCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const symbols = [...randomBytes(16)].map((byte) => alphabet[byte & 31]).join('');
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function presentAccount(row: StaffAccountRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as StaffRole,
    teamId: row.team_id,
  };
}

export function presentSummary(row: StaffAccountRow) {
  return {
    ...presentAccount(row),
    enrolled: row.totp_enrolled_at !== null,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

/** Staff accounts: creation with a setup link, password + TOTP enrolment, login, sessions. */
export function createStaffService({
  db,
  keyring,
  audit,
  clock,
  publicUrl,
  limits: overrides,
}: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
  audit: Pick<AuditService, 'record' | 'hashIp'>;
  clock: () => Date;
  /** Origin of setup links, without a trailing slash. */
  publicUrl: string;
  limits?: Partial<StaffLimits>;
}) {
  const limits: StaffLimits = { ...DEFAULT_STAFF_LIMITS, ...overrides };

  /** Checks a TOTP code at the clock's time (±1 step) and above the last accepted step; the step or null. */
  async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
    const epoch = Math.floor(clock().getTime() / 1000);
    if (afterStep !== null && afterStep >= Math.floor((epoch + 30) / 30)) return null;
    try {
      const result = await verifyTotp({
        secret,
        token: code,
        epoch,
        epochTolerance: 30,
        ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
      });
      // TOTP results carry the matched step; HOTP ones (never used here) do not.
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null;
    }
  }

  /** The account a live setup token names, or a 400 that says nothing about why. */
  async function accountForSetup(token: string): Promise<{ account: StaffAccountRow; hash: string }> {
    const now = clock().toISOString();
    const hash = sha256Hex(token);
    const row = SECRET_PATTERN.test(token) ? await staffRepository.findSetupToken(db, hash) : undefined;
    if (!row || row.used_at !== null || row.expires_at <= now) throw createSetupInvalidError();
    const account = await staffRepository.findAccountById(db, row.account_id);
    if (!account || account.disabled_at !== null || account.totp_enrolled_at !== null)
      throw createSetupInvalidError();
    return { account, hash };
  }

  /** Counts a failed login against the account (locking it at the threshold) or the unknown email, and the IP. */
  async function recordFailure(
    account: StaffAccountRow | undefined,
    emailKey: string,
    ipKey: string,
    reason: string,
    ipHash: string,
  ): Promise<void> {
    const now = clock();
    const nowIso = now.toISOString();
    await authCounters.increment(
      db,
      ipKey,
      nowIso,
      new Date(now.getTime() - limits.ipWindowMs).toISOString(),
    );
    if (!account) {
      await authCounters.increment(
        db,
        emailKey,
        nowIso,
        new Date(now.getTime() - limits.lockMs).toISOString(),
      );
      await audit.record({
        actorType: 'staff',
        actorId: null,
        action: 'staff.login_failed',
        ipHash,
        detail: { reason },
      });
      return;
    }
    const failures = account.failed_logins + 1;
    const lock = failures >= limits.lockAfterFailures;
    await db.transaction().execute(async (trx) => {
      await staffRepository.updateAccount(trx, account.id, account.version, {
        failed_logins: lock ? 0 : failures,
        ...(lock ? { locked_until: new Date(now.getTime() + limits.lockMs).toISOString() } : {}),
        updated_at: nowIso,
      });
      const event = {
        actorType: 'staff',
        actorId: account.id,
        targetType: 'staff_account',
        targetId: account.id,
        ipHash,
      } as const;
      await audit.record({ ...event, action: 'staff.login_failed', detail: { reason } }, trx);
      if (lock) await audit.record({ ...event, action: 'staff.locked' }, trx);
    });
  }

  return {
    /** Keyed hash of a client IP, for the audit lines of actions taken over HTTP. */
    hashIp: (ip: string) => audit.hashIp(ip),

    /** Whether at least one enabled admin account exists (production refuses to start without one). */
    async hasActiveAdmin(): Promise<boolean> {
      return (await staffRepository.countActiveAdmins(db)) > 0;
    },

    /**
     * A new account without credentials, and a one-time setup link (72 h) to hand to the person. A
     * consultant joins `teamId` (default: the default team); lawyers have no team.
     */
    async createAccount({
      email,
      role,
      displayName,
      teamId,
      actor,
    }: {
      email: string;
      role: StaffRole;
      displayName: string;
      teamId?: string | undefined;
      actor: Actor;
    }) {
      const now = clock();
      const nowIso = now.toISOString();
      const id = randomUUID();
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + limits.setupTokenMs).toISOString();
      const row = {
        id,
        email: email.trim().toLowerCase(),
        display_name: displayName.trim(),
        role,
        password_hash: null,
        totp_secret: null,
        totp_enrolled_at: null,
        totp_last_step: null,
        recovery_code_hashes: null,
        failed_logins: 0,
        locked_until: null,
        disabled_at: null,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
        team_id: null as string | null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          row.team_id = await teamForAccount(trx, role, teamId);
          await staffRepository.insertAccount(trx, row);
          await staffRepository.insertSetupToken(trx, {
            hash: sha256Hex(token),
            account_id: id,
            created_at: nowIso,
            expires_at: expiresAt,
            used_at: null,
          });
          await audit.record(
            {
              actorType: actor.type,
              actorId: actor.id,
              action: 'staff.account_created',
              targetType: 'staff_account',
              targetId: id,
              ...(actor.ipHash !== undefined ? { ipHash: actor.ipHash } : {}),
              detail: { role, teamId: row.team_id },
            },
            trx,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw createEmailTakenError();
        throw error;
      }
      return {
        account: presentAccount(row),
        setupUrl: `${publicUrl}/console/setup#${token}`,
        expiresAt,
      };
    },

    async listAccounts({ actor }: { actor: Actor }) {
      const rows = await staffRepository.listAccounts(db);
      await audit.record({
        actorType: actor.type,
        actorId: actor.id,
        action: 'staff.accounts_listed',
        ...(actor.ipHash !== undefined ? { ipHash: actor.ipHash } : {}),
      });
      return { accounts: rows.map(presentSummary) };
    },

    /** Disables an account and ends its sessions; the last enabled admin cannot be disabled. */
    async disableAccount({ id, email, actor }: { id?: string; email?: string; actor: Actor }) {
      const nowIso = clock().toISOString();
      const updated = await db.transaction().execute(async (trx) => {
        const found =
          id !== undefined
            ? await staffRepository.findAccountById(trx, id)
            : await staffRepository.findAccountByEmail(trx, (email ?? '').trim().toLowerCase());
        if (!found) throw createAccountNotFoundError();
        if (found.disabled_at !== null) return found;
        if (found.role === 'admin' && (await staffRepository.countActiveAdmins(trx)) <= 1)
          throw createLastAdminError();
        const patch = { disabled_at: nowIso, updated_at: nowIso };
        if (!(await staffRepository.updateAccount(trx, found.id, found.version, patch)))
          throw createAccountNotFoundError();
        await staffRepository.revokeSessionsOfAccount(trx, found.id, nowIso);
        await audit.record(
          {
            actorType: actor.type,
            actorId: actor.id,
            action: 'staff.account_disabled',
            targetType: 'staff_account',
            targetId: found.id,
            ...(actor.ipHash !== undefined ? { ipHash: actor.ipHash } : {}),
          },
          trx,
        );
        return { ...found, ...patch, version: found.version + 1 };
      });
      return { account: presentSummary(updated) };
    },

    /**
     * First step of the setup link: sets the password and a new TOTP secret, and returns what an
     * authenticator app needs. The link stays valid (and may be used again) until the code is confirmed.
     */
    async beginSetup({
      token,
      password,
      displayName,
      ip,
    }: {
      token: string;
      password: string;
      displayName?: string | undefined;
      ip: string;
    }) {
      const { account } = await accountForSetup(token);
      checkPassword(password, account.email);
      const ipHash = await audit.hashIp(ip);
      const secretBase32 = generateSecret();
      const passwordHash = await hashSecret(password);
      const nowIso = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        const ok = await staffRepository.updateAccount(trx, account.id, account.version, {
          password_hash: passwordHash,
          totp_secret: keyring.seal(secretBase32, totpContext(account.id)),
          ...(displayName ? { display_name: displayName } : {}),
          updated_at: nowIso,
        });
        if (!ok) throw createSetupInvalidError();
        await audit.record(
          {
            actorType: 'staff',
            actorId: account.id,
            action: 'staff.password_set',
            targetType: 'staff_account',
            targetId: account.id,
            ipHash,
          },
          trx,
        );
      });
      const totpUri = generateURI({ issuer: TOTP_ISSUER, label: account.email, secret: secretBase32 });
      const qrSvg = await renderQr(totpUri, { type: 'svg', margin: 1 });
      return { totpUri, qrSvg, secretBase32 };
    },

    /** Second step: a correct code enrols TOTP, ends the setup link and returns 10 recovery codes (shown once). */
    async confirmTotp({ token, code, ip }: { token: string; code: string; ip: string }) {
      const { account, hash } = await accountForSetup(token);
      if (account.password_hash === null || account.totp_secret === null) throw createSetupIncompleteError();
      const secret = keyring.openText(account.totp_secret, totpContext(account.id));
      const step = await checkTotp(secret, code, null);
      if (step === null) throw createTotpInvalidError();
      const ipHash = await audit.hashIp(ip);
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      const hashes = recoveryCodes.map((c) => sha256Hex(normalizeRecoveryCode(c)));
      const nowIso = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await staffRepository.redeemSetupToken(trx, hash, nowIso))) throw createSetupInvalidError();
        const ok = await staffRepository.updateAccount(trx, account.id, account.version, {
          totp_enrolled_at: nowIso,
          totp_last_step: step,
          recovery_code_hashes: JSON.stringify(hashes),
          updated_at: nowIso,
        });
        if (!ok) throw createSetupInvalidError();
        await audit.record(
          {
            actorType: 'staff',
            actorId: account.id,
            action: 'staff.totp_enrolled',
            targetType: 'staff_account',
            targetId: account.id,
            ipHash,
          },
          trx,
        );
      });
      return { account: presentAccount(account), recoveryCodes };
    },

    /**
     * Email + password + TOTP code (or a recovery code, once). An unknown email, a wrong password,
     * a wrong code and a disabled account cost the same argon2 work and give the same 401. Five
     * failures lock the account (or the unknown email) for 15 minutes; failures per IP are limited too.
     */
    async login({
      email: typed,
      password,
      code,
      recoveryCode,
      ip,
    }: {
      email: string;
      password: string;
      code?: string | undefined;
      recoveryCode?: string | undefined;
      ip: string;
    }) {
      const now = clock();
      const nowIso = now.toISOString();
      const email = typed.trim().toLowerCase();
      const ipHash = await audit.hashIp(ip);
      const ipKey = `staff-login-ip:${sha256Hex(ip)}`;
      const emailKey = `staff-login-email:${sha256Hex(email)}`;
      const overIp = await exceededCounter(db, [{ key: ipKey, limit: limits.loginFailuresPerIp }], {
        now,
        windowMs: limits.ipWindowMs,
      });
      if (overIp) {
        const error = createTooManyAttemptsError({
          minutes: String(Math.ceil(overIp.retryAfterSeconds / 60)),
        });
        throw Object.assign(error, { retryAfterSeconds: overIp.retryAfterSeconds });
      }
      const account = await staffRepository.findAccountByEmail(db, email);
      const lockedFor = account
        ? account.locked_until !== null && account.locked_until > nowIso
          ? Math.ceil((Date.parse(account.locked_until) - now.getTime()) / 1000)
          : 0
        : ((
            await exceededCounter(db, [{ key: emailKey, limit: limits.lockAfterFailures }], {
              now,
              windowMs: limits.lockMs,
            })
          )?.retryAfterSeconds ?? 0);
      if (lockedFor > 0) {
        const error = createLockedError({ minutes: String(Math.ceil(lockedFor / 60)) });
        throw Object.assign(error, { retryAfterSeconds: lockedFor });
      }

      const passwordOk = await verifySecret(account?.password_hash, password);
      let failure: string | null = null;
      let step: number | null = null;
      let remainingCodes: string[] | null = null;
      if (!account) failure = 'unknown_email';
      else if (!passwordOk) failure = 'password';
      else if (account.disabled_at !== null) failure = 'disabled';
      else if (account.totp_enrolled_at === null || account.totp_secret === null) failure = 'not_enrolled';
      else if (code) {
        const secret = keyring.openText(account.totp_secret, totpContext(account.id));
        step = await checkTotp(secret, code, account.totp_last_step);
        if (step === null) failure = 'code';
      } else if (recoveryCode) {
        const wanted = sha256Hex(normalizeRecoveryCode(recoveryCode));
        const hashes = JSON.parse(account.recovery_code_hashes ?? '[]') as string[];
        const index = hashes.findIndex((h) => hexEqual(h, wanted));
        if (index < 0) failure = 'recovery_code';
        else remainingCodes = hashes.filter((_, i) => i !== index);
      } else failure = 'code';

      if (failure !== null || !account) {
        await recordFailure(account, emailKey, ipKey, failure ?? 'unknown_email', ipHash);
        throw createInvalidCredentialsError();
      }

      const token = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now.getTime() + limits.sessionIdleMs).toISOString();
      await db.transaction().execute(async (trx) => {
        const ok = await staffRepository.updateAccount(trx, account.id, account.version, {
          failed_logins: 0,
          locked_until: null,
          ...(step !== null ? { totp_last_step: step } : {}),
          ...(remainingCodes !== null ? { recovery_code_hashes: JSON.stringify(remainingCodes) } : {}),
          updated_at: nowIso,
        });
        // A concurrent login changed the row: the same code or recovery code may have been used twice.
        if (!ok) throw createInvalidCredentialsError();
        await staffRepository.deleteDeadSessions(
          trx,
          new Date(now.getTime() - 24 * 60 * MINUTE_MS).toISOString(),
        );
        await staffRepository.insertSession(trx, {
          id: sha256Hex(token),
          account_id: account.id,
          csrf_token_hash: sha256Hex(csrfToken),
          created_at: nowIso,
          last_seen_at: nowIso,
          expires_at: expiresAt,
          revoked_at: null,
          ip_hash: ipHash,
        });
        await audit.record(
          {
            actorType: 'staff',
            actorId: account.id,
            action: 'staff.login',
            targetType: 'staff_account',
            targetId: account.id,
            ipHash,
            detail: {
              method: remainingCodes !== null ? 'recovery_code' : 'totp',
              ...(remainingCodes !== null ? { recoveryCodesLeft: remainingCodes.length } : {}),
            },
          },
          trx,
        );
      });
      return { token, csrfToken, expiresAt, account: presentAccount(account) };
    },

    /**
     * The session a cookie token names, if live (not revoked, idle < 30 min, age < 12 h) and its account
     * enabled; writes also need the CSRF token from login. Slides the idle expiry.
     */
    async resolveSession({
      token,
      csrfToken,
      requireCsrf,
    }: {
      token: string | undefined;
      csrfToken: string | undefined;
      requireCsrf: boolean;
    }): Promise<StaffSession> {
      if (!token || !SECRET_PATTERN.test(token)) throw createNotSignedInError();
      const now = clock();
      const nowIso = now.toISOString();
      const id = sha256Hex(token);
      const row: StaffSessionRow | undefined = await staffRepository.findSession(db, id);
      const maxEnd = row ? Date.parse(row.created_at) + limits.sessionMaxMs : 0;
      if (!row || row.revoked_at !== null || row.expires_at <= nowIso || maxEnd <= now.getTime())
        throw createNotSignedInError();
      const account = await staffRepository.findAccountById(db, row.account_id);
      if (!account || account.disabled_at !== null) throw createNotSignedInError();
      if (requireCsrf && !(csrfToken && hexEqual(sha256Hex(csrfToken), row.csrf_token_hash)))
        throw createCsrfError();
      const expiresAt = new Date(Math.min(now.getTime() + limits.sessionIdleMs, maxEnd)).toISOString();
      await staffRepository.touchSession(db, id, nowIso, expiresAt);
      return { sessionId: id, account: presentAccount(account), expiresAt };
    },

    async logout({ session, ip }: { session: StaffSession; ip: string }): Promise<void> {
      const nowIso = clock().toISOString();
      const ipHash = await audit.hashIp(ip);
      await db.transaction().execute(async (trx) => {
        await staffRepository.revokeSession(trx, session.account.id, session.sessionId, nowIso);
        await audit.record(
          { actorType: 'staff', actorId: session.account.id, action: 'staff.logout', ipHash },
          trx,
        );
      });
    },

    /** The caller's own live sessions, newest first. */
    async listSessions({ session }: { session: StaffSession }) {
      const rows = await staffRepository.listLiveSessions(db, session.account.id, clock().toISOString());
      return {
        sessions: rows.map((row) => ({
          id: row.id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          current: row.id === session.sessionId,
        })),
      };
    },

    /** Ends one of the caller's own sessions (e.g. a forgotten browser); 404 for anyone else's. */
    async revokeSession({ session, id, ip }: { session: StaffSession; id: string; ip: string }) {
      const nowIso = clock().toISOString();
      const ipHash = await audit.hashIp(ip);
      await db.transaction().execute(async (trx) => {
        if (!(await staffRepository.revokeSession(trx, session.account.id, id, nowIso)))
          throw createSessionNotFoundError();
        await audit.record(
          {
            actorType: 'staff',
            actorId: session.account.id,
            action: 'staff.session_revoked',
            targetType: 'staff_session',
            targetId: id,
            ipHash,
          },
          trx,
        );
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
