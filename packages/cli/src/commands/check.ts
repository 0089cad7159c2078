import { z } from 'zod';
import { REPORT_FORMAT_HELP, reportFormatShape } from '../ci/report-formats.js';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { toAnalyzeOptions } from '../options/analysis-options.js';
import { parseOptions } from '../options/parse.js';
import { analyseSource, analysisRunConfig, analysisRunShape } from './analysis-run.js';
import { writeCheckReport } from './check-report.js';
import type { Command } from './command.js';
import { ANALYSIS_OPTIONS_HELP, SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph check <files or folders...> [options]
       flowgraph check --live | --demo [options]

Like "analyze", for CI: exits 1 when an input could not be imported (unreadable, not a flow
file, an invalid flow), when no flow was imported at all, on an error-level finding, or on a cycle
that blocks deployment (any cycle with --strict); 0 when clean; 2 when an input path does not
exist or the options are wrong. With --baseline, findings fail only when they are error-level
problems the baseline does not list; the others are reported as "existing".

${SOURCE_HELP}
${ANALYSIS_OPTIONS_HELP}
CI:
  --baseline B              accepted problems: a baseline file ("flowgraph baseline"), a
                            snapshot, flow files or a folder (their problems are the baseline)
  --allow-empty             pass when no flow was imported (an input that failed still fails)
${REPORT_FORMAT_HELP}
  On GitHub Actions (GITHUB_ACTIONS=true) problems are also written as annotations.
`;

const config = { ...analysisRunConfig, baseline: { type: 'string' }, out: { type: 'string' }, 'allow-empty': { type: 'boolean' } } as const;
const schema = z.object({
  ...analysisRunShape,
  format: reportFormatShape,
  baseline: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  'allow-empty': z.boolean().default(false),
});

export const checkCommand: Command = {
  name: 'check',
  summary: 'like analyze, exit 1 on an error finding or a blocking cycle (for CI)',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('check', argv, config, schema);
    const run = await analyseSource('check', positionals, options, io);
    const { failed } = await writeCheckReport(
      run,
      { ...options, allowEmpty: options['allow-empty'], analyze: toAnalyzeOptions(options) },
      io,
    );
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
