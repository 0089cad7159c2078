import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The CLI as one ESM file, built from the workspace sources, so the benchmark measures
 * Flowgraph and not tsx transpiling TypeScript on start-up.
 */
export async function bundleCli(outfile: string): Promise<void> {
  await build({
    entryPoints: [`${repoRoot}packages/cli/src/bin.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@flowgraph/source'],
    logLevel: 'error',
    // Express (pulled in by the simulator) is CommonJS and calls require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}
