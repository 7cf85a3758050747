import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { appChunks } from './scripts/app-chunks.ts'
import { contractsForBrowser } from './scripts/contracts-for-browser.ts'
import { precompress } from './scripts/precompress.ts'

const page = (name: string) => fileURLToPath(new URL(`./web/${name}`, import.meta.url))

// The web app lives in web/ and is served by the Fastify server from dist/web, so the API and
// the pages share one origin (session cookie and CSRF token work without CORS).
export default defineConfig({
  root: 'web',
  plugins: [react(), tailwindcss(), contractsForBrowser(), precompress()],
  resolve: {
    // The contracts' schemas are for the server: the browser reads methods, paths and constants
    // only, and gets an inert stand-in for zod (26 kB gzip less in every page's first load).
    alias: [
      {
        find: /^zod$/,
        replacement: fileURLToPath(new URL('./web/src/lib/zod-stand-in.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Which files each page loads first: the bundle budgets read it (scripts/bundle-budgets.ts).
    manifest: true,
    rolldownOptions: {
      // Two first loads: the app (index.html, pages fetched as they are opened) and the login
      // page (login.html, React and the form alone; the server sends it for /login).
      input: { index: page('index.html'), login: page('login.html') },
      output: {
        // One file for what the app's shell and several pages share (scripts/app-chunks.ts). The
        // group takes no module's dependencies along: the login page's files stay its own.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: appChunks(), debugName: 'app-common' }],
        },
      },
    },
    // Only the password-strength dictionary (zxcvbn's word lists, fetched while a new password
    // is typed) is larger; the budgets hold every page's own first load.
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
})
