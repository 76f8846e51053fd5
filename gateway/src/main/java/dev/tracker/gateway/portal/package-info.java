/**
 * Serving the portal: the static SvelteKit build with its single-page fallback, its
 * runtime configuration, and the headers that keep it safe and cached right.
 */
package dev.tracker.gateway.portal;
