/**
 * The installable CLI: `packages/cli/src/bin.ts` and everything it imports (the workspace
 * packages from their sources, zod, yaml, ky, express, …) bundled by esbuild into one executable
 * ESM file, `dist/flowgraph.js`; `npm install -g` of the packed tarball adds only the HCL parser
 * and SQLite (better-sqlite3, the snapshot store's native driver).
 * The simulator's corpus templates (read at run time beside the module) are copied next to it,
 * and the built web app (`dist/web`) for `flowgraph serve`.
 *
 * `node --import tsx packages/cli/scripts/bundle.ts [outfile]`; bench/ bundles the same way.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const templates = join(cliDir, '..', 'simulator', 'src', 'org', 'corpus-templates.json');
const webDist = join(cliDir, '..', '..', 'apps', 'web', 'dist');

export const DEFAULT_BUNDLE = join(cliDir, 'dist', 'flowgraph.js');

export async function bundleCli(outfile = DEFAULT_BUNDLE): Promise<void> {
  await build({
    entryPoints: [join(cliDir, 'src', 'bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Workspace packages from their sources: no library build needed first.
    conditions: ['@flowgraph/source'],
    // HashiCorp's HCL parser loads its WebAssembly from its own folder: it stays a dependency the
    // tarball names (npm installs it), imported only when --substitutions reads Terraform.
    // better-sqlite3 (the snapshot store) loads a native addon from its own folder: the same.
    external: ['@cdktf/hcl2json', 'better-sqlite3'],
    minify: true,
    legalComments: 'linked',
    logLevel: 'error',
    // Express (pulled in by the simulator) is CommonJS and calls require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  copyFileSync(templates, join(dirname(outfile), 'corpus-templates.json'));
}

/**
 * `flowgraph serve` serves the web app from beside the bundle (`dist/web`). The package build
 * copies it (after `pnpm build` built it first: the CLI lists the web app as a dev dependency);
 * built here when missing, as when only the CLI is built. The benches' bundles go without it.
 */
function copyWebApp(outfile: string): void {
  if (!existsSync(join(webDist, 'index.html')))
    execFileSync('pnpm', ['--filter', '@flowgraph/web', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(join(dirname(outfile), 'web'), { recursive: true, force: true });
  cpSync(webDist, join(dirname(outfile), 'web'), { recursive: true });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outfile = process.argv[2] ?? DEFAULT_BUNDLE;
  await bundleCli(outfile);
  copyWebApp(outfile);
}
