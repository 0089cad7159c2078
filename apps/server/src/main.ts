/**
 * `pnpm start`: reads the environment (plus a git-ignored `.env` at the repo root or in
 * apps/server) and the credential flags, starts demo or live mode, listens, and prints one
 * line: the URL and the mode.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GenesysConfig, loadConfig } from '@flowgraph/genesys';
import { DEMO_ORG_SEED } from '@flowgraph/simulator';
import { demoOrgKey, openStore, orgKey, resolveDataDir } from '@flowgraph/store';
import { readServerArgs, type ServeFlags } from './args.js';
import { loadServerConfig, type ServerConfig } from './config.js';
import { consoleLog, createRedactor, type Log, redactingLog } from './logger.js';
import { startDemoSource } from './modes/demo.js';
import { createLiveSource } from './modes/live.js';
import { OrgHistory } from './org/crawl-history.js';
import type { CrawlSource } from './org/crawl-source.js';
import { HistoryViews } from './org/history-views.js';
import { isLoopback, openInBrowser, serveFiles } from './serve-files.js';
import { startServer } from './server.js';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Every secret this process knows, for the redactors (a startup error included). */
const secrets: string[] = [];
const repoRoot = join(serverDir, '..', '..');

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
  const log = redactingLog(consoleLog, [secret]);

  const genesys = config.mode === 'live' ? loadConfig(env) : undefined;
  const history = openHistory(config, genesys, log);
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
    webDist: join(serverDir, '..', 'web', 'dist'),
    refreshIntervalMs: config.refreshIntervalMs,
    log,
    secrets: [secret],
    loopbackOnly: isLoopback(config.host),
    ...(history ? { history: new HistoryViews(history) } : {}),
  });
  source.refresh();
  const where = source.info.region ? ` (region ${source.info.region})` : '';
  log(`flowgraph: ${server.url} - ${config.mode} mode${where}`);
  if (args.serve?.open) openInBrowser(server.url, log);

  const stop = () => {
    server
      .close()
      .finally(() => history?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * `npm start -- <inputs…>`: files mode. Relative paths are the user's: `npm start` runs this from
 * apps/server, and npm and pnpm pass the folder they were started in as INIT_CWD.
 */
async function mainServingFiles(inputs: string[], flags: ServeFlags | undefined): Promise<void> {
  const config = loadServerConfig({ ...process.env, ...portAndHost(flags), FLOWGRAPH_MODE: 'demo' });
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const served = await serveFiles({
    inputs,
    cwd,
    substitutions: flags?.substitutions ?? [],
    set: flags?.set ?? {},
    watch: flags?.watch ?? true,
    port: config.port,
    host: config.host,
    webDist: join(serverDir, '..', 'web', 'dist'),
    log: consoleLog,
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

/**
 * The org's history in the store (FLOWGRAPH_DATA_DIR, default .flowgraph/ at the repository
 * root): every crawl is saved there, and a restart serves the last one at once. A store that
 * cannot be opened is logged, and the server runs without history.
 */
function openHistory(config: ServerConfig, genesys: GenesysConfig | undefined, log: Log): OrgHistory | undefined {
  if (config.dataDir === 'off') return undefined;
  const dir = resolveDataDir({ FLOWGRAPH_DATA_DIR: config.dataDir }, repoRoot);
  const org = genesys
    ? orgKey(
        genesys.endpoints.region
          ? { kind: 'live', region: genesys.endpoints.region }
          : { kind: 'live', baseUrl: genesys.endpoints.apiBaseUrl },
        genesys.clientId,
      )
    : demoOrgKey(DEMO_ORG_SEED, config.demoFlows);
  try {
    return new OrgHistory(openStore({ dir }), org, config.historyKeep, log);
  } catch (error) {
    log(
      `flowgraph: running without history: the store in ${dir} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

main().catch((error: unknown) => {
  // Config and startup errors name variables, never their values; print the message only.
  const redact = createRedactor([process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '', ...secrets]);
  process.stderr.write(`flowgraph: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
