import { z } from 'zod';

/** Roles of staff accounts; what each may do is decided by each feature's policy module. */
export const STAFF_ROLES = ['admin', 'consultant', 'lawyer'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Name of the staff session cookie (HttpOnly, SameSite=Strict, Path=/api/staff). */
export const STAFF_SESSION_COOKIE = 'mm_staff';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'email-invalid' }));
const token = z.string().trim().max(64);
const displayName = z.string().trim().min(1).max(100);
/** A session's id as GET /api/staff/sessions lists it (64 hex characters). */
const sessionId = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}$/);

/** A team id: `default` (the team every installation starts with), or a UUID for teams admins create. */
export const TeamIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9a-z-]+$/);

export const StaffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: StaffRoleSchema,
  /** The consultant's team (admins may have one; lawyers none). A consultant sees their team's cases. */
  teamId: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** Body of POST /api/staff/setup: the token from the setup link (after `#`) and a new password. */
export const StaffSetupRequestSchema = z.object({
  token,
  password: z.string().max(256),
  displayName: displayName.optional(),
});

/** Response of POST /api/staff/setup: what an authenticator app needs; the code is confirmed next. */
export const StaffSetupResponseSchema = z.object({
  totpUri: z.string(),
  qrSvg: z.string(),
  secretBase32: z.string(),
});

/** Body of POST /api/staff/setup/totp. */
export const StaffTotpConfirmRequestSchema = z.object({
  token,
  code: z.string().trim().max(10),
});

/** Response of POST /api/staff/setup/totp: one-time recovery codes, shown this once. */
export const StaffRecoveryCodesSchema = z.object({
  account: StaffAccountSchema,
  recoveryCodes: z.array(z.string()),
});

/** Body of POST /api/staff/login: a TOTP code, or one unused recovery code. */
export const StaffLoginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().max(256),
  code: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
});

/** Response of POST /api/staff/login; the session itself is the `mm_staff` cookie. */
export const StaffLoginResponseSchema = z.object({
  account: StaffAccountSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});

/** Response of GET /api/staff/me. */
export const StaffMeSchema = z.object({ account: StaffAccountSchema, expiresAt: z.string() });

export const StaffSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});

/** Response of GET /api/staff/sessions: the caller's own live sessions. */
export const StaffSessionsSchema = z.object({ sessions: z.array(StaffSessionSchema) });

/** Params of POST /api/staff/sessions/:id/revoke. */
export const StaffSessionParamsSchema = z.object({ id: sessionId });

/** Params of POST /api/staff/accounts/:id/disable. */
export const StaffAccountParamsSchema = z.object({ id: z.uuid() });

export const StaffAccountSummarySchema = StaffAccountSchema.extend({
  enrolled: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Response of GET /api/staff/accounts (admin). */
export const StaffAccountListSchema = z.object({ accounts: z.array(StaffAccountSummarySchema) });

/** Body of POST /api/staff/accounts (admin). */
export const StaffAccountCreateRequestSchema = z.object({
  email,
  role: StaffRoleSchema,
  displayName,
  /** A consultant without one joins the default team; lawyers have no team. */
  teamId: TeamIdSchema.optional(),
});

/** Response of POST /api/staff/accounts: the one-time setup link to hand to the person. */
export const StaffAccountCreatedSchema = z.object({
  account: StaffAccountSchema,
  setupUrl: z.string(),
  expiresAt: z.string(),
});

/** Response of POST /api/staff/accounts/:id/disable. */
export const StaffAccountDisabledSchema = z.object({ account: StaffAccountSummarySchema });

const instant = z
  .string()
  .trim()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'date-invalid' });

export const AUDIT_ACTOR_TYPES = ['staff', 'victim', 'system'] as const;

/** Query of GET /api/staff/audit and /api/staff/audit.csv (admin). `to` is exclusive; a bare date means the whole day. */
export const AuditQuerySchema = z.object({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ipHash: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

/** Response of GET /api/staff/audit: newest first. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});
