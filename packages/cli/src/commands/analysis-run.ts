import { AnalysisContext, type AnalysisReport, type AnalysisResult, analyze, type BaselineComparison } from '@flowgraph/core';
import { z } from 'zod';
import type { CliIo } from '../io.js';
import { analysisOptionsConfig, analysisOptionsShape, toAnalyzeOptions } from '../options/analysis-options.js';
import { parseOptions } from '../options/parse.js';
import { selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { renderAnalysisText } from '../render/analysis-text.js';
import { renderBaselineText } from '../render/baseline-text.js';
import { colorsFor } from '../render/colors.js';
import { renderImportSummary } from '../render/import-summary-text.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { nameLookup } from '../render/names.js';
import { writeJson } from '../render/json-output.js';
import { createProgress } from '../render/progress-bar.js';
import { UsageError } from '../errors.js';
import { type LoadedGraph, loadSource } from '../sources/load-source.js';

/** The options every analysing command takes; a command may add its own to these. */
export const analysisRunConfig = { ...sourceOptionsConfig, ...analysisOptionsConfig };
export const analysisRunShape = { ...sourceOptionsShape, ...analysisOptionsShape };
const schema = z.object(analysisRunShape);
type AnalysisRunOptions = z.infer<typeof schema>;

export interface AnalysisRun {
  loaded: LoadedGraph;
  result: AnalysisResult;
  format: 'text' | 'json';
}

/** The shared body of `analyze` and `check`: parse options, load the source, analyse. */
export async function runAnalysis(command: string, argv: string[], io: CliIo): Promise<AnalysisRun> {
  const { options, positionals } = parseOptions(command, argv, analysisRunConfig, schema);
  return analyseSource(command, positionals, options, io);
}

/** Load what the positionals or flags name and analyse it: the body of `runAnalysis` for commands with more options. */
export async function analyseSource(
  command: string,
  positionals: string[],
  options: Omit<AnalysisRunOptions, 'format'> & { format: string },
  io: CliIo,
): Promise<AnalysisRun> {
  const source = selectSource(command, positionals, options);
  if (typeof source === 'string') throw new UsageError(source);
  const progress = createProgress(io);
  try {
    const loaded = await loadSource(source, options, io, progress);
    progress.phase('analysing');
    const issues = [...loaded.settingIssues, ...loaded.issues];
    const result = analyze(new AnalysisContext(loaded.graph), toAnalyzeOptions(options), issues);
    return { loaded, result, format: options.format === 'json' ? 'json' : 'text' };
  } finally {
    progress.stop();
  }
}

/**
 * The report on stdout; in JSON mode the import errors are also summarised on stderr, where CI
 * logs show them. With a baseline comparison (`check --baseline`), JSON gains `baseline` and the
 * text a section of new, existing and fixed problems.
 */
export function writeAnalysis(run: AnalysisRun, io: CliIo, comparison?: BaselineComparison): void {
  const { loaded, result } = run;
  if (run.format === 'json') {
    const report: AnalysisReport = { ...result, imports: loaded.summary };
    writeJson(io.stdout, comparison ? { ...report, baseline: comparison } : report, io.isTTY);
    writeImportErrors(result.errors, io.stderr);
    return;
  }
  const colors = colorsFor(io);
  const nameOf = nameLookup(loaded.graph);
  io.stdout.write(`${renderImportSummary(loaded.summary, result.errors, result.warnings, colors)}\n`);
  io.stdout.write(renderAnalysisText(result, loaded.graph, nameOf, colors));
  if (comparison !== undefined) io.stdout.write(`\n${renderBaselineText(comparison, nameOf, colors)}`);
}
