import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

// `vite dev` talks to a gateway on :8080 (started by `./tracker up`) for the API, the SSE stream
// and the runtime configuration, so the browser sees one origin as it does in production.
const gateway = process.env.TRACKER_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [tailwindcss(), sveltekit()],
  server: {
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/config.json': { target: gateway, changeOrigin: true }
    }
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});
