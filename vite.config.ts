import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web app lives in web/ and is served by the Fastify server from dist/web, so the API and
// the pages share one origin (session cookie and CSRF token work without CORS).
export default defineConfig({
  root: 'web',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // zod comes along with the shared contracts the client is typed by; one chunk of ~520 kB
    // (160 kB gzipped) is fine for a staff application used on office networks.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
})
