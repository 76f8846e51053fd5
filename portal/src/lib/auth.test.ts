import { describe, expect, it } from 'vitest';
import { loadConfig, userFromClaims } from './auth';

describe('userFromClaims', () => {
  it('reads name, email and the top-level roles claim, strongest role first', () => {
    expect(
      userFromClaims({
        sub: 'u1',
        name: 'Mia Maintainer',
        email: 'maintainer@example.com',
        roles: ['REPORTER', 'MAINTAINER', 'offline_access']
      })
    ).toEqual({
      id: 'u1',
      name: 'Mia Maintainer',
      email: 'maintainer@example.com',
      roles: ['MAINTAINER', 'REPORTER'],
      role: 'MAINTAINER'
    });
  });

  it('falls back to realm_access roles and to the username', () => {
    const user = userFromClaims({
      preferred_username: 'reporter@example.com',
      realm_access: { roles: ['REPORTER'] }
    });
    expect(user.name).toBe('reporter@example.com');
    expect(user.role).toBe('REPORTER');
  });

  it('copes with missing claims', () => {
    expect(userFromClaims({})).toEqual({
      id: '',
      name: 'Unknown user',
      email: '',
      roles: [],
      role: null
    });
  });
});

describe('loadConfig', () => {
  it('returns the runtime configuration', async () => {
    const config = {
      keycloakUrl: 'http://localhost:8180',
      realm: 'tracker',
      clientId: 'tracker-portal'
    };
    const fetchStub = (async () => Response.json(config)) as typeof fetch;
    expect(await loadConfig(fetchStub)).toEqual(config);
  });

  it('fails clearly when the configuration is missing or incomplete', async () => {
    await expect(
      loadConfig((async () => new Response('', { status: 404 })) as typeof fetch)
    ).rejects.toThrow('Could not load /config.json (404)');
    await expect(
      loadConfig((async () => Response.json({ realm: 'tracker' })) as typeof fetch)
    ).rejects.toThrow('lacks');
  });
});
