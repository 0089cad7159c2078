import {
  type AnalyzeOptions,
  type BaselineComparison,
  checkMarkdown,
  checkProblems,
  compareWithBaseline,
  hasBlockingProblems,
  hasNewBlockingProblems,
  toJunit,
  toSarif,
} from '@flowgraph/core';
import { loadBaseline } from '../baseline/load-baseline.js';
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
  substitutions?: string | undefined;
  analyze: AnalyzeOptions;
}

/**
 * The gate: compares with the baseline when given, writes the report in its format, and says
 * whether CI fails. Without a baseline that is core's `hasBlockingProblems` (the CLI, server and
 * SPA agree); with one, an error-level problem the baseline does not list.
 */
export async function writeCheckReport(run: AnalysisRun, options: CheckReportOptions, io: CliIo): Promise<{ failed: boolean }> {
  let comparison: BaselineComparison | undefined;
  if (options.baseline !== undefined) {
    const progress = createProgress(io);
    try {
      const baseline = await loadBaseline(options.baseline, { settings: options, analyze: options.analyze }, io, progress);
      comparison = compareWithBaseline(run.result.findings, baseline);
    } finally {
      progress.stop();
    }
  }
  const failed = comparison === undefined ? hasBlockingProblems(run.result) : hasNewBlockingProblems(comparison);
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
  return { failed };
}
