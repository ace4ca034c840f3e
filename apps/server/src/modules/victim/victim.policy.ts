import { CSRF_HEADER } from '@mimamoru/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  clearSessionCookie as clearCookie,
  setSessionCookie as setCookie,
  type CookieSettings,
  type SessionCookie,
} from '../../http/session-cookie.js';
import type { VictimService, VictimSession } from './victim.service.js';

export const SESSION_COOKIE = 'mm_victim';
const COOKIE: SessionCookie = { name: SESSION_COOKIE, path: '/api/victim' };

export type { CookieSettings };

/** Sets (or slides) the session cookie: HttpOnly, SameSite=Strict, scoped to the victim API. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  settings: CookieSettings,
) {
  setCookie(reply, COOKIE, token, expiresAt, settings);
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings) {
  clearCookie(reply, COOKIE, settings);
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
