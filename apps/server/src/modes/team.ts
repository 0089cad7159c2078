import { createGenesysClient, type GenesysConfig, type GenesysEndpoints, loadConfig, resolveBaseUrl } from '@flowgraph/genesys';
import { DEMO_ORG_SEED, DEMO_PASSWORD, DEMO_REQUESTS_PER_MINUTE, type DemoOrg, describePeople, startDemoOrg } from '@flowgraph/simulator';
import { demoOrgKey, orgKey, SessionStore, type SnapshotStore, type StoreLocation } from '@flowgraph/store';
import type { TeamApp } from '../app.js';
import { createAuditLog } from '../auth/audit.js';
import type { AuthSettings } from '../auth/auth-settings.js';
import { GenesysLogin } from '../auth/genesys-login.js';
import { Sealer } from '../auth/sealer.js';
import { SessionManager } from '../auth/session-manager.js';
import { TeamAuth } from '../auth/team-auth.js';
import { type ServerConfig, ServerConfigError } from '../config.js';
import { createRedactor, type Log } from '../logger.js';
import { TeamWorkspaces, workspaceKey } from '../team/team-workspaces.js';

/** How often expired sessions are deleted and unused workspaces closed. */
const SWEEP_MS = 60_000;

export interface TeamServer {
  team: TeamApp;
  publicUrl: URL;
  /** Lines for the start message: where to sign in, and (demo) who can. */
  notes: string[];
  /** Secrets for the redactors: the OAuth client secret. */
  secrets: string[];
  close(): Promise<void>;
}

export interface TeamOptions {
  config: ServerConfig;
  auth: AuthSettings;
  env: Record<string, string | undefined>;
  log: Log;
  /** Where sessions live: the data directory, or memory when the server runs without one. */
  sessionLocation: StoreLocation;
  /** Each person's crawls are kept here (absent: no history). */
  snapshots?: SnapshotStore;
  /** The clock of sessions, token refresh, limits and audit lines; tests move it instead of waiting. */
  now?: () => number;
}

/**
 * Team mode (FLOWGRAPH_AUTH=genesys): the server is a confidential OAuth client of the org's
 * Genesys Cloud (Code Authorization grant), or of the demo simulator when no org is configured,
 * so the whole flow can be tried without one. Each signed-in person gets their own workspace.
 */
export async function startTeam(options: TeamOptions): Promise<TeamServer> {
  const { config, auth, log } = options;
  const clock = options.now ? { now: options.now } : {};
  if (auth.publicUrl === undefined && config.port === 0) {
    throw new ServerConfigError('Team mode needs FLOWGRAPH_PUBLIC_URL or a fixed PORT: the sign-in redirect URI names the port.');
  }
  const publicUrl = auth.publicUrl ?? new URL(`http://localhost:${config.port}`);
  const redirectUri = new URL('/auth/callback', publicUrl).toString();
  let idp: { endpoints: GenesysEndpoints; genesys: GenesysConfig; base: string; demo?: DemoOrg };
  if (config.mode === 'live') {
    const genesys = loadConfig(options.env);
    const source = genesys.endpoints.region
      ? { kind: 'live' as const, region: genesys.endpoints.region }
      : { kind: 'live' as const, baseUrl: genesys.endpoints.apiBaseUrl };
    idp = { endpoints: genesys.endpoints, genesys, base: orgKey(source, genesys.clientId) };
  } else {
    // The same demo org as local mode, now also the identity provider: its people sign in.
    const demo = await startDemoOrg({ flows: config.demoFlows });
    demo.registerRedirectUri(redirectUri);
    const genesys = loadConfig({}, { baseUrl: demo.url, clientId: demo.codeClient.clientId, clientSecret: demo.codeClient.clientSecret });
    idp = { endpoints: resolveBaseUrl(demo.url), genesys, base: `team-${demoOrgKey(DEMO_ORG_SEED, config.demoFlows)}`, demo };
  }
  const secret = idp.genesys.clientSecret;
  const redact = createRedactor([secret.reveal()]);
  const audit = createAuditLog(log, options.now);
  const store = new SessionStore({
    location: options.sessionLocation,
    policy: { idleMs: auth.session.idleMs, absoluteMs: auth.session.absoluteMs, rotationGraceMs: 60_000 },
    ...clock,
  });
  let workspaces: TeamWorkspaces | undefined;
  const sessions = new SessionManager({
    store,
    sealer: new Sealer(secret.reveal()),
    login: new GenesysLogin({ endpoints: idp.endpoints, clientId: idp.genesys.clientId, clientSecret: secret, redirectUri, ...clock }),
    audit,
    rotateMs: auth.session.rotateMs,
    workspaceOf: (identity) => workspaceKey(idp.base, identity),
    orgLabel: idp.base,
    onSessionEnded: (payload) => workspaces?.sessionEnded(payload),
    ...clock,
  });
  workspaces = new TeamWorkspaces({
    sessions,
    clientFor: (tokens, label) =>
      createGenesysClient({
        config: idp.genesys,
        person: { tokens, label },
        cache: false,
        ...(idp.demo ? { rateLimit: { requestsPerMinute: DEMO_REQUESTS_PER_MINUTE } } : {}),
      }),
    sourceKind: config.mode,
    info: config.mode === 'live' && idp.endpoints.region ? { kind: 'live', region: idp.endpoints.region } : { kind: config.mode },
    ...(options.snapshots ? { store: options.snapshots } : {}),
    historyKeep: config.historyKeep,
    maxFailedShare: config.maxFailedShare,
    refreshIntervalMs: config.refreshIntervalMs,
    log,
    audit,
    redact,
    ...clock,
  });
  const teamAuth = new TeamAuth({
    sessions,
    publicUrl,
    requestsPerMinute: auth.session.requestsPerMinute,
    onSignIn: (session) => workspaces?.signedIn(session),
    ...clock,
  });
  const sweep = setInterval(() => {
    sessions.sweep();
    workspaces?.sweep();
  }, SWEEP_MS);
  sweep.unref();

  const notes = [`sign-in redirect URI (register it on the OAuth client): ${redirectUri}`];
  if (idp.demo) {
    notes.push(`demo sign-in at the simulator, password ${DEMO_PASSWORD}: ${describePeople(idp.demo.people).join('; ')}`);
  }
  const team: TeamApp = { auth: teamAuth, workspaceFor: (session) => (workspaces as TeamWorkspaces).forSession(session) };
  return {
    team,
    publicUrl,
    notes,
    secrets: [secret.reveal()],
    async close() {
      clearInterval(sweep);
      await workspaces?.close();
      store.close();
      await idp.demo?.close();
    },
  };
}
