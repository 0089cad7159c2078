import { type ProblemReport, toGithubAnnotations } from '@flowgraph/core';
import type { CliIo, OutputStream } from '../io.js';
import { writeOutFile } from '../outputs/out-file.js';

/**
 * Where a report goes: `--out FILE` (collected, then written at once) or stdout. `finish` writes
 * the file, then, on GitHub Actions (`GITHUB_ACTIONS=true`), each open problem as a
 * workflow-command annotation: on stdout, where the runner reads them, unless stdout carries a
 * machine-readable report that an annotation line would corrupt; then on stderr.
 */
export function reportSink(io: CliIo, out: string | undefined, machineReadable: boolean) {
  let text = '';
  const stream: OutputStream = out === undefined ? io.stdout : { write: (chunk: string) => (text += chunk) };
  return {
    stream,
    async finish(problems: ProblemReport): Promise<void> {
      if (out !== undefined) await writeOutFile(io, out, text);
      if (io.env.GITHUB_ACTIONS !== 'true') return;
      const annotations = toGithubAnnotations(problems);
      if (annotations === '') return;
      if (out === undefined && machineReadable) io.stderr.write(annotations);
      else io.stdout.write(annotations);
    },
  };
}
