import { CSRF_HEADER } from '@mimamoru/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VictimService, VictimSession } from './victim.service.js';

export const SESSION_COOKIE = 'mm_victim';
const COOKIE_PATH = '/api/victim';

export interface CookieSettings {
  /** Secure attribute always (production); otherwise it follows the request (https directly or via a trusted proxy). */
  readonly secure: boolean;
}

/** Sets (or slides) the session cookie: HttpOnly, SameSite=Strict, scoped to the victim API. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  settings: CookieSettings,
) {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure || reply.request.protocol === 'https',
    path: COOKIE_PATH,
    maxAge,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure || reply.request.protocol === 'https',
    path: COOKIE_PATH,
  });
}

/**
 * Who may do what on the victim API: a live session cookie for reads; for writes also the CSRF
 * token from login in the X-CSRF-Token header. Slides the cookie's expiry.
 */
export async function authorizeVictim(
  request: FastifyRequest,
  reply: FastifyReply,
  { service, cookie, write }: { service: VictimService; cookie: CookieSettings; write: boolean },
): Promise<VictimSession> {
  const token = request.cookies[SESSION_COOKIE];
  const header = request.headers[CSRF_HEADER];
  const session = await service.resolveSession({
    token,
    csrfToken: typeof header === 'string' ? header : undefined,
    requireCsrf: write,
  });
  if (token) setSessionCookie(reply, token, session.expiresAt, cookie);
  return session;
}
