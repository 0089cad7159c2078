import type { CookieOptions, Request, Response } from 'express';

/** Names and flags of the two cookies sign-in uses; `secure` when the public URL is https. */
export interface CookieSettings {
  secure: boolean;
}

/**
 * With https the session cookie takes the `__Host-` prefix: browsers then insist on Secure,
 * Path=/ and no Domain, so no other host (a sibling subdomain) can set or shadow it.
 */
export function sessionCookieName({ secure }: CookieSettings): string {
  return secure ? '__Host-flowgraph_session' : 'flowgraph_session';
}

/** The login cookie ties a callback to the browser that started the login (its path is /auth only). */
export const LOGIN_COOKIE = 'flowgraph_login';

function flags({ secure }: CookieSettings, path: string, maxAgeMs: number | undefined): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path, ...(maxAgeMs !== undefined ? { maxAge: Math.max(0, maxAgeMs) } : {}) };
}

/** Opaque, HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure on https; lasts until the absolute expiry. */
export function setSessionCookie(res: Response, settings: CookieSettings, id: string, maxAgeMs: number): void {
  res.cookie(sessionCookieName(settings), id, flags(settings, '/', maxAgeMs));
}

export function clearSessionCookie(res: Response, settings: CookieSettings): void {
  res.clearCookie(sessionCookieName(settings), flags(settings, '/', undefined));
}

export function setLoginCookie(res: Response, settings: CookieSettings, loginId: string, maxAgeMs: number): void {
  res.cookie(LOGIN_COOKIE, loginId, flags(settings, '/auth', maxAgeMs));
}

export function clearLoginCookie(res: Response, settings: CookieSettings): void {
  res.clearCookie(LOGIN_COOKIE, flags(settings, '/auth', undefined));
}

/** One cookie's value from the request's Cookie header (RFC 6265 §5.4 syntax; values here are base64url). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}
