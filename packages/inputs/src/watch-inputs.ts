import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Debouncer } from './debounce.js';

export interface WatchOptions {
  /** Quiet time after the last change before the batch is handed over. */
  quietMs?: number;
  /** Called with the absolute paths that changed (added, written, deleted or renamed), once per burst. */
  onChange(paths: string[]): void;
  /** A watch that failed (a folder deleted, too many watches): reported, the others keep going. */
  onError?(error: Error): void;
}

export interface InputWatcher {
  close(): void;
}

/**
 * Watches the given input paths (folders recursively, files by their folder) and reports changed
 * paths in debounced batches. Node's `fs.watch` gives the name of what changed; which files those
 * are and whether they are inputs is for the caller to work out (it lists the inputs again).
 */
export async function watchInputs(paths: readonly string[], cwd: string, options: WatchOptions): Promise<InputWatcher> {
  const debouncer = new Debouncer<string>((changed) => options.onChange(changed.sort()), options.quietMs ?? 150);
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    const folder = info?.isDirectory() ? absolute : dirname(absolute);
    const only = info?.isDirectory() ? undefined : absolute;
    const watcher = watch(folder, { recursive: info?.isDirectory() ?? false }, (_event, name) => {
      const changed = name === null ? folder : join(folder, name.toString());
      if (only === undefined || changed === only) debouncer.add(changed);
    });
    watcher.on('error', (error) => options.onError?.(error));
    watchers.push(watcher);
  }
  return {
    close() {
      debouncer.cancel();
      for (const watcher of watchers) watcher.close();
    },
  };
}
