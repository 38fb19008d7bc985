import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The professionals' web client: static files in web/dist, served by `npm start` at `/` beside
 * the API and deployed to the city's bucket. `#shared` reaches the domain's pure rules (the
 * BSN's 11-proef, postcodes, who may see and do what), so the client checks what the API
 * checks, from one source. The entry is `src/app/main.tsx` (web/README.md).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '#shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
