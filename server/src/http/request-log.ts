import { createMiddleware } from 'hono/factory';

/** One JSON line per request (method, path, status, ms): greppable, and no bodies or tokens ever logged. */
export function requestLog() {
  return createMiddleware(async (c, next) => {
    const start = performance.now();
    await next();
    console.log(
      JSON.stringify({ t: new Date().toISOString(), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) }),
    );
  });
}
