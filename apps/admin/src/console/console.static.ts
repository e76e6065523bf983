import type { NextFunction, Request, Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** Built by scripts/console-build.js (npm start, npm test) with Vite. */
export const CONSOLE_DIST = join(__dirname, '..', '..', 'web', 'dist');

/** Paths the console never answers: the APIs, the proxy, health, the API docs. */
const NOT_CONSOLE = /^\/(api|svc|health)(\/|$)/;

/**
 * Serves the built console: its files by path, and index.html for any other GET a browser makes
 * (client routes like /cases/123). `/api/*`, `/svc/*` and `/health` always go on to Nest.
 */
export function serveConsole(req: Request, res: Response, next: NextFunction): void {
  const path = decodeURIComponent(req.originalUrl.split('?')[0]);
  if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(path)) return next();
  const file = normalize(join(CONSOLE_DIST, path));
  if (!file.startsWith(CONSOLE_DIST + sep) && file !== CONSOLE_DIST) return next();
  if (extname(path) && existsSync(file) && statSync(file).isFile()) {
    res.setHeader('cache-control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return res.sendFile(file);
  }
  if (extname(path)) return next(); // a missing asset is a 404, not the app
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) {
    res.status(503).json({ error: { code: 'CONSOLE_NOT_BUILT', message: 'The console is not built: run npm start (it builds apps/admin/web) or npm run build in apps/admin/web.' } });
    return;
  }
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(index);
}
