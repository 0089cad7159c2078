import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { parseOptions } from '../options/parse.js';
import { colorsFor } from '../render/colors.js';
import type { Command } from './command.js';
import { untilAborted } from './until-aborted.js';

const usage = `Usage: flowgraph simulate [--port N] [--flows N] [--seed S] [--faults none|flaky|hostile]
                          [--rate-limit N] [--latency MS] [--redirect-uri URL]

Runs the Genesys Cloud API simulator (OAuth, flows, dependency tracking, rate limits) on
localhost until Ctrl-C, and prints its URL, demo credentials and the people who can sign in.
Crawl it with "flowgraph fetch --base-url <URL>" and the printed credentials; or point a team
server (FLOWGRAPH_AUTH=genesys) at it with the sign-in client and --redirect-uri.

Options:
  --port N                  port to listen on (default 8787; 0 = any free port)
  --flows N                 flows in the generated org (at least 10; default 300, the demo org)
  --seed S                  seed of the generated org (default 42): same seed, same org
  --faults none|flaky|hostile
                            injected failures: flaky = occasional 5xx/429, hostile = many
                            (default none)
  --rate-limit N            requests per minute per token before 429 (default 300, as Genesys)
  --latency MS              added latency per response in milliseconds (default 0)
  --redirect-uri URL        an authorized redirect URI of the sign-in (code grant) client,
                            e.g. http://127.0.0.1:8080/auth/callback
  -h, --help                this help
`;

const config = {
  port: { type: 'string' },
  flows: { type: 'string' },
  seed: { type: 'string' },
  faults: { type: 'string' },
  'rate-limit': { type: 'string' },
  latency: { type: 'string' },
  'redirect-uri': { type: 'string' },
} as const;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  port: integer(0, 65535).default(8787),
  // Defaults are the simulator's own (the demo org), so `simulate` and the app show the same org.
  flows: integer(10, 100_000).optional(),
  seed: integer(0, 2 ** 31 - 1).optional(),
  faults: z.enum(['none', 'flaky', 'hostile']).default('none'),
  'rate-limit': integer(1, 1_000_000).default(300),
  latency: integer(0, 60_000).default(0),
  'redirect-uri': z.url({ protocol: /^https?$/ }).optional(),
});

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run the Genesys Cloud API simulator until Ctrl-C',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('simulate', argv, config, schema);
    if (positionals.length > 0) throw new UsageError(`simulate: unexpected argument "${positionals[0]}"`);
    const { startSimulator, DEMO_CREDENTIALS, DEMO_PASSWORD, describePeople } = await import('@flowgraph/simulator');
    const simulator = await startSimulator({
      port: options.port,
      ...(options.flows !== undefined ? { flows: options.flows } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      faults: options.faults,
      rateLimit: options['rate-limit'],
      latencyMs: options.latency,
    });
    if (options['redirect-uri'] !== undefined) simulator.registerRedirectUri(options['redirect-uri']);
    const colors = colorsFor(io);
    io.stdout.write(
      `${colors.bold('Genesys Cloud simulator')} listening on ${colors.cyan(simulator.url)}\n` +
        `  flows ${options.flows ?? 'default (demo org)'} · faults ${options.faults} · ${options['rate-limit']} requests/min\n\n` +
        `  GENESYSCLOUD_OAUTHCLIENT_ID=${DEMO_CREDENTIALS.clientId}\n` +
        `  GENESYSCLOUD_OAUTHCLIENT_SECRET=${DEMO_CREDENTIALS.clientSecret}\n\n` +
        `  flowgraph fetch --base-url ${simulator.url} --out org.json\n\n` +
        `  Sign-in client (code grant): ${simulator.codeClient.clientId} / ${simulator.codeClient.clientSecret}` +
        `${options['redirect-uri'] ? `, redirect URI ${options['redirect-uri']}` : ' (no redirect URI: add one with --redirect-uri)'}\n` +
        `  People (password ${DEMO_PASSWORD}):\n${describePeople(simulator.people)
          .map((line) => `    ${line}\n`)
          .join('')}\n` +
        `Press Ctrl-C to stop.\n`,
    );
    await untilAborted(io.signal);
    await simulator.close();
    io.stderr.write('flowgraph: simulator stopped\n');
    return EXIT_OK;
  },
};
