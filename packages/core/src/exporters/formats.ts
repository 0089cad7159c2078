/**
 * The one list of export formats, as data: the CLI's help and `--format`, the server's `format`
 * parameter and download headers, and the SPA's export menu all read it. Kept apart from the
 * exporter functions (registry.ts), so the SPA's menu does not bundle the exporters.
 */
export const EXPORT_FILE_TYPES = {
  dot: { label: 'DOT', extension: 'dot', contentType: 'text/vnd.graphviz' },
  mermaid: { label: 'Mermaid', extension: 'mmd', contentType: 'text/plain' },
  json: { label: 'JSON', extension: 'json', contentType: 'application/json' },
} as const satisfies Record<string, ExportFileType>;

export interface ExportFileType {
  /** What a menu calls it. */
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  /** HTTP Content-Type of a download. */
  contentType: string;
}

export type ExportFormat = keyof typeof EXPORT_FILE_TYPES;

export const EXPORT_FORMATS = Object.keys(EXPORT_FILE_TYPES) as [ExportFormat, ...ExportFormat[]];

/** File stem of a whole-graph export (`flowgraph.dot`). */
export const WHOLE_GRAPH_FILE_STEM = 'flowgraph';
