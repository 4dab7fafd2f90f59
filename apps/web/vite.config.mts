import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Pages the API itself answers: in development Vite hands them to the API running on port 3000. */
const API_ROUTES = ['/api', '/winners', '/verify', '/methodology', '/checkout'];
const target = process.env.PALMARES_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: Object.fromEntries(API_ROUTES.map((path) => [path, { target, changeOrigin: false }])) },
});
