import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true
  },
  kit: {
    // A single-page app: every path the gateway does not know is answered with 200.html.
    adapter: adapter({ fallback: '200.html', strict: true }),
    // SvelteKit starts the app with one inline <script>. In 'hash' mode it puts that script's
    // SHA-256 into a <meta http-equiv="content-security-policy"> at the top of 200.html, so no
    // 'unsafe-inline' is needed. The gateway's own Content-Security-Policy header must therefore
    // leave script-src (and default-src) to this meta policy; see README.md.
    csp: {
      mode: 'hash',
      directives: {
        'script-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self']
      }
    }
  }
};

export default config;
