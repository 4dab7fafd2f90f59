import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Pages the API itself answers: in development Vite hands them to the API running on port 3000. */
const API_ROUTES = ['/api', '/winners', '/verify', '/methodology', '/checkout'];
const target = process.env.PALMARES_API_URL ?? 'http://localhost:3000';

/**
 * The catalogues are compiled to ICU syntax trees at build time, so the browser needs no message parser
 * (react-intl's runtime without it is about 10 KB gzip lighter); a malformed message fails the build.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'palmares:precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/i18n\/[a-z]{2}\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      return { code: JSON.stringify(Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text)]))), map: null };
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [precompiledMessages(), react()],
  resolve: { alias: { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true },
  server: { proxy: Object.fromEntries(API_ROUTES.map((path) => [path, { target, changeOrigin: false }])) },
});
