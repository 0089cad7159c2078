import { extname, resolve } from 'node:path';
import { assessCrawl, createGenesysClient, DEFAULT_CACHE_DIR } from '@flowgraph/genesys';
import { z } from 'zod';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../errors.js';
import { credentialOptionsConfig, credentialOptionsShape } from '../options/credential-options.js';
import { resolveCredentials } from '../options/resolve-credentials.js';
import { parseOptions } from '../options/parse.js';
import { writeOutFile } from '../outputs/out-file.js';
import { colorsFor } from '../render/colors.js';
import { renderLatencyTable } from '../render/latency-table.js';
import { createProgress } from '../render/progress-bar.js';
import { plural } from '../render/table.js';
import { crawlWithProgress } from '../sources/crawl.js';
import { crawlStatsOf, crawlStore } from '../store/save-crawl.js';
import type { Command } from './command.js';
import { CREDENTIALS_HELP } from './help-text.js';

const usage = `Usage: flowgraph fetch [--region R | --base-url URL] [--client-id ID --client-secret-stdin] [--out FILE] [--full] [--format text|json]

Crawls an org (flows and their dependency tracking) into a Flowgraph snapshot, which every
other command reads like any flow file, and keeps it in the store (FLOWGRAPH_DATA_DIR, default
./.flowgraph/; see "flowgraph history"). A re-crawl is incremental: a flow whose published
version is already stored is not asked for again. Credentials come from the environment
(GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION) unless
the flags below give them. Progress and a request latency table go to stderr.

Options:
  --region R                a Genesys region (eu-west-1) or domain (mypurecloud.ie);
                            overrides GENESYSCLOUD_REGION
  --base-url URL            a loopback API, e.g. "flowgraph simulate"'s URL (not a region)
${CREDENTIALS_HELP}  --out FILE                write the snapshot to FILE (default: stdout, unless --format json).
                            A crawl with a failed listing page or more than 2% failed flows
                            replaces neither FILE nor the store's latest: it goes to FILE's
                            name with .partial before the extension, and fetch exits 2
  --full                    fetch every flow again, reusing nothing from the store
  --format text|json        json: print { requests, flowsListed, flowsFetched, flowsReused,
                            failed, durationMs, snapshot } on stdout (the snapshot goes to
                            --out and the store)
  --keep N                  after saving, keep only the newest N snapshots of this org
  --no-store                neither reuse nor save: the store is not touched
  --no-cache                ignore and do not write ${DEFAULT_CACHE_DIR}/ (responses kept 5 minutes,
                            so an interrupted crawl resumes)
  -h, --help                this help
`;

const config = {
  ...credentialOptionsConfig,
  region: { type: 'string' },
  'base-url': { type: 'string' },
  out: { type: 'string' },
  cache: { type: 'boolean' },
  store: { type: 'boolean' },
  full: { type: 'boolean' },
  format: { type: 'string' },
  keep: { type: 'string' },
} as const;

const schema = z.object({
  ...credentialOptionsShape,
  region: z.string().min(1).optional(),
  'base-url': z.url({ message: 'expected a URL such as http://127.0.0.1:8787' }).optional(),
  out: z.string().min(1).optional(),
  cache: z.boolean().default(true),
  store: z.boolean().default(true),
  full: z.boolean().default(false),
  format: z.enum(['text', 'json']).default('text'),
  keep: z.coerce.number().int().min(1).optional(),
});

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'crawl an org (or a simulator) into a snapshot, kept in the store; incremental',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('fetch', argv, config, schema);
    if (positionals.length > 0) throw new UsageError(`fetch: unexpected argument "${positionals[0]}"`);
    if (options.region && options['base-url']) throw new UsageError('fetch: use --region or --base-url, not both');
    if (options.keep !== undefined && !options.store) throw new UsageError('fetch: --keep needs the store; drop --no-store');
    const credentials = await resolveCredentials(options, io);
    const client = createGenesysClient({
      env: { ...io.env },
      ...credentials,
      ...(options.region ? { region: options.region } : {}),
      ...(options['base-url'] ? { baseUrl: options['base-url'] } : {}),
      cache: options.cache ? { dir: resolve(io.cwd, DEFAULT_CACHE_DIR) } : false,
    });
    const sourceKind = options['base-url'] ? 'demo' : 'live';
    const store = crawlStore(io, client, { store: options.store, full: options.full, sourceKind });
    try {
      const progress = createProgress(io);
      const startedAt = performance.now();
      const snapshot = await crawlWithProgress(client, progress, { signal: io.signal, sourceKind, reuse: store.reuse }).finally(() =>
        progress.stop(),
      );
      const stats = crawlStatsOf(
        snapshot,
        options.full || store.reuse === undefined ? 'full' : 'incremental',
        performance.now() - startedAt,
      );
      // Like the server's refresh: a crawl too partial to trust replaces no snapshot, stored or --out.
      const assessment = assessCrawl(snapshot);
      const record = assessment.complete ? store.save(snapshot, stats, options.keep) : undefined;
      const out = options.out === undefined || assessment.complete ? options.out : partialPathOf(options.out);
      const text = `${JSON.stringify(snapshot, null, 2)}\n`;
      if (out) await writeOutFile(io, out, text);
      else if (options.format === 'text') io.stdout.write(text);
      if (options.format === 'json') {
        const saved = record ? { id: record.id, ref: `@${record.id}`, org: record.org } : null;
        io.stdout.write(`${JSON.stringify({ ...stats, snapshot: saved, ...(out ? { out } : {}) }, null, 2)}\n`);
      }

      const colors = colorsFor({ env: io.env, isTTY: io.stderrIsTTY ?? io.isTTY });
      const failed = snapshot.errors.length > 0 ? colors.yellow(` · ${plural(snapshot.errors.length, 'fetch error')}`) : '';
      const where = [out ? `→ ${out}` : '', record ? `stored as @${record.id}` : ''].filter(Boolean).join(', ');
      const reuse = stats.flowsReused > 0 ? `, ${plural(stats.flowsReused, 'flow')} unchanged since the last crawl` : '';
      io.stderr.write(
        `${colors.bold('Fetched')}  ${plural(snapshot.flows.length, 'flow')} in ${((stats.durationMs ?? 0) / 1000).toFixed(1)} s with ${plural(stats.requests, 'request')}${reuse}${failed}${where ? ` ${where}` : ''}\n`,
      );
      for (const error of snapshot.errors.slice(0, 10)) {
        const flow = error.flowName ?? error.flowId;
        io.stderr.write(`  ${colors.yellow('failed')} ${flow ? `flow "${flow}": ` : ''}${error.request}: ${error.message}\n`);
      }
      if (snapshot.errors.length > 10) io.stderr.write(`  … ${snapshot.errors.length - 10} more in the snapshot's "errors"\n`);
      io.stderr.write(renderLatencyTable(client.metrics(), colors));
      if (!assessment.complete) {
        const kept = options.out ? `; ${options.out} was not replaced, the partial snapshot is in ${out}` : '';
        io.stderr.write(`flowgraph: the crawl is incomplete (not stored): ${assessment.reason}${kept}\n`);
        return EXIT_USAGE;
      }
    } finally {
      store.close();
    }
    return EXIT_OK;
  },
};

/** `org.json` -> `org.partial.json`: still a `.json` file every command reads. */
function partialPathOf(path: string): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}.partial${extension}`;
}
