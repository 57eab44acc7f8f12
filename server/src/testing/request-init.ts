/** Headers and body of a test request as the API takes them: a bearer token, and a JSON body with its content type. */
export function testRequestInit<B>(init: { headers?: HeadersInit | undefined; token?: string | undefined; json?: unknown; body?: B }): { headers: Headers; body: B | string | null } {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.json === undefined) return { headers, body: init.body ?? null };
  headers.set('content-type', 'application/json');
  return { headers, body: JSON.stringify(init.json) };
}
