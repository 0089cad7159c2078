import { resolve } from 'node:path';
import { createGenesysClient, DEFAULT_CACHE_DIR } from '@flowgraph/genesys';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { credentialOptionsConfig, credentialOptionsShape, resolveCredentials } from '../options/credential-options.js';
import { parseOptions } from '../options/parse.js';
import { writeOutFile } from '../outputs/out-file.js';
import { colorsFor } from '../render/colors.js';
import { renderLatencyTable } from '../render/latency-table.js';
import { createProgress } from '../render/progress-bar.js';
import { plural } from '../render/table.js';
import { crawlWithProgress } from '../sources/crawl.js';
import type { Command } from './command.js';
import { CREDENTIALS_HELP } from './help-text.js';

const usage = `Usage: flowgraph fetch [--region R | --base-url URL] [--client-id ID --client-secret-stdin] [--out FILE] [--no-cache]

Crawls an org (flows and their dependency tracking) into a Flowgraph snapshot, which every
other command reads like any flow file. Credentials come from the environment
(GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION) unless
the flags below give them. Progress and a request latency table go to stderr.

Options:
  --region R                a Genesys region (eu-west-1) or domain (mypurecloud.ie);
                            overrides GENESYSCLOUD_REGION
  --base-url URL            a loopback API, e.g. "flowgraph simulate"'s URL (not a region)
${CREDENTIALS_HELP}  --out FILE                write the snapshot to FILE (default: stdout)
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
} as const;

const schema = z.object({
  ...credentialOptionsShape,
  region: z.string().min(1).optional(),
  'base-url': z.url({ message: 'expected a URL such as http://127.0.0.1:8787' }).optional(),
  out: z.string().min(1).optional(),
  cache: z.boolean().default(true),
});

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'crawl an org (or a simulator) into a snapshot file',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('fetch', argv, config, schema);
    if (positionals.length > 0) throw new UsageError(`fetch: unexpected argument "${positionals[0]}"`);
    if (options.region && options['base-url']) throw new UsageError('fetch: use --region or --base-url, not both');
    const credentials = await resolveCredentials(options, io);
    const client = createGenesysClient({
      env: { ...io.env },
      ...credentials,
      ...(options.region ? { region: options.region } : {}),
      ...(options['base-url'] ? { baseUrl: options['base-url'] } : {}),
      cache: options.cache ? { dir: resolve(io.cwd, DEFAULT_CACHE_DIR) } : false,
    });
    const progress = createProgress(io);
    const startedAt = Date.now();
    const snapshot = await crawlWithProgress(client, progress, {
      signal: io.signal,
      sourceKind: options['base-url'] ? 'demo' : 'live',
    }).finally(() => progress.stop());
    const seconds = (Date.now() - startedAt) / 1000;
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (options.out) {
      await writeOutFile(io, options.out, text);
    } else {
      io.stdout.write(text);
    }
    const colors = colorsFor({ env: io.env, isTTY: io.stderrIsTTY ?? io.isTTY });
    const failed = snapshot.errors.length > 0 ? colors.yellow(` · ${plural(snapshot.errors.length, 'fetch error')}`) : '';
    const where = options.out ? ` → ${options.out}` : '';
    io.stderr.write(`${colors.bold('Fetched')}  ${plural(snapshot.flows.length, 'flow')} in ${seconds.toFixed(1)} s${failed}${where}\n`);
    for (const error of snapshot.errors.slice(0, 10)) {
      const flow = error.flowName ?? error.flowId;
      io.stderr.write(`  ${colors.yellow('failed')} ${flow ? `flow "${flow}": ` : ''}${error.request}: ${error.message}\n`);
    }
    if (snapshot.errors.length > 10) io.stderr.write(`  … ${snapshot.errors.length - 10} more in the snapshot's "errors"\n`);
    io.stderr.write(renderLatencyTable(client.metrics(), colors));
    return EXIT_OK;
  },
};
