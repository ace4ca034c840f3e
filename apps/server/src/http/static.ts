import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotFoundFallback } from './errors.plugin.js';

const BUILD_MISSING_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>mimamoru</title></head>
<body>
<h1>mimamoru</h1>
<p>Web アプリがまだビルドされていません。<code>npm run build</code> を実行してからサーバーを再起動してください。</p>
<p>The web app has not been built yet. Run <code>npm run build</code>, then restart the server.</p>
<p>API: <a href="/healthz">/healthz</a></p>
</body></html>
`;

/**
 * Serves the built SPA from `webDist`; paths that are not files get index.html so client-side
 * routes work on reload. Returns the not-found fallback for page requests.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<NotFoundFallback> {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ webDist }, 'web app build missing: run `npm run build`; serving a placeholder page');
    return (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(BUILD_MISSING_PAGE);
  }
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
}
