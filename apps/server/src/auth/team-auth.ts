import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { ApiError, ForbiddenError, TooManyRequestsError } from '../errors.js';
import {
  clearLoginCookie,
  clearSessionCookie,
  type CookieSettings,
  LOGIN_COOKIE,
  readCookie,
  sessionCookieName,
  setLoginCookie,
  setSessionCookie,
} from './cookies.js';
import { SignInError } from './genesys-login.js';
import { signedOutPage, signInFailedPage } from './pages.js';
import { safeReturnPath } from './return-path.js';
import { type ActiveSession, LOGIN_TTL_MS, type SessionManager } from './session-manager.js';
import { WindowLimiter } from './window-limiter.js';

/** 401 in the API's error shape: every API route answers it without a live session. */
export class UnauthenticatedError extends ApiError {
  constructor() {
    super(401, 'unauthenticated', 'Sign in first: open /auth/login (your session is missing or has ended).');
  }
}

/** Sign-in attempts per address and minute: /auth/login writes to the store, so it is bounded. */
const LOGINS_PER_MINUTE = 30;

export interface TeamAuthOptions {
  sessions: SessionManager;
  /** The origin people use; logins start there, and writes must come from it. */
  publicUrl: URL;
  requestsPerMinute: number;
  now?: () => number;
  /** A person just signed in (the workspace starts their crawl). */
  onSignIn?(session: ActiveSession): void;
}

/**
 * The HTTP side of team mode: `/auth/login`, `/auth/callback`, `/auth/logout`, and the guards
 * the app puts in front of everything else (sessions for `/api`, sign-in for pages, writes only
 * from the public origin).
 */
export class TeamAuth {
  readonly #options: TeamAuthOptions;
  readonly #cookies: CookieSettings;
  readonly #perSession: WindowLimiter;
  readonly #perAddress: WindowLimiter;
  readonly #now: () => number;

  constructor(options: TeamAuthOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#cookies = { secure: options.publicUrl.protocol === 'https:' };
    this.#perSession = new WindowLimiter(options.requestsPerMinute, options.now);
    this.#perAddress = new WindowLimiter(LOGINS_PER_MINUTE, options.now);
  }

  get cookieName(): string {
    return sessionCookieName(this.#cookies);
  }

  router(): Router {
    const router = express.Router();
    router.use((_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    });

    router.get('/login', (req, res) => {
      // Cookies belong to one host: a login started on another name (localhost vs 127.0.0.1)
      // would lose its cookie on the way back. Start it on the public origin.
      if (requestOrigin(req) !== this.#options.publicUrl.origin) {
        res.redirect(302, new URL(req.originalUrl, this.#options.publicUrl).toString());
        return;
      }
      this.#limitAddress(req);
      const { loginId, location } = this.#options.sessions.beginLogin(safeReturnPath(req.query.returnTo, this.#options.publicUrl.origin));
      setLoginCookie(res, this.#cookies, loginId, LOGIN_TTL_MS);
      res.redirect(302, location);
    });

    router.get('/callback', async (req, res) => {
      this.#limitAddress(req);
      const loginId = readCookie(req, LOGIN_COOKIE);
      clearLoginCookie(res, this.#cookies);
      const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
      try {
        const { session, returnTo } = await this.#options.sessions.completeLogin(
          loginId,
          { code: text('code'), state: text('state'), error: text('error') },
          req.ip,
        );
        // A fresh id at every sign-in: a session cookie planted before the login is worth nothing after it.
        const previous = this.#session(req);
        if (previous !== undefined) await this.#options.sessions.logout(previous, req.ip);
        setSessionCookie(res, this.#cookies, session.id, session.stored.expiresAt - this.#now());
        this.#options.onSignIn?.(session);
        res.redirect(303, returnTo);
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        res
          .status(error.reason === 'unreachable' ? 502 : 400)
          .type('html')
          .send(signInFailedPage(error.message));
      }
    });

    router.post('/logout', async (req, res) => {
      const session = this.#session(req);
      if (session !== undefined) await this.#options.sessions.logout(session, req.ip);
      clearSessionCookie(res, this.#cookies);
      if ((req.get('accept') ?? '').includes('application/json')) res.status(204).end();
      else res.redirect(303, '/auth/signed-out');
    });

    router.get('/signed-out', (_req, res) => {
      res.type('html').send(signedOutPage());
    });
    return router;
  }

  /** For `/api`: 401 without a live session; otherwise counts the request, rotates the id when due and leaves the session in `res.locals`. */
  requireSession(): RequestHandler {
    return (req, res, next) => {
      const session = this.#session(req);
      if (session === undefined) {
        next(new UnauthenticatedError());
        return;
      }
      const slot = this.#perSession.take(session.payload.key);
      if (!slot.ok) {
        next(
          new TooManyRequestsError(`Too many requests from this session; retry in ${slot.retryAfterSeconds} s.`, slot.retryAfterSeconds),
        );
        return;
      }
      const fresh = this.#options.sessions.use(session);
      if (fresh !== undefined) setSessionCookie(res, this.#cookies, fresh, session.stored.expiresAt - this.#now());
      res.locals.session = session;
      next();
    };
  }

  /** For the SPA's pages: a navigation without a session goes to sign-in and comes back here. */
  pagesNeedSignIn(): RequestHandler {
    return (req, res, next) => {
      const navigation =
        req.method === 'GET' && (req.get('sec-fetch-mode') === 'navigate' || (req.get('accept') ?? '').includes('text/html'));
      if (!navigation || this.#session(req) !== undefined) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(302, `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    };
  }

  /**
   * Writes only from the public origin: a state-changing request must name it in `Origin`, or
   * say `Sec-Fetch-Site: same-origin`; one with neither (or another origin) is refused. The
   * SameSite=Lax cookie already stays off cross-site POSTs; this refuses them outright.
   * A form POST from our own page carries `Origin: null` (our `Referrer-Policy: no-referrer`
   * hides it), so `null` counts as absent and `Sec-Fetch-Site` decides.
   */
  sameOriginWrites(): RequestHandler {
    return (req, _res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
        next();
        return;
      }
      const origin = req.get('origin');
      const named = origin !== undefined && origin !== 'null';
      const ok = named ? origin === this.#options.publicUrl.origin : req.get('sec-fetch-site') === 'same-origin';
      next(ok ? undefined : new ForbiddenError('Cross-origin requests are refused; use Flowgraph from its own page.'));
    };
  }

  /** Whether the session a request was signed in with still lives (checked again for long-lived streams). */
  stillSignedIn(res: Response): boolean {
    const session = sessionOf(res);
    return session !== undefined && this.#options.sessions.isLive(session.payload.key);
  }

  #session(req: Request): ActiveSession | undefined {
    const id = readCookie(req, this.cookieName);
    return id === undefined ? undefined : this.#options.sessions.session(id);
  }

  #limitAddress(req: Request): void {
    const slot = this.#perAddress.take(req.ip ?? 'unknown');
    if (!slot.ok)
      throw new TooManyRequestsError(
        `Too many sign-in attempts from this address; retry in ${slot.retryAfterSeconds} s.`,
        slot.retryAfterSeconds,
      );
  }
}

function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/** The signed-in request's session (set by `requireSession`). */
export function sessionOf(res: Response): ActiveSession | undefined {
  return res.locals.session as ActiveSession | undefined;
}
