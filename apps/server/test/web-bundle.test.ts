import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../web/dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The secret a developer has configured, if any: it must not be baked into the build either. */
function configuredSecrets(): string[] {
  const secrets = [process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? ''];
  const envFile = join(import.meta.dirname, '../../../.env');
  if (existsSync(envFile)) {
    const line = /^GENESYSCLOUD_OAUTHCLIENT_SECRET=(.*)$/m.exec(readFileSync(envFile, 'utf8'));
    secrets.push((line?.[1] ?? '').trim().replace(/^["']|["']$/g, ''));
  }
  return secrets.filter((secret) => secret.length >= 4);
}

const built = existsSync(join(dist, 'index.html'));

// The root test command builds the SPA before the unit tests; a bare `vitest run` may not have,
// and skips. Under CI the build always comes first, so a missing bundle there is a failure.
describe.skipIf(!built && !process.env.CI)('[I] the SPA build', () => {
  it('contains neither the secret variable name nor a configured secret', () => {
    expect(built, 'apps/web/dist/index.html is missing: pnpm --filter @flowgraph/web build').toBe(true);
    const files = filesUnder(dist);
    expect(files.length).toBeGreaterThan(0);
    const needles = ['GENESYSCLOUD_OAUTHCLIENT_SECRET', ...configuredSecrets()];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const needle of needles) expect(text.includes(needle), `${file} contains a secret`).toBe(false);
    }
  });
});
