import {
  type AnalyzeOptions,
  type BaselineComparison,
  checkMarkdown,
  checkProblems,
  checkFailures,
  compareWithBaseline,
  hasNewBlockingProblems,
  toJunit,
  toSarif,
} from '@flowgraph/core';
import type { ReportFormat } from '../ci/report-formats.js';
import { reportSink } from '../ci/write-report.js';
import type { CliIo } from '../io.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { createProgress } from '../render/progress-bar.js';
import { TOOL } from '../tool.js';
import { type AnalysisRun, writeAnalysis } from './analysis-run.js';

export interface CheckReportOptions {
  format: ReportFormat;
  baseline?: string | undefined;
  out?: string | undefined;
  set: string[];
  substitutions: string[];
  analyze: AnalyzeOptions;
  /** Pass when nothing was imported. */
  allowEmpty: boolean;
}

/**
 * The gate: compares with the baseline when given, writes the report in its format, and says
 * whether CI fails, with the reasons on stderr. An input that failed to import, or nothing
 * imported, always fails (core's `checkFailures`, so the CLI, server and SPA agree); findings fail
 * without a baseline when core says they block, with one when the baseline does not list them.
 */
export async function writeCheckReport(run: AnalysisRun, options: CheckReportOptions, io: CliIo): Promise<{ failed: boolean }> {
  let comparison: BaselineComparison | undefined;
  if (options.baseline !== undefined) {
    const progress = createProgress(io);
    try {
      // Imported only for --baseline: a stored snapshot (`@3`) needs SQLite, a plain check does not.
      const { loadBaseline } = await import('../baseline/load-baseline.js');
      const baseline = await loadBaseline(options.baseline, { settings: options, analyze: options.analyze }, io, progress);
      comparison = compareWithBaseline(run.result.findings, baseline);
    } finally {
      progress.stop();
    }
  }
  const importedFlows = Object.values(run.loaded.summary.flowsByType).reduce((sum, count) => sum + count, 0);
  const reasons = checkFailures(run.result, { importedFlows, allowEmpty: options.allowEmpty, findings: comparison === undefined });
  if (comparison !== undefined && hasNewBlockingProblems(comparison)) reasons.push('error-level problems the baseline does not list');
  const failed = reasons.length > 0;
  const problems = checkProblems({ result: run.result, graph: run.loaded.graph, ...(comparison ? { baseline: comparison } : {}), failed });

  const sink = reportSink(io, options.out, options.format !== 'text');
  if (options.format === 'text' || options.format === 'json') {
    writeAnalysis(
      { ...run, format: options.format },
      { ...io, stdout: sink.stream, isTTY: options.out === undefined && io.isTTY },
      comparison,
    );
  } else {
    sink.stream.write(
      options.format === 'sarif' ? toSarif(problems, TOOL) : options.format === 'junit' ? toJunit(problems) : checkMarkdown(problems),
    );
    writeImportErrors(run.result.errors, io.stderr);
  }
  await sink.finish(problems);
  if (failed) io.stderr.write(`flowgraph check: failed: ${reasons.join('; ')}\n`);
  return { failed };
}
