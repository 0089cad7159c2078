import { ServerConfigError } from '../config.js';
import { isLoopback } from '../http/loopback.js';
import { type AuthSettings, loadAuthSettings } from './auth-settings.js';

/**
 * Who can reach the server decides what it may do without sign-in. On loopback only this
 * machine's user can, as before. Anywhere else, anyone on the network would see the whole org
 * through the server's credentials: refused unless sign-in is on, or the operator says a proxy
 * in front already authenticates people (FLOWGRAPH_ALLOW_UNAUTHENTICATED=1, warned).
 * `exposed` says what they would see; `canSignIn` whether sign-in is an option (not for local
 * files). Returns a warning to print, if any.
 */
export function checkExposure(
  host: string,
  auth: AuthSettings,
  { exposed, canSignIn }: { exposed: string; canSignIn: boolean },
): string | undefined {
  const loopback = isLoopback(host);
  if (auth.mode === 'genesys') {
    if (!loopback && auth.publicUrl === undefined) {
      throw new ServerConfigError(
        `FLOWGRAPH_PUBLIC_URL is required to sign people in on ${host}: it is the address people open (e.g. https://flowgraph.example.com), ` +
          'and <FLOWGRAPH_PUBLIC_URL>/auth/callback must be a redirect URI of the OAuth client.',
      );
    }
    return undefined;
  }
  return checkUnauthenticated(host, auth.allowUnauthenticated, { exposed, canSignIn });
}

/** Without sign-in: loopback is fine; anywhere else only when the operator allows it (then a warning). */
export function checkUnauthenticated(
  host: string,
  allowUnauthenticated: boolean,
  { exposed, canSignIn }: { exposed: string; canSignIn: boolean },
): string | undefined {
  if (isLoopback(host)) return undefined;
  if (!allowUnauthenticated) {
    throw new ServerConfigError(
      `Refusing to listen on ${host} without sign-in: anyone who can reach it would see ${exposed}. ` +
        (canSignIn
          ? 'Set FLOWGRAPH_AUTH=genesys so each person signs in with Genesys Cloud (README: "Run it for a team"), listen'
          : 'Listen') +
        ' on 127.0.0.1, or set FLOWGRAPH_ALLOW_UNAUTHENTICATED=1 if a proxy in front of Flowgraph already authenticates everyone.',
    );
  }
  return `listening on ${host} WITHOUT sign-in (FLOWGRAPH_ALLOW_UNAUTHENTICATED=1): everyone who reaches this address sees ${exposed}.`;
}

/** FLOWGRAPH_ALLOW_UNAUTHENTICATED from an environment (for `flowgraph serve`). */
export function allowsUnauthenticated(env: Record<string, string | undefined>): boolean {
  return loadAuthSettings(env).allowUnauthenticated;
}
