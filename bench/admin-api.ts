/** The service's API as the benchmarks call it over HTTP, with the admin token. */
export async function adminRequest(port: number, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; phone: string };
}
