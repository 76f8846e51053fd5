import { expect, test, type APIRequestContext } from '@playwright/test';
import { keycloakUrl, portalUrl } from './env';

const REALM = 'tracker';
const USER = { username: 'reporter@example.com', password: 'test1234' };

declare global {
  interface Window {
    __marker?: number;
  }
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** An access token for the API, by the direct grant of the dev realm's `tracker-cli` client. */
async function apiToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(
    `${keycloakUrl}/realms/${REALM}/protocol/openid-connect/token`,
    {
      form: {
        client_id: 'tracker-cli',
        grant_type: 'password',
        username: USER.username,
        password: USER.password
      }
    }
  );
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

test('a reporter logs in, sees a new issue arrive live and logs out', async ({ page, request }) => {
  // Anonymous: the portal sends the browser to Keycloak (authorization code + PKCE).
  await page.goto(`${portalUrl}/`);
  await expect(page).toHaveURL(escapeRegExp(`${keycloakUrl}/realms/${REALM}/`));
  await page.locator('#username').fill(USER.username);
  await page.locator('#password').fill(USER.password);
  await page.locator('#kc-login').click();

  // Back on the portal, logged in, with the list loaded and the event stream open.
  await expect(page).toHaveURL(escapeRegExp(`${portalUrl}/`));
  const list = page.getByTestId('issue-list');
  await expect(list).toBeVisible();
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('user-name')).not.toBeEmpty();
  await expect(page.getByTestId('live-status')).toHaveText('live');

  // From here on the page must not load again: a marker on window survives only without reload.
  await page.evaluate(() => (window.__marker = 1));
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // Another client creates an issue through the API...
  const title = `Live from the browser test ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await request.post(`${portalUrl}/api/issues`, {
    headers: { Authorization: `Bearer ${await apiToken(request)}` },
    data: { title, description: 'Created by e2e/browser/portal.spec.ts', severity: 'HIGH' }
  });
  expect(created.status(), await created.text()).toBe(201);

  // ...and it shows up in the open page through the event stream.
  await expect(list.getByTestId('issue-row').filter({ hasText: title })).toBeVisible({
    timeout: 15_000
  });
  expect(await page.evaluate(() => window.__marker)).toBe(1);
  expect(navigations).toEqual([]);

  // Logging out ends the Keycloak session: the portal asks for a login again.
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(escapeRegExp(`${keycloakUrl}/realms/${REALM}/`));
  await expect(page.locator('#kc-login')).toBeVisible();
});
