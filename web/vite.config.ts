import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // Pin the root to this folder so `vite build web` from the repo root and `npm run build -w web`
  // resolve index.html and dist/ the same way.
  root: import.meta.dirname,
  plugins: [react()],
  // The browser-safe schemas (zod) of the server and the preset catalog, from source: web forms
  // validate with the very schemas the server parses, and the server's CommonJS build stays out.
  resolve: {
    alias: {
      '@rolecall/server/api': here('../server/src/api.ts'),
      '@rolecall/presets/catalog': here('../presets/src/catalog.ts'),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
