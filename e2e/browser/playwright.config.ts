import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, portalUrl } from './env';

/**
 * Browser tests against a running stack (`./tracker up`, or the throw-away stack of `./tracker test`).
 *
 *   TRACKER_PORTAL_URL    the gateway, which serves the portal   (default http://localhost:8080)
 *   TRACKER_KEYCLOAK_URL  Keycloak, for the API token            (default http://localhost:8180)
 *   CHROMIUM_PATH         the browser; Debian's `chromium` package (default /usr/bin/chromium)
 *
 * No browser is downloaded: Playwright drives the system Chromium.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: portalUrl,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync'
          ]
        }
      }
    }
  ]
});
