import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// An app folder without its page yet is left out rather than failing every other app's build.
const apps = ['kiosk', 'counter-display', 'central-display', 'rating-terminal', 'manager', 'ticket', 'lookup', 'city'].filter((a) =>
  existsSync(resolve(root, a, 'index.html')),
);

// One build for every app: each folder's index.html is a page served under /<folder>/,
// sharing one assets folder, so one address and port serves the whole centre.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  resolve: {
    alias: {
      '@protocol': resolve(root, 'protocol'),
      '@client': resolve(root, 'client'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: Object.fromEntries([['index', resolve(root, 'index.html')], ...apps.map((a) => [a, resolve(root, a, 'index.html')])]),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
});
