import type { FastifyReply } from 'fastify';

export interface CookieSettings {
  /** Secure attribute always (production); otherwise it follows the request (https directly or via a trusted proxy). */
  readonly secure: boolean;
}

/** A session cookie's name and the API prefix it is scoped to. */
export interface SessionCookie {
  readonly name: string;
  readonly path: string;
}

function attributes(reply: FastifyReply, cookie: SessionCookie, settings: CookieSettings) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: settings.secure || reply.request.protocol === 'https',
    path: cookie.path,
  };
}

/** Sets (or slides) a session cookie: HttpOnly, SameSite=Strict, scoped to its API, expiring with the session. */
export function setSessionCookie(
  reply: FastifyReply,
  cookie: SessionCookie,
  token: string,
  expiresAt: string,
  settings: CookieSettings,
): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  reply.setCookie(cookie.name, token, { ...attributes(reply, cookie, settings), maxAge });
}

export function clearSessionCookie(
  reply: FastifyReply,
  cookie: SessionCookie,
  settings: CookieSettings,
): void {
  reply.clearCookie(cookie.name, attributes(reply, cookie, settings));
}
