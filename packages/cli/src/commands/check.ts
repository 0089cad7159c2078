import { hasBlockingProblems } from '@flowgraph/core';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { runAnalysis, writeAnalysis } from './analysis-run.js';
import type { Command } from './command.js';
import { ANALYSIS_OPTIONS_HELP, SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph check <files or folders...> [options]
       flowgraph check --live | --demo [options]

Like "analyze", for CI: exits 1 when there is an error-level finding or a cycle that blocks
deployment (any cycle with --strict), 0 when clean, 2 when the input cannot be read.

${SOURCE_HELP}
${ANALYSIS_OPTIONS_HELP}`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'like analyze, exit 1 on an error finding or a blocking cycle (for CI)',
  usage,
  async run(argv, io) {
    const run = await runAnalysis('check', argv, io);
    writeAnalysis(run, io);
    // What counts as blocking is core's decision, so the CLI, server and SPA agree.
    return hasBlockingProblems(run.result) ? EXIT_FINDINGS : EXIT_OK;
  },
};
