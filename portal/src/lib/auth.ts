/**
 * Login through Keycloak: authorization code flow with PKCE (S256) via keycloak-js.
 *
 * Tokens live only in the Keycloak instance's memory — never in localStorage or sessionStorage.
 * (keycloak-js keeps the OAuth `state`, nonce and PKCE verifier in localStorage for the length of
 * the login redirect and deletes them when it processes the callback; no token is stored.)
 */
import Keycloak from 'keycloak-js';

/** `/config.json`, served by the gateway (docs/conventions.md "HTTP"). */
export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export const ROLES = ['ADMIN', 'MAINTAINER', 'REPORTER'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  /** The most powerful of `roles`, for display. */
  role: Role | null;
}

export interface Session {
  user: User;
  /** A valid access token, refreshed first when it expires within 30 s (or always with `force`). */
  token(force?: boolean): Promise<string>;
  /** Aborts when the user logs out, so streams and requests can stop first. */
  signal: AbortSignal;
  logout(): Promise<void>;
}

let current: Promise<Session> | undefined;

/** Starts (once per page load) the login; resolves when the user is logged in. */
export function startSession(doFetch: typeof fetch = fetch): Promise<Session> {
  current ??= login(doFetch).catch((e: unknown) => {
    current = undefined;
    throw e;
  });
  return current;
}

export async function loadConfig(doFetch: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await doFetch('/config.json', {
    cache: 'no-store',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) throw new Error(`Could not load /config.json (${response.status})`);
  const config = (await response.json()) as Partial<RuntimeConfig>;
  if (!config.keycloakUrl || !config.realm || !config.clientId) {
    throw new Error('/config.json lacks keycloakUrl, realm or clientId');
  }
  return config as RuntimeConfig;
}

async function login(doFetch: typeof fetch): Promise<Session> {
  const config = await loadConfig(doFetch);
  const redirectUri = `${window.location.origin}/`;
  const keycloak = new Keycloak({
    url: config.keycloakUrl,
    realm: config.realm,
    clientId: config.clientId
  });

  // With 'login-required' an anonymous visitor is sent to Keycloak here and this never resolves.
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    redirectUri
  });
  if (!keycloak.authenticated || !keycloak.token) throw new Error('Login failed');

  const loggedOut = new AbortController();
  return {
    user: userFromClaims(keycloak.tokenParsed ?? {}),
    signal: loggedOut.signal,
    async token(force = false) {
      try {
        await keycloak.updateToken(force ? -1 : 30);
      } catch {
        // The refresh token is gone (session ended in Keycloak): log in again.
        await keycloak.login({ redirectUri });
      }
      if (!keycloak.token) throw new Error('Not logged in');
      return keycloak.token;
    },
    async logout() {
      loggedOut.abort();
      await keycloak.logout({ redirectUri });
    }
  };
}

/** The user as the access token describes it (`roles` is a top-level claim in this realm). */
export function userFromClaims(claims: Record<string, unknown>): User {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const raw = Array.isArray(claims.roles) ? claims.roles : (realmAccess?.roles ?? []);
  const granted = new Set(Array.isArray(raw) ? raw : []);
  const roles = ROLES.filter((role) => granted.has(role));
  return {
    id: str(claims.sub),
    name: str(claims.name) || str(claims.preferred_username) || str(claims.email) || 'Unknown user',
    email: str(claims.email),
    roles,
    role: roles[0] ?? null
  };
}
