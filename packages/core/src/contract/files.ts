import { z } from 'zod';
import { importIssueSchema } from './analysis.js';
import { count } from './count.js';

/** One input file as `flowgraph serve` and the page's open files report it (the Files panel's row). */
export const inputFileReportSchema = z.object({
  path: z.string(),
  /** The importer that read it (`archy-yaml`, `architect-export`, …); `unknown` when none could. */
  format: z.string(),
  /** The flows of the graph this file defines (ids of the graph served). */
  flows: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  /** The newest version's problems. */
  issues: z.array(importIssueSchema),
  errors: count,
  warnings: count,
  /** When the newest version was read. */
  readAt: z.string(),
  /** The newest version has errors: the graph shows the last version without, read at `since`, its flows marked stale. */
  stale: z.object({ since: z.string() }).optional(),
});
export type InputFileReport = z.infer<typeof inputFileReportSchema>;

/** Files laid over an org ("what if I deploy these files"): what they replaced and added. */
export const overlayMarksSchema = z.object({
  /** What the files were laid over ("Demo org"). */
  base: z.string(),
  /** Org flows a file's flow replaced (same type and name), changed or not. */
  replaced: z.array(z.string()),
  /** Replaced flows whose dependencies or steps differ from the org's. */
  changed: z.array(z.string()),
  /** Flows the org did not have. */
  added: z.array(z.string()),
  cyclesIntroduced: count,
});
export type OverlayMarks = z.infer<typeof overlayMarksSchema>;

/** `GET /api/files` (files mode), and the same question about files opened in the page. */
export const filesResponseSchema = z.object({
  /** The inputs as given (`flows/`, or the picked folders' names). */
  inputs: z.array(z.string()),
  files: z.array(inputFileReportSchema),
  /** Picked files that are not inputs (READMEs, scripts). */
  skipped: count.optional(),
  overlay: overlayMarksSchema.optional(),
});
export type FilesResponse = z.infer<typeof filesResponseSchema>;
