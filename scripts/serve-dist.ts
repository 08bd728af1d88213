/**
 * A tiny static server for dist/: `npm run preview` (the file mode without Excel, on this computer
 * only) and the end-to-end tests. No dependencies: node:http is enough for a handful of files.
 *   npx tsx scripts/serve-dist.ts [dir] [--port N]    (PORT=N works too; default 8080)
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'text/xml; charset=utf-8',
};

export interface Served {
  readonly server: Server;
  readonly port: number;
  /** http://host:port/ */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Serves `dir` on host:port (port 0 picks a free one); `/` is index.html, the file mode page. */
export async function serveDir(dir: string, port = 0, host = '127.0.0.1'): Promise<Served> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    // Only files under dir: a ../ in the path must not reach the rest of the disk.
    if ((file !== root && !file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // Hashed bundle names change with every build: no caching keeps a reload honest.
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const actual = (server.address() as { port: number }).port;
  const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
  return {
    server,
    port: actual,
    url: `http://${shown}:${actual}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 8080));
  const dir = args.find((a, i) => !a.startsWith('--') && i !== portArg + 1) ?? join(__dirname, '..', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir} 中没有 index.html：请先运行 npm run preview 或 ADDIN_URL=… npm run build`);
    process.exit(1);
  }
  let served: Served;
  try {
    served = await serveDir(dir, port);
  } catch (e) {
    console.error(`无法在端口 ${port} 上启动（${(e as Error).message}）。换一个端口：PORT=8081 npm run preview`);
    process.exit(1);
  }
  console.log(`\n绩效监控助手（文件模式）已启动：${served.url}`);
  console.log('在浏览器中打开上面的地址，点击“打开台账文件”。文件只在本机浏览器中处理，不会上传。按 Ctrl+C 停止。\n');
}

if (require.main === module) void main();
