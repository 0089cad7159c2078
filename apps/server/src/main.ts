/**
 * `pnpm start`: reads the environment (plus a git-ignored `.env` at the repo root or in
 * apps/server) and the credential flags, starts demo or live mode (local, or team mode with
 * sign-in), listens, and prints one line: the URL and the mode.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GenesysConfig, loadConfig } from '@flowgraph/genesys';
import { DEMO_ORG_SEED } from '@flowgraph/simulator';
import { demoOrgKey, openStore, orgKey, resolveDataDir, type SnapshotStore, type StoreLocation } from '@flowgraph/store';
import { readServerArgs, type ServeFlags } from './args.js';
import { type AuthSettings, loadAuthSettings } from './auth/auth-settings.js';
import { allowsUnauthenticated, checkExposure } from './auth/exposure.js';
import { loadServerConfig, type ServerConfig } from './config.js';
import { isLoopback } from './http/loopback.js';
import { consoleLog, createRedactor, type Log, redactingLog } from './logger.js';
import { startDemoSource } from './modes/demo.js';
import { createLiveSource } from './modes/live.js';
import { startTeam } from './modes/team.js';
import { OrgHistory } from './org/crawl-history.js';
import type { CrawlSource } from './org/crawl-source.js';
import { HistoryViews } from './org/history-views.js';
import { openInBrowser, serveFiles } from './serve-files.js';
import { type RunningServer, startServer } from './server.js';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Every secret this process knows, for the redactors (a startup error included). */
const secrets: string[] = [];
const repoRoot = join(serverDir, '..', '..');
const webDist = join(serverDir, '..', 'web', 'dist');

