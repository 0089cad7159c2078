import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { FileReadError, type FileReader } from '@flowgraph/core';
import { describeFsError } from './errors.js';

/** One megabyte at a time: a tutorial flow of 250 steps is about 30 KB, so few cross a chunk's end. */
const CHUNK_BYTES = 1 << 20;

/**
 * A file on disk read when an importer asks (core's `inputFileFromReader`), synchronously as
 * importers run: whole, or from its start one chunk at a time into one buffer filled again and
 * again. An error reading it (the file removed meanwhile) is a FileReadError, which the import
 * reports on that file.
 */
export function diskFileReader(location: string): FileReader {
  return {
    readAll: () => reading(() => readFileSync(location)),
    *chunks() {
      const descriptor = reading(() => openSync(location, 'r'));
      try {
        const buffer = new Uint8Array(CHUNK_BYTES);
        const next = () => reading(() => readSync(descriptor, buffer));
        for (let read = next(); read > 0; read = next()) {
          yield buffer.subarray(0, read);
        }
      } finally {
        closeSync(descriptor);
      }
    },
  };
}

function reading<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new FileReadError(describeFsError(error), { cause: error });
  }
}
