import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Workspace packages resolve to their TypeScript sources, so a clean clone needs no build of core.
  resolve: { conditions: ['@flowgraph/source', ...defaultClientConditions] },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { chunkSizeWarningLimit: 1500 },
});
