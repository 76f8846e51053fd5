// A client-only single-page app: the gateway serves build/200.html for every page path.
export const ssr = false;
export const prerender = false;
