import { openExistingStore, type SnapshotRecord } from '@flowgraph/store';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { parseOptions } from '../options/parse.js';
import { colorsFor } from '../render/colors.js';
import { ageOf } from '../render/age.js';
import { plural, renderTable } from '../render/table.js';
import { dataDirOf } from '../store/data-dir.js';
import type { Command } from './command.js';

const usage = `Usage: flowgraph history [--org KEY] [--limit N] [--format text|json]
       flowgraph history prune --keep N [--org KEY]

Lists the snapshots in the store (FLOWGRAPH_DATA_DIR, default ./.flowgraph/), newest first:
every "flowgraph fetch", every --live crawl and every crawl of the server. Refer to one as
@<id>, @latest or @previous in "flowgraph diff" and "check --baseline".

Options:
  --org KEY                 only this org's snapshots (the "org" column)
  --limit N                 at most N snapshots (default 50)
  --format text|json        json: the records, newest first
  --keep N                  prune: keep the newest N snapshots of each org (and the flow
                            versions they use), delete the rest
  -h, --help                this help
`;

const config = { org: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, keep: { type: 'string' } } as const;
const schema = z.object({
  org: z.string().min(1).optional(),
  limit: z.coerce.number().int().positive().default(50),
  format: z.enum(['text', 'json']).default('text'),
  keep: z.coerce.number().int().min(0).optional(),
});

export const historyCommand: Command = {
  name: 'history',
  summary: 'list stored snapshots (or prune them) for diff and baselines',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('history', argv, config, schema);
    const [action, extra] = positionals;
    if (extra !== undefined || (action !== undefined && action !== 'prune')) {
      throw new UsageError(`history: unexpected argument "${extra ?? action}"; the only action is "prune"`);
    }
    const dir = dataDirOf(io);
    if (action === 'prune') {
      if (options.keep === undefined) throw new UsageError('history prune: --keep N is required');
      const store = openExistingStore({ dir });
      if (store === undefined) {
        io.stderr.write(`No store in ${dir}: nothing to prune.\n`);
        return EXIT_OK;
      }
      try {
        const removed = store.prune({ keep: options.keep, ...(options.org ? { org: options.org } : {}) });
        io.stdout.write(
          `Pruned ${plural(removed.snapshots, 'snapshot')} and ${plural(removed.flowVersions, 'stored flow version')}; kept the newest ${options.keep} of each org.\n`,
        );
      } finally {
        store.close();
      }
      return EXIT_OK;
    }
    if (options.keep !== undefined) throw new UsageError('history: --keep goes with "history prune"');
    const store = openExistingStore({ dir });
    const records = store === undefined ? [] : store.list({ ...(options.org ? { org: options.org } : {}), limit: options.limit });
    store?.close();
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify({ store: dir, snapshots: records }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (records.length === 0) {
      io.stdout.write(`No snapshots in ${dir} yet: "flowgraph fetch" or the server's crawls add them.\n`);
      return EXIT_OK;
    }
    io.stdout.write(renderHistory(records, dir, colorsFor(io), Date.now()));
    return EXIT_OK;
  },
};

function renderHistory(records: readonly SnapshotRecord[], dir: string, colors: ReturnType<typeof colorsFor>, now: number): string {
  const header = ['id', 'org', 'fetched', 'flows', 'failed', 'requests', 'reused', 'size'].map((text) => ({ text, paint: colors.dim }));
  const rows = records.map((record) => [
    { text: `@${record.id}`, paint: colors.bold },
    record.org,
    `${record.fetchedAt.slice(0, 16).replace('T', ' ')} (${ageOf(record.fetchedAt, now)})`,
    { text: String(record.stats.flows), align: 'right' as const },
    { text: String(record.stats.failed), align: 'right' as const, ...(record.stats.failed > 0 ? { paint: colors.yellow } : {}) },
    { text: record.crawl ? String(record.crawl.requests) : '', align: 'right' as const },
    { text: record.crawl ? String(record.crawl.flowsReused) : '', align: 'right' as const },
    { text: `${(record.storedBytes / 1024).toFixed(0)} KiB`, align: 'right' as const },
  ]);
  return `${colors.bold('Snapshots')}  ${plural(records.length, 'snapshot')} in ${dir}\n${renderTable([header, ...rows], '  ').join('\n')}\n`;
}
