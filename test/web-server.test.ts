/**
 * The web's production server (`web/server/`) on its own: it refuses a bad setting at start
 * with one clear line, and its live-update proxy sends the API only what the API should see.
 * The proxy is checked against a recording stand-in for the API (an HTTP server that takes
 * WebSocket upgrades and notes their headers), since what matters is what crosses the wire;
 * the real API behind it is covered by test/browser/live*.test.ts.
 */
import { spawnSync } from 'node:child_process';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { findFreePort, REPO_ROOT, startProcess, webServerArgs, type RunningProcess } from './support/processes.ts';
import { sharedWebBuild } from './support/web-build.ts';

const WEB_DIR = path.join(REPO_ROOT, 'web');
const REPORTER_TOKEN = 'r'.repeat(32);
const STAFF_TOKEN = 's'.repeat(32);

describe("the web server's settings", () => {
  /** Starts the server with one bad setting; it must stop before it even looks for a build. */
  function start(env: Record<string, string>) {
    const result = spawnSync(process.execPath, webServerArgs('/nonexistent/server/index.js'), {
      cwd: WEB_DIR,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it.each([
    ['PORT', 'not-a-port'],
    ['PORT', '70000'],
    ['API_URL', 'ftp://secret-host.internal'],
    ['TRUST_PROXY', '10.0.0.300'],
    ['NODE_ENV', 'staging'],
    ['API_TIMEOUT_MS', 'soon'],
  ])('refuses %s=%s with one line naming the key, not its value, and no stack trace', (key, value) => {
    const { status, output } = start({ [key]: value });
    expect(status).toBe(1);
    expect(output.trim()).toBe(`Invalid web configuration; check these environment variables: ${key}`);
    expect(output).not.toContain(value);
  });

  it('names every bad key at once', () => {
    const { status, output } = start({ PORT: 'x', API_URL: 'nope', API_TIMEOUT_MS: '-5' });
    expect(status).toBe(1);
    expect(output).toMatch(/check these environment variables: (?=.*\bPORT\b)(?=.*\bAPI_URL\b)(?=.*\bAPI_TIMEOUT_MS\b)/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

interface Upgrade {
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A stand-in for the API's live address: it records each upgrade, refuses `/t/penuh/graphql`
 * with 429 as the API does past its per-address limit, hangs up on `/t/putus/graphql`, and
 * otherwise accepts, choosing the client's first subprotocol, and echoes every message.
 */
async function startRecordingApi() {
  const upgrades: Upgrade[] = [];
  const sockets = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
  sockets.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => {
    upgrades.push({ url: request.url ?? '', headers: request.headers });
    if (request.url === '/t/penuh/graphql') return socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    if (request.url === '/t/putus/graphql') return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upgrades,
    close: () => {
      for (const client of sockets.clients) client.terminate();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Outcome = { status: 101; socket: WebSocket } | { status: number };

/** Opens a live socket through the web as a browser would, with the given headers. */
function openLive(web: RunningProcess, pathname: string, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${web.url.replace(/^http/, 'ws')}${pathname}`, 'graphql-transport-ws', { headers });
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('the live proxy', () => {
  let buildDirectory: string;
  let api: Awaited<ReturnType<typeof startRecordingApi>>;

  async function startWebServer(env: Record<string, string> = {}): Promise<RunningProcess> {
    const port = await findFreePort();
    return startProcess({
      command: process.execPath,
      args: webServerArgs(path.join(buildDirectory, 'server', 'index.js')),
      cwd: WEB_DIR,
      env: { PORT: String(port), API_URL: api.url, NODE_ENV: 'production', ...env },
      // An asset that does not exist: answered (404) without the API, so ready once listening.
      readyPath: '/assets/ready',
      port,
    });
  }

  beforeAll(async () => {
    buildDirectory = sharedWebBuild();
    api = await startRecordingApi();
  }, 300_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('behind no trusted proxy (the default)', () => {
    let web: RunningProcess;
    beforeAll(async () => {
      web = await startWebServer();
    });
    afterAll(async () => {
      await web?.stop();
    });

    const browserHeaders = () => ({
      Origin: web.url,
      Cookie: `lang=en; aduan_pelapor=${REPORTER_TOKEN}; aduan_staf=${STAFF_TOKEN}`,
      'Accept-Language': 'en',
      'X-Forwarded-For': '203.0.113.9',
      'X-Real-IP': '203.0.113.9',
      Forwarded: 'for=203.0.113.9',
      'User-Agent': 'a browser',
    });

    it.each([
      ['/t/inspektorat-kalbar/langsung', '/t/inspektorat-kalbar/graphql', REPORTER_TOKEN],
      ['/t/inspektorat-kalbar/konsol/langsung', '/t/inspektorat-kalbar/graphql', STAFF_TOKEN],
      ['/konsol/sekretariat/langsung', '/graphql', STAFF_TOKEN],
    ])('proxies %s to the API at %s with the right session as the bearer token, and nothing the browser wrote', async (pathname, apiPath, token) => {
      const before = api.upgrades.length;
      const outcome = await openLive(web, pathname, browserHeaders());
      expect(outcome.status).toBe(101);
      const socket = (outcome as { socket: WebSocket }).socket;
      try {
        expect(socket.protocol).toBe('graphql-transport-ws');
        const echoed = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
        socket.send('{"type":"ping"}');
        expect(await echoed).toBe('{"type":"ping"}');
      } finally {
        socket.close();
      }
      const [upgrade] = api.upgrades.slice(before);
      expect(upgrade!.url).toBe(apiPath);
      expect(upgrade!.headers.authorization).toBe(`Bearer ${token}`);
      // The address express resolved (the direct peer), not the one the client claimed.
      expect(upgrade!.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(upgrade!.headers['accept-language']).toBe('en');
      expect(upgrade!.headers['sec-websocket-protocol']).toBe('graphql-transport-ws');
      expect(upgrade!.headers.host).toBe(new URL(api.url).host);
      for (const header of ['cookie', 'origin', 'x-real-ip', 'forwarded', 'user-agent', 'x-forwarded-host', 'x-forwarded-proto']) {
        expect(upgrade!.headers, header).not.toHaveProperty(header);
      }
    });

    it('sends no token that does not look like one', async () => {
      const before = api.upgrades.length;
      const outcome = await openLive(web, '/t/inspektorat-kalbar/langsung', { Origin: web.url, Cookie: 'aduan_pelapor=<script>' });
      expect(outcome.status).toBe(101);
      (outcome as { socket: WebSocket }).socket.close();
      expect(api.upgrades[before]!.headers).not.toHaveProperty('authorization');
    });

    it("refuses another site's page, a forged forwarded host, and an unknown address before the API hears of it", async () => {
      const before = api.upgrades.length;
      expect((await openLive(web, '/t/inspektorat-kalbar/langsung', { Origin: 'http://evil.example' })).status).toBe(403);
      expect((await openLive(web, '/t/inspektorat-kalbar/langsung', {})).status).toBe(403);
      // A peer that is not a trusted proxy cannot name the host its Origin matches.
      expect((await openLive(web, '/t/inspektorat-kalbar/langsung', { Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example' })).status).toBe(403);
      expect((await openLive(web, '/t/inspektorat-kalbar/lain', { Origin: web.url })).status).toBe(404);
      expect((await openLive(web, '/graphql', { Origin: web.url })).status).toBe(404);
      expect(api.upgrades.length).toBe(before);
    });

    it("passes the API's refusal on as it is, and says 502 when the API hangs up", async () => {
      expect((await openLive(web, '/t/penuh/langsung', { Origin: web.url })).status).toBe(429);
      expect((await openLive(web, '/t/putus/langsung', { Origin: web.url })).status).toBe(502);
    });
  });

  it('forwards the address a trusted proxy names (TRUST_PROXY=loopback)', async () => {
    const web = await startWebServer({ TRUST_PROXY: 'loopback' });
    try {
      const before = api.upgrades.length;
      const outcome = await openLive(web, '/t/inspektorat-kalbar/langsung', {
        Origin: 'https://portal.example',
        'X-Forwarded-Host': 'portal.example',
        'X-Forwarded-For': '203.0.113.9',
      });
      expect(outcome.status).toBe(101);
      (outcome as { socket: WebSocket }).socket.close();
      expect(api.upgrades[before]!.headers['x-forwarded-for']).toBe('203.0.113.9');
      expect(api.upgrades[before]!.headers).not.toHaveProperty('x-forwarded-host');
    } finally {
      await web.stop();
    }
  });

  it('closes open live sockets when it is stopped, and exits', async () => {
    const web = await startWebServer();
    const outcome = await openLive(web, '/t/inspektorat-kalbar/langsung', { Origin: web.url });
    expect(outcome.status).toBe(101);
    const closed = new Promise<void>((resolve) => (outcome as { socket: WebSocket }).socket.once('close', () => resolve()));
    const started = Date.now();
    await web.stop();
    await closed;
    // Not the 10 s fallback: the server closed because its last connection did.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(web.output()).toContain('web: SIGTERM received, closing');
  });
});
