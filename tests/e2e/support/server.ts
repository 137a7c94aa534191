// A small static file server for the browser tests: node:http on 127.0.0.1,
// random port, optional path prefix (to test PATH_PREFIX builds the way they
// are deployed, e.g. under `/archive/`). Not for production.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";

export interface StaticServer {
  /** Origin plus prefix, e.g. `http://127.0.0.1:40123/archive/`. */
  url: string;
  /** e.g. `http://127.0.0.1:40123` (no trailing slash). */
  origin: string;
  /** Every request target received (`req.url`: path plus query), in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve files only under this URL path, e.g. `/archive/`. Default `/`. */
  prefix?: string;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's index files.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".gz": "application/gzip",
  ".pf_filter": "application/octet-stream",
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** `archive` / `/archive` / `/archive/` → `/archive/`; empty → `/`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

export async function serveStatic(root: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  const prefix = normalizePrefix(opts.prefix);
  const requests: string[] = [];

  function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
    res.end(text);
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, size: number) {
    res.writeHead(status, {
      "content-type": contentTypeFor(file),
      "content-length": String(size),
      "cache-control": "no-store",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = resolve(rootDir, "404.html");
    const st = await statOrNull(page);
    if (st?.isFile()) sendFile(req, res, 404, page, st.size);
    else sendText(res, 404, "404 Not Found\n");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = req.url ?? "/";
    requests.push(target);

    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "405 Method Not Allowed\n", { allow: "GET, HEAD" });
      return;
    }

    const q = target.indexOf("?");
    const rawPath = q === -1 ? target : target.slice(0, q);
    const query = q === -1 ? "" : target.slice(q);
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      sendText(res, 400, "400 Bad Request\n");
      return;
    }
    if (!path.startsWith("/") || path.includes("\0")) {
      sendText(res, 400, "400 Bad Request\n");
      return;
    }

    // `/archive` → `/archive/`
    if (prefix !== "/" && path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix + query, "cache-control": "no-store" });
      res.end();
      return;
    }
    if (!path.startsWith(prefix)) {
      await notFound(req, res);
      return;
    }

    // Reject any `..` segment outright (also after decoding, and with backslashes),
    // then double-check the resolved path stays inside the root.
    const rel = path.slice(prefix.length);
    if (rel.split(/[\\/]/).includes("..")) {
      sendText(res, 403, "403 Forbidden\n");
      return;
    }
    const file = resolve(rootDir, "." + sep + rel);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      sendText(res, 403, "403 Forbidden\n");
      return;
    }

    const st = await statOrNull(file);
    if (st?.isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { location: rawPath + "/" + query, "cache-control": "no-store" });
        res.end();
        return;
      }
      const index = resolve(file, "index.html");
      const ist = await statOrNull(index);
      if (ist?.isFile()) sendFile(req, res, 200, index, ist.size);
      else await notFound(req, res);
      return;
    }
    if (st?.isFile()) {
      sendFile(req, res, 200, file, st.size);
      return;
    }
    await notFound(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `500 ${String(err)}\n`);
      else res.destroy();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", fail);
      ok();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    requests,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}
