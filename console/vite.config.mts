import { defineConfig } from 'vite';

/**
 * The console's build: `scripts/launch.js` runs it into `dist/console-<digest of the sources>/`,
 * served by Tally at `/console/`. Everything is bundled (no CDN: the console works offline), and no
 * script or style is inlined, so the page runs under a Content-Security-Policy of `'self'` alone.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  logLevel: 'warn',
  build: {
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
