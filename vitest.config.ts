import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@flowgraph/source'] },
  ssr: { resolve: { conditions: ['@flowgraph/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
