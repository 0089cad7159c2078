import { EXPORT_FILE_TYPES, type ExportFormat, WHOLE_GRAPH_FILE_STEM } from '@flowgraph/core';
import type { MouseEvent } from 'react';
import { downloadBlob } from '../graph/download.js';
import { localFiles } from './local-files.js';

/**
 * An export link while files opened in the page are shown: the server does not have them, so the
 * worker's exporter writes the file and the page saves it. Otherwise the link goes to the server.
 */
export function exportOpenedFiles(event: MouseEvent, format: ExportFormat): void {
  if (!localFiles.active) return;
  event.preventDefault();
  const { extension, contentType } = EXPORT_FILE_TYPES[format];
  void localFiles.ask('export', new URLSearchParams({ format })).then((answer) => {
    if (answer.status !== 200 || typeof answer.body !== 'string') return;
    downloadBlob(new Blob([answer.body], { type: contentType }), `${WHOLE_GRAPH_FILE_STEM}.${extension}`);
  });
}
