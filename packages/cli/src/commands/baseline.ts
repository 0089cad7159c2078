import { createBaseline, serializeBaseline } from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK } from '../errors.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { parseOptions } from '../options/parse.js';
import { writeOutFile } from '../outputs/out-file.js';
import { analyseSource, analysisRunConfig, analysisRunShape } from './analysis-run.js';
import type { Command } from './command.js';
import { ANALYSIS_OPTIONS_HELP, SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph baseline <files or folders...> --out FILE [options]
       flowgraph baseline --live | --demo --out FILE [options]

Writes the problems (error and warning findings) of the inputs as a baseline: a small JSON
file to commit, so that "flowgraph check --baseline FILE" fails only on problems that are not
in it. One problem per line, identified by code, subject and members (never by message), so
a change to the baseline reads as a one-line diff. Analyse with the options check will use
(--strict, policies): they decide which findings exist.

${SOURCE_HELP}
${ANALYSIS_OPTIONS_HELP.replace(/ {2}--format[^\n]*\n/, '')}  --out FILE                where to write it (default: stdout)
`;

const config = { ...analysisRunConfig, out: { type: 'string' } } as const;
const schema = z.object({ ...analysisRunShape, out: z.string().min(1).optional() });

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'write the current problems as a baseline file for check --baseline',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('baseline', argv, config, schema);
    const run = await analyseSource('baseline', positionals, options, io);
    const baseline = createBaseline(run.result, run.loaded.graph);
    const text = serializeBaseline(baseline);
    writeImportErrors(run.result.errors, io.stderr);
    if (options.out === undefined) {
      io.stdout.write(text);
    } else {
      await writeOutFile(io, options.out, text);
      io.stderr.write(`Baseline  ${baseline.problems.length} problem${baseline.problems.length === 1 ? '' : 's'} → ${options.out}\n`);
    }
    return EXIT_OK;
  },
};