async function main(): Promise<void> {
  for (const file of [join(serverDir, '..', '..', '.env'), join(serverDir, '.env')]) {
    // Variables already in the environment win over the file.
    if (existsSync(file)) process.loadEnvFile(file);
  }
  const args = await readServerArgs(process.argv.slice(2), process.stdin, () => {
    if (process.stdin.isTTY) process.stderr.write('Client secret (one line, shown as you type; pipe it in to hide it): ');
  });
  for (const warning of args.warnings) process.stderr.write(`flowgraph: ${warning}\n`);
  if (args.inputs !== undefined) {
    await mainServingFiles(args.inputs, args.serve);
    return;
  }
  // The flags win over the environment and .env.
  const env = { ...process.env, ...args.env, ...portAndHost(args.serve) };
  const secret = env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '';
  secrets.push(secret);
  const config = loadServerConfig(env);
  const auth = loadAuthSettings(env);
  const exposure = checkExposure(config.host, auth, { exposed: "the whole org through this server's credentials", canSignIn: true });
  const log = redactingLog(consoleLog, [secret]);
  if (exposure) log(`flowgraph: WARNING ${exposure}`);

  const server = auth.mode === 'genesys' ? await startTeamServer(config, auth, env, log) : await startLocalServer(config, auth, env, log);
  if (args.serve?.open) openInBrowser(auth.mode === 'genesys' ? (auth.publicUrl?.origin ?? server.url) : server.url, log);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** One org for whoever reaches the server (loopback by default), crawled with the server's own credentials. */
async function startLocalServer(
  config: ServerConfig,
  auth: AuthSettings,
  env: Record<string, string | undefined>,
  log: Log,
): Promise<RunningServer> {
  const genesys = config.mode === 'live' ? loadConfig(env) : undefined;
  const store = openSnapshotStore(config, log);
  const history = store ? new OrgHistory(store, localOrgKey(config, genesys), config.historyKeep, log) : undefined;
  let source: CrawlSource;
  if (genesys) source = createLiveSource(genesys, log, config.maxFailedShare, history);
  else {
    source = await startDemoSource({
      flows: config.demoFlows,
      log,
      maxFailedShare: config.maxFailedShare,
      ...(history ? { history } : {}),
      changesPerRefresh: config.demoChangesPerRefresh,
    });
  }
  const server = await startServer({
    source,
    port: config.port,
    host: config.host,
    webDist,
    refreshIntervalMs: config.refreshIntervalMs,
    log,
    secrets,
    loopbackOnly: isLoopback(config.host),
    ...(auth.trustProxy !== undefined ? { trustProxy: auth.trustProxy } : {}),
    ...(history ? { history: new HistoryViews(history) } : {}),
    onClose: async () => store?.close(),
  });
  source.refresh();
  const where = source.info.region ? ` (region ${source.info.region})` : '';
  log(`flowgraph: ${server.url} - ${config.mode} mode${where}`);
  return server;
}

/** Team mode: everyone signs in with Genesys Cloud and sees what their roles allow. */
async function startTeamServer(
  config: ServerConfig,
  auth: AuthSettings,
  env: Record<string, string | undefined>,
  log: Log,
): Promise<RunningServer> {
  const store = openSnapshotStore(config, log);
  const sessionLocation: StoreLocation = config.dataDir === 'off' || store === undefined ? { memory: true } : { dir: dataDirOf(config) };
  const team = await startTeam({ config, auth, env, log, sessionLocation, ...(store ? { snapshots: store } : {}) });
  secrets.push(...team.secrets);
  const server = await startServer({
    team: team.team,
    port: config.port,
    host: config.host,
    webDist,
    refreshIntervalMs: config.refreshIntervalMs,
    log: redactingLog(log, team.secrets),
    secrets,
    loopbackOnly: isLoopback(config.host),
    extraHosts: [team.publicUrl.host],
    ...(auth.trustProxy !== undefined ? { trustProxy: auth.trustProxy } : {}),
    onClose: async () => {
      await team.close();
      store?.close();
    },
  });
  const where = config.mode === 'demo' ? 'demo org, the simulator signs people in' : 'people sign in with Genesys Cloud';
  log(`flowgraph: ${team.publicUrl.origin} - team mode (${where}; listening on ${server.url})`);
  for (const note of team.notes) log(`flowgraph: ${note}`);
  return server;
}

/**
 * `npm start -- <inputs…>`: files mode. Relative paths are the user's: `npm start` runs this from
 * apps/server, and npm and pnpm pass the folder they were started in as INIT_CWD.
 */
async function mainServingFiles(inputs: string[], flags: ServeFlags | undefined): Promise<void> {
  const env = { ...process.env, ...portAndHost(flags), FLOWGRAPH_MODE: 'demo' };
  const config = loadServerConfig(env);
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const served = await serveFiles({
    inputs,
    cwd,
    substitutions: flags?.substitutions ?? [],
    set: flags?.set ?? {},
    watch: flags?.watch ?? true,
    port: config.port,
    host: config.host,
    webDist,
    log: consoleLog,
    allowUnauthenticated: allowsUnauthenticated(env),
  });
  const { files } = served.source.files();
  consoleLog(`flowgraph: ${served.url} - ${files.length} file(s) from ${inputs.join(', ')}${flags?.watch === false ? '' : ', watched'}`);
  if (flags?.open) openInBrowser(served.url, consoleLog);
  const stop = () =>
    served.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `--port` / `--host` win over PORT / HOST. */
function portAndHost(flags: ServeFlags | undefined): Record<string, string> {
  return {
    ...(flags?.port !== undefined ? { PORT: String(flags.port) } : {}),
    ...(flags?.host !== undefined ? { HOST: flags.host } : {}),
  };
}

function dataDirOf(config: ServerConfig): string {
  return resolveDataDir({ FLOWGRAPH_DATA_DIR: config.dataDir === 'off' ? undefined : config.dataDir }, repoRoot);
}

/**
 * The snapshot store (FLOWGRAPH_DATA_DIR, default .flowgraph/ at the repository root): every
 * crawl is saved there, and a restart serves the last one at once. A store that cannot be
 * opened is logged, and the server runs without history.
 */
function openSnapshotStore(config: ServerConfig, log: Log): SnapshotStore | undefined {
  if (config.dataDir === 'off') return undefined;
  const dir = dataDirOf(config);
  try {
    return openStore({ dir });
  } catch (error) {
    log(
      `flowgraph: running without history: the store in ${dir} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

function localOrgKey(config: ServerConfig, genesys: GenesysConfig | undefined): string {
  if (!genesys) return demoOrgKey(DEMO_ORG_SEED, config.demoFlows);
  return orgKey(
    genesys.endpoints.region ? { kind: 'live', region: genesys.endpoints.region } : { kind: 'live', baseUrl: genesys.endpoints.apiBaseUrl },
    genesys.clientId,
  );
}

main().catch((error: unknown) => {
  // Config and startup errors name variables, never their values; print the message only.
  const redact = createRedactor([process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '', ...secrets]);
  process.stderr.write(`flowgraph: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
