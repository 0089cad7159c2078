import { EXIT_OK } from '../errors.js';
import { runAnalysis, writeAnalysis } from './analysis-run.js';
import type { Command } from './command.js';
import { ANALYSIS_OPTIONS_HELP, SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph analyze <files or folders...> [options]
       flowgraph analyze --live | --demo [options]

Imports the flows, then reports cycles, deployment waves and version/publish findings.
Always exits 0 once the report is written; use "check" to fail CI on problems.

${SOURCE_HELP}
${ANALYSIS_OPTIONS_HELP}`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'report cycles, deployment waves and findings',
  usage,
  async run(argv, io) {
    writeAnalysis(await runAnalysis('analyze', argv, io), io);
    return EXIT_OK;
  },
};
