import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The binding bench page: served by Vite in development mode, so React runs its StrictMode checks.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@flowgraph/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1' },
});
