/**
 * The installable CLI: `packages/cli/src/bin.ts` and everything it imports (the workspace
 * packages from their sources, zod, yaml, ky, express, …) bundled by esbuild into one executable
 * ESM file, `dist/flowgraph.js`, and the chunks it imports per command (`dist/flowgraph-chunk-*.js`); `npm install -g` of the packed tarball adds only the HCL parser
 * and SQLite (better-sqlite3, the snapshot store's native driver).
 * The simulator's corpus templates (read at run time beside the module) are copied next to it,
 * and the built web app (`dist/web`) for `flowgraph serve`.
 *
 * `node --import tsx packages/cli/scripts/bundle.ts [outfile]`; bench/ bundles the same way.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const templates = join(cliDir, '..', 'simulator', 'src', 'org', 'corpus-templates.json');
const webDist = join(cliDir, '..', '..', 'apps', 'web', 'dist');

/** The package's `files` list names them by this prefix. */
const CHUNK_PREFIX = 'flowgraph-chunk-';

/**
 * zod re-exports its ~40 message locales as `z.locales`: 264 KB, a third of what every command
 * parses before it starts. Flowgraph uses none of them (zod imports its English messages itself),
 * so the namespace is bundled with English only.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'en-only.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';`,
      resolveDir: dirname(args.path),
    }));
  },
};

export const DEFAULT_BUNDLE = join(cliDir, 'dist', 'flowgraph.js');

/** esbuild's options for the CLI bundle at `outfile`; test/bundle.test.ts reads its module graph with them. */
export function cliBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: { [basename(outfile, '.js')]: join(cliDir, 'src', 'bin.ts') },
    outdir: dirname(outfile),
    // Commands are imported when they run (src/cli.ts): each lands in its own chunk, so
    // `analyze` does not parse the server, the Genesys client or the simulator. Chunks sit beside
    // the entry: modules find files beside themselves (the simulator's templates, the web app).
    splitting: true,
    chunkNames: `${CHUNK_PREFIX}[hash]`,
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
    plugins: [zodEnglishOnly],
    minify: true,
    legalComments: 'linked',
    logLevel: 'error',
    // Express (pulled in by the simulator) is CommonJS and calls require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}

export async function bundleCli(outfile = DEFAULT_BUNDLE): Promise<void> {
  const outdir = dirname(outfile);
  // A previous build's chunks have other hashes: without this they would pile up (and be packed).
  for (const name of existsSync(outdir) ? readdirSync(outdir) : []) if (name.startsWith(CHUNK_PREFIX)) rmSync(join(outdir, name));
  await build(cliBuildOptions(outfile));
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
