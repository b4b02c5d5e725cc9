import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app (web/) built into web/dist, which the API server serves at /.
 * `npm run dev:web` (= `vite`) serves it with hot reload and proxies /api to a running
 * `npm start` on port 3000.
 */
const webRoot = path.join(import.meta.dirname, 'web');

export default defineConfig({
  root: webRoot,
  base: '/',
  // Beside the repo's node_modules, not web/node_modules.
  cacheDir: path.join(import.meta.dirname, 'node_modules', '.vite'),
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
