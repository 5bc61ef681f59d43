/**
 * The practice's REST API as the simulator uses it: in-process requests
 * (`app.inject`) with a bearer token, as a practice's own tools would call it.
 * A refusal other than the ones the caller expects stops the run: the
 * simulator must not quietly work around the service.
 */
import type { Service } from '../src/service.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    method: string,
    url: string,
    body: string,
  ) {
    // The body names what was wrong; the simulator's patients are invented, so it holds no PHI.
    super(`${method} ${url} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export interface Api {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body: object): Promise<T>;
  put<T>(url: string, body: object): Promise<T>;
}

export function createApi(app: Service['app'], token: string): Api {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: object): Promise<T> => {
    const response = await app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });
    if (response.statusCode >= 300) throw new ApiError(response.statusCode, method, url, response.body);
    return response.json() as T;
  };
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body),
    put: (url, body) => call('PUT', url, body),
  };
}
