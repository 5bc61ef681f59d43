/** Signing in to the web app through `app.inject`, keeping the cookie and the CSRF token. */
import type { App } from '../../src/app.js';
import type { Scenario } from '../helpers/scenario.js';

export interface Browser {
  get(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }>;
  post(url: string, form: Record<string, string>, opts?: { csrf?: string | null }): Promise<{ status: number; body: string; headers: Record<string, unknown> }>;
  cookie: string | null;
  csrf: string | null;
}

/** A client that behaves like a browser: follows the session cookie and sends the page's CSRF token with forms. */
export function browserFor(app: App): Browser {
  const state: Browser = {
    cookie: null,
    csrf: null,
    async get(url) {
      const response = await app.inject({ method: 'GET', url, headers: state.cookie ? { cookie: state.cookie } : {} });
      const csrf = /data-csrf="([^"]+)"/.exec(response.body)?.[1];
      if (csrf) state.csrf = csrf;
      return { status: response.statusCode, body: response.body, headers: response.headers };
    },
    async post(url, form, opts = {}) {
      const token = opts.csrf === undefined ? state.csrf : opts.csrf;
      const payload = new URLSearchParams({ ...form, ...(token ? { _csrf: token } : {}) }).toString();
      const response = await app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(state.cookie ? { cookie: state.cookie } : {}) },
      });
      const setCookie = response.headers['set-cookie'];
      const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      if (first) state.cookie = first.split(';')[0]!.endsWith('=') ? null : first.split(';')[0]!;
      return { status: response.statusCode, body: response.body, headers: response.headers };
    },
  };
  return state;
}

export async function signInAs(app: App, email: string, password: string): Promise<Browser> {
  const browser = browserFor(app);
  const response = await browser.post('/app/login', { email, password, next: '/app' }, { csrf: null });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status} ${response.body.slice(0, 300)}`);
  await browser.get('/app');
  return browser;
}

/** Nora Nurse, the scenario's coordinator, given a login and signed in to the web app. */
export async function signInNora(s: Scenario): Promise<Browser> {
  const password = 'correct horse battery staple';
  const user = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, {
    name: 'Nora Nurse',
    email: 'nora@riverside.example',
    role: 'coordinator',
    password,
    staffId: s.coordinator.id,
  });
  if (user.status !== 201) throw new Error(`adding Nora's login failed: ${user.status}`);
  return signInAs(s.t.service.app, 'nora@riverside.example', password);
}
