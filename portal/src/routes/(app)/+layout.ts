import { error } from '@sveltejs/kit';
import { startSession } from '$lib/auth';
import type { LayoutLoad } from './$types';

// Everything in (app) needs a logged-in user: this sends anonymous visitors to Keycloak.
export const load: LayoutLoad = async () => {
  try {
    return { session: await startSession() };
  } catch (e) {
    console.error('Login failed', e);
    const reason = e instanceof Error ? e.message : String(e);
    error(503, `Could not log in: ${reason}`);
  }
};
