/** Where the stack under test runs; see playwright.config.ts. */
const trim = (url: string) => url.replace(/\/+$/, '');

export const portalUrl = trim(process.env.TRACKER_PORTAL_URL ?? 'http://localhost:8080');
export const keycloakUrl = trim(process.env.TRACKER_KEYCLOAK_URL ?? 'http://localhost:8180');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
