import { CSRF_HEADER, STAFF_ROLES, STAFF_SESSION_COOKIE, type StaffRole } from '@mimamoru/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import {
  clearSessionCookie as clearCookie,
  setSessionCookie as setCookie,
  type CookieSettings,
  type SessionCookie,
} from '../../http/session-cookie.js';
import { createForbiddenError } from './staff.errors.js';
import type { StaffService, StaffSession } from './staff.service.js';

/** Who may call a route: anyone (`public`), or a signed-in staff member with one of the roles. */
export type Access = 'public' | readonly StaffRole[];
export type RoutePolicy = Readonly<Record<`${'GET' | 'POST'} /api/${string}`, Access>>;

export const ANY_STAFF: readonly StaffRole[] = STAFF_ROLES;
const ADMIN: readonly StaffRole[] = ['admin'];

/** The staff API, route by route: the one place that says who may call what. */
export const STAFF_POLICY = {
  'POST /api/staff/setup': 'public',
  'POST /api/staff/setup/totp': 'public',
  'POST /api/staff/login': 'public',
  'POST /api/staff/logout': ANY_STAFF,
  'GET /api/staff/me': ANY_STAFF,
  'GET /api/staff/sessions': ANY_STAFF,
  'POST /api/staff/sessions/:id/revoke': ANY_STAFF,
  'GET /api/staff/accounts': ADMIN,
  'POST /api/staff/accounts': ADMIN,
  'POST /api/staff/accounts/:id/disable': ADMIN,
} as const satisfies RoutePolicy;

/**
 * Scoped to /api rather than /api/staff: the evidence capture and bundle routes live at the paths the
 * evidence issue names (/api/cases/:id/evidence/…), and the console calls them with this session.
 */
const COOKIE: SessionCookie = { name: STAFF_SESSION_COOKIE, path: '/api' };

export function setStaffCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  settings: CookieSettings,
) {
  setCookie(reply, COOKIE, token, expiresAt, settings);
}

export function clearStaffCookie(reply: FastifyReply, settings: CookieSettings) {
  clearCookie(reply, COOKIE, settings);
}

/**
 * The caller's live session (401 without one), with the CSRF token from login in X-CSRF-Token for
 * every write (403), and a role the route allows (403). Slides the cookie's expiry.
 */
export async function authorizeStaff(
  request: FastifyRequest,
  reply: FastifyReply,
  {
    service,
    cookie,
    allowed,
  }: { service: StaffService; cookie: CookieSettings; allowed: readonly StaffRole[] },
): Promise<StaffSession> {
  const token = request.cookies[STAFF_SESSION_COOKIE];
  const header = request.headers[CSRF_HEADER];
  const session = await service.resolveSession({
    token,
    csrfToken: typeof header === 'string' ? header : undefined,
    requireCsrf: request.method !== 'GET' && request.method !== 'HEAD',
  });
  if (token) setStaffCookie(reply, token, session.expiresAt, cookie);
  if (!allowed.includes(session.account.role)) throw createForbiddenError();
  return session;
}

type Handler<A> = (
  request: FastifyRequest,
  reply: FastifyReply,
  session: A extends 'public' ? null : StaffSession,
) => Promise<unknown>;

/**
 * Registers a route of a policy table; its access rule comes from the table, never from the handler,
 * so the table and the authorization test cover every route.
 */
export function policyRoute<P extends RoutePolicy, K extends keyof P & string>(
  scope: FastifyInstance,
  { policy, service, cookie }: { policy: P; service: StaffService; cookie: CookieSettings },
  key: K,
  handler: Handler<P[K]>,
  /** e.g. a larger `bodyLimit` for a route that takes pasted text. */
  options: { readonly bodyLimit?: number } = {},
): void {
  const [method, url] = key.split(' ') as [HTTPMethods, string];
  const access = policy[key] as Access;
  scope.route({
    method,
    url,
    ...options,
    handler: async (request, reply) => {
      const session =
        access === 'public'
          ? null
          : await authorizeStaff(request, reply, { service, cookie, allowed: access });
      return handler(request, reply, session as P[K] extends 'public' ? null : StaffSession);
    },
  });
}
