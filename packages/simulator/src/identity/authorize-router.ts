import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { CodeClient } from '../http/oauth.js';
import type { AuthorizationCodes } from './authorization-codes.js';
import type { SimulatedPerson } from './people.js';
import { type AuthorizeRequest, errorPage, signInPage } from './sign-in-page.js';

const single = z.string().optional();

/** The authorize query (genesys-api.md §10); `org`, `provider`, `login_hint`, `prompt` are accepted and mostly ignored. */
const AuthorizeQuery = z.looseObject({
  client_id: single,
  redirect_uri: single,
  response_type: single,
  state: single,
  code_challenge: single,
  code_challenge_method: single,
  login_hint: single,
});

const SignInForm = AuthorizeQuery.extend({ username: single, password: single });

/** RFC 7636 §4.2: BASE64URL of a SHA-256 is 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

type Checked =
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; page: { status: number; title: string; message: string } }
  | { ok: false; redirect: string };

export interface AuthorizeRouterOptions {
  codeClient: CodeClient;
  people: readonly SimulatedPerson[];
  codes: AuthorizationCodes;
  passwordHint: string | undefined;
}

/**
 * `GET /oauth/authorize` shows the sign-in page; `POST /oauth/authorize` checks the person and
 * redirects to `redirect_uri?code=…&state=…`. An unknown client or an unregistered redirect URI
 * is answered here, never redirected (RFC 6749 §4.1.2.1): the URI cannot be trusted.
 */
export function authorizeRouter({ codeClient, people, codes, passwordHint }: AuthorizeRouterOptions): Router {
  const router = express.Router();
  const noStore = (res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.setHeader('X-Frame-Options', 'DENY');
    res.type('html');
  };

  router.get('/oauth/authorize', (req: Request, res: Response) => {
    noStore(res);
    const query = AuthorizeQuery.safeParse(req.query);
    const checked = check(query.success ? query.data : {}, codeClient);
    if (!checked.ok) return answer(res, checked);
    const hint = query.success ? query.data.login_hint : undefined;
    res.send(signInPage({ request: checked.request, people, passwordHint, ...(hint ? { username: hint } : {}) }));
  });

  router.post('/oauth/authorize', express.urlencoded({ extended: false, limit: '8kb' }), (req: Request, res: Response) => {
    noStore(res);
    const form = SignInForm.safeParse(req.body ?? {});
    const data = form.success ? form.data : {};
    const checked = check(data, codeClient);
    if (!checked.ok) return answer(res, checked);
    const username = (data.username ?? '').trim().toLowerCase();
    const person = people.find((candidate) => candidate.username === username);
    if (!person || person.password !== data.password) {
      res
        .status(401)
        .send(signInPage({ request: checked.request, people, passwordHint, username, error: 'Unknown username or wrong password.' }));
      return;
    }
    const { request } = checked;
    const code = codes.issue({
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      person,
      ...(request.code_challenge !== undefined ? { codeChallenge: request.code_challenge } : {}),
    });
    res.redirect(302, withParams(request.redirect_uri, { code, ...(request.state !== undefined ? { state: request.state } : {}) }));
  });
  return router;
}

function check(query: z.infer<typeof AuthorizeQuery>, codeClient: CodeClient): Checked {
  if (query.client_id === undefined || query.client_id !== codeClient.clientId) {
    return {
      ok: false,
      page: { status: 400, title: 'Unknown client', message: 'client_id is missing or names no OAuth client of this org.' },
    };
  }
  if (query.redirect_uri === undefined || !codeClient.redirectUris.has(query.redirect_uri)) {
    return {
      ok: false,
      page: {
        status: 400,
        title: 'Redirect URI not authorized',
        message: "redirect_uri is missing or is not one of the client's authorized redirect URIs.",
      },
    };
  }
  const back = (error: string, description: string) => ({
    ok: false as const,
    redirect: withParams(query.redirect_uri as string, {
      error,
      error_description: description,
      ...(query.state !== undefined ? { state: query.state } : {}),
    }),
  });
  if (query.response_type !== 'code') return back('unsupported_response_type', 'response_type must be code');
  if (query.code_challenge !== undefined || query.code_challenge_method !== undefined) {
    if (query.code_challenge_method !== 'S256') return back('invalid_request', 'code_challenge_method must be S256');
    if (query.code_challenge === undefined || !CHALLENGE.test(query.code_challenge))
      return back('invalid_request', 'code_challenge must be a base64url SHA-256');
  }
  return {
    ok: true,
    request: {
      client_id: query.client_id,
      redirect_uri: query.redirect_uri,
      response_type: query.response_type,
      state: query.state,
      code_challenge: query.code_challenge,
      code_challenge_method: query.code_challenge_method,
    },
  };
}

function answer(res: Response, checked: Exclude<Checked, { ok: true }>): void {
  if ('redirect' in checked) {
    res.redirect(302, checked.redirect);
    return;
  }
  res.status(checked.page.status).send(errorPage(checked.page.title, checked.page.message));
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
