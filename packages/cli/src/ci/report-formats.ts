import { z } from 'zod';

/** What `check` and `diff` can write: text for people, JSON, and the CI formats. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportFormatShape = z.enum(REPORT_FORMATS).default('text');

export const REPORT_FORMAT_HELP = `  --format F                text (default), json, sarif (SARIF 2.1.0, for code scanning),
                            junit (JUnit XML test report), markdown (a pull-request comment)
  --out FILE                write the report to FILE instead of stdout`;
