import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering rules are biome.json's `noRestrictedImports` overrides, so `pnpm lint` (part of
 * `npm test`) enforces them on the real sources. This test proves each rule still fires: it lints
 * a tree of one-import files, laid out like the repository, with the repository's biome.json.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const biome = join(repoRoot, 'node_modules', '.bin', 'biome');

/** [file, import specifier, the rule's message when it must be refused, or null when allowed]. */
const cases: [string, string, RegExp | null][] = [
  ['packages/core/src/analysis/a.ts', 'node:fs', /runs in the browser/],
  ['packages/core/src/model/a.ts', 'path', /runs in the browser/],
  ['packages/core/src/pipeline/a.ts', 'ky', /framework-free/],
  ['packages/core/src/layout/a.ts', 'react', /framework-free/],
  ['packages/core/src/analysis/b.ts', '@flowgraph/genesys', /bottom layer/],
  ['packages/core/src/importers/archy-yaml/a.ts', '../snapshot/schema.js', /importers do not import each other/],
  ['packages/core/src/importers/snapshot/a.ts', '../archy-yaml/importer.js', /importers do not import each other/],
  ['packages/core/src/importers/architect-flow/a.ts', '../tutorial/importer.js', /importers do not import each other/],
  ['packages/core/src/importers/tutorial/b.ts', 'node:fs', /runs in the browser/],
  ['packages/core/src/exporters/a.ts', '../analysis/cycles.js', /exporters are pure functions/],
  ['packages/core/src/exporters/b.ts', 'node:fs', /runs in the browser/],
  ['apps/server/src/a.ts', '@flowgraph/core/src/analysis/cycles.js', /through its entry/],
  ['apps/web/src/a.ts', '../../../packages/core/src/index.js', /through its entry/],
  // What the layers may do.
  ['packages/core/src/importers/archy-yaml/ok.ts', '../field-path.js', null],
  ['packages/core/src/importers/snapshot/ok.ts', '../architect-flow/configuration.js', null],
  ['packages/core/src/importers/archy-yaml/ok2.ts', '../templates/protect.js', null],
  ['packages/core/src/exporters/ok.ts', '../contract/analysis.js', null],
  ['packages/core/src/exporters/ok2.ts', '../util/compare.js', null],
  ['packages/core/src/analysis/ok.ts', 'zod', null],
  ['apps/server/src/ok.ts', '@flowgraph/core', null],
  ['apps/server/src/ok2.ts', 'node:fs', null],
];

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

const tree = mkdtempSync(join(tmpdir(), 'flowgraph-layering-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function lintTree(): Diagnostic[] {
  const config = JSON.parse(readFileSync(join(repoRoot, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  config.files = { includes: ['**'] };
  writeFileSync(join(tree, 'biome.json'), JSON.stringify(config));
  for (const [file, specifier] of cases) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    writeFileSync(join(tree, file), `import { a } from '${specifier}';\nexport const b = a;\n`);
  }
  let output: string;
  try {
    output = execFileSync(biome, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], { cwd: tree, encoding: 'utf8' });
  } catch (error) {
    // Exit 1 when there are errors; the report is on stdout either way.
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as { diagnostics: Diagnostic[] };
  return report.diagnostics.filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports');
}

describe('[U] layering rules (biome.json noRestrictedImports)', () => {
  it('refuses each import across a layer, with the reason, and allows the imports the layers rely on', () => {
    const diagnostics = lintTree();
    for (const [file, specifier, reason] of cases) {
      const found = diagnostics.filter((diagnostic) => diagnostic.location.path === file);
      if (reason === null) expect(found, `${file} may import ${specifier}`).toEqual([]);
      else expect(found.map((diagnostic) => diagnostic.message).join('\n'), `${file} must not import ${specifier}`).toMatch(reason);
    }
  });
});
