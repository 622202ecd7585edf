/**
 * The local preview: the demo district in the emulator with the built bundle, served over
 * node:http to a host page that looks like the spreadsheet (sheet tabs, the selected
 * sheet's rows) with the add-on's sidebar beside it in a 300-px sandboxed iframe.
 *
 * Two origins, as on Google: the host page is http://localhost:PORT and the sidebar is
 * http://127.0.0.1:PORT, so the sandboxed sidebar (allow-same-origin, as HtmlService sets
 * it) reaches its own origin's /rpc and never the host page's DOM. The server listens on
 * the loopback interface only.
 *
 * Routes (JSON unless said): GET / (host page HTML), GET /host.js, GET /api/state,
 * GET /api/sheet?id=N, POST /api/submit {formId, count}, POST /api/clock {minutes},
 * POST /api/user {email}, GET /sidebar (the sidebar HTML with the bridge), POST /rpc.
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_BUILD_DIR } from '../emulator/bundle';
import { buildDemoDistrict, DEMO_COORDINATOR, DEMO_METHODIST, DemoDistrict, DemoOptions, emptyWorkbook } from '../demo-district/district';
import { answerForm, seededRandom } from '../demo-district/respondents';
import { callableFunctions, MAX_CONCURRENT_CALLS, parseRpcRequest, runRpc } from './bridge';
import type { BridgeConfig } from './shim';

/** Two levels below the root, like tools/emulator/, so the path holds when bundled into out/run/. */
const PREVIEW_DIR = join(__dirname, '..', '..', 'tools', 'preview');
/** Someone who is not a coordinator, to see what the add-on shows them. */
export const PREVIEW_OUTSIDER = 'teacher@school.example';
/** Rows of the selected sheet the host page shows; the rest are counted. */
export const SHOWN_ROWS = 200;
const SHOWN_COLUMNS = 40;
const MAX_SUBMIT = 1000;
const MAX_BODY = 1_000_000;

export interface PreviewOptions extends Partial<DemoOptions> {
  /** 0 picks a free port. */
  port?: number;
  /** Starts from a spreadsheet where nothing is set up yet (the first-run Setup), not the demo district. */
  empty?: boolean;
  /** Each /rpc answer waits this long, to watch loading states and the 10-call limit. */
  rpcLatencyMs?: number;
  /** Runs on the built district before serving it (the benchmark grows it to size here). */
  prepare?: (demo: DemoDistrict) => void;
  /** Called for each bridged call, after it ran. */
  onCall?: (name: string, args: unknown[]) => void;
}

export interface Preview {
  /** The host page, http://localhost:PORT/. */
  url: string;
  /** The sidebar's own origin, http://127.0.0.1:PORT. */
  sidebarOrigin: string;
  port: number;
  demo: DemoDistrict;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse(await readBody(request)) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof HttpError) throw error;
  }
  throw new HttpError(400, 'expected a JSON object');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A script element's text cannot hold "</script"; JSON inside it must not close it either. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

function bundleScript(contents: string): string {
  const result = esbuild.buildSync({
    stdin: { contents, resolveDir: PREVIEW_DIR, loader: 'ts' },
    bundle: true, format: 'iife', target: 'es2020', write: false, charset: 'utf8', logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The sidebar as the add-on serves it (showSidebar's HtmlOutput), with the bridge first in <head>. */
export function withBridge(html: string, bridge: string): string {
  const tag = inlineScript(bridge);
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const buildDir = options.buildDir ?? DEFAULT_BUILD_DIR;
  const demo = options.empty ? emptyWorkbook(buildDir) : buildDemoDistrict({ teachers: 60, schools: 6, seed: 1, ...options, buildDir });
  options.prepare?.(demo);
  const { emulator, bundle } = demo;
  const callable = new Set(callableFunctions(readFileSync(join(buildDir, 'Code.js'), 'utf8')));
  const random = seededRandom((options.seed ?? 1) + 1);
  const users = [DEMO_COORDINATOR, DEMO_METHODIST, PREVIEW_OUTSIDER];
  let port = 0;
  const hostOrigin = () => `http://localhost:${port}`;
  const sidebarOrigin = () => `http://127.0.0.1:${port}`;

  const hostScript = bundleScript(`import './page/host';`);
  const hostPage = readFileSync(join(PREVIEW_DIR, 'page', 'host.html'), 'utf8');
  let bridgeScript = '';

  const state = () => ({
    user: emulator.runtime.user,
    users,
    now: new Date(emulator.clock.now()).toISOString(),
    timeZone: emulator.spreadsheet.getSpreadsheetTimeZone(),
    spreadsheet: emulator.spreadsheet.getName(),
    sidebarUrl: `${sidebarOrigin()}/sidebar`,
    sheets: emulator.spreadsheet.getSheets().map((sheet) => ({ id: sheet.getSheetId(), name: sheet.getName() })),
    forms: emulator.forms.all()
      .filter((form) => emulator.forms.describe(form.getId()).acceptingResponses)
      .map((form) => ({ formId: form.getId(), title: form.getTitle() })),
    triggerRuns: emulator.script.runs.length,
  });

  const sheetView = (id: number) => {
    const sheet = emulator.spreadsheet.getSheets().find((s) => s.getSheetId() === id);
    if (!sheet) throw new HttpError(404, `no sheet ${id}`);
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const rows = lastRow === 0 || lastColumn === 0
      ? []
      : sheet.getRange(1, 1, Math.min(lastRow, SHOWN_ROWS), Math.min(lastColumn, SHOWN_COLUMNS)).getDisplayValues();
    return { id, name: sheet.getName(), lastRow, lastColumn, rows, protected: sheet.getProtections(SpreadsheetProtection()).length > 0 };
  };
  const SpreadsheetProtection = () => (emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET;

  const submit = (formId: unknown, count: number) => {
    const form = emulator.forms.all().find((f) => f.getId() === formId);
    if (!form) throw new HttpError(404, `no form ${String(formId)}`);
    const rejected: string[] = [];
    for (let i = 0; i < count; i++) {
      emulator.clock.advance(Math.floor(random() * 20 + 1) * 60_000);
      const role = random() < 0.7 ? 'mentee' : 'mentor';
      try {
        emulator.forms.submit(form.getId(), answerForm(emulator.forms.describe(form.getId()), random, { role }), { tolerateTriggerErrors: true });
      } catch (error) {
        // The form refused the answers (a required question the generator left blank): say so, go on.
        rejected.push(error instanceof Error ? error.message : String(error));
      }
    }
    return { submitted: count - rejected.length, rejected };
  };

  const sidebarHtml = () => {
    const before = emulator.ui.sidebars.length;
    bundle.call('showSidebar');
    const shown = emulator.ui.sidebars.length > before ? emulator.ui.lastSidebar() : null;
    if (!shown) throw new HttpError(500, 'showSidebar showed no sidebar');
    return withBridge(shown.content, bridgeScript);
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', hostOrigin());
    const host = request.headers.host ?? '';
    const onSidebarOrigin = host.startsWith('127.0.0.1');
    const key = `${request.method} ${url.pathname}`;
    // The host page lives on localhost only, the sidebar and its calls on 127.0.0.1 only.
    if (onSidebarOrigin && !['GET /sidebar', 'POST /rpc'].includes(key)) {
      response.writeHead(302, { location: `${hostOrigin()}/` });
      response.end();
      return;
    }
    switch (key) {
      case 'GET /':
        return send(response, 200, 'text/html', hostPage);
      case 'GET /host.js':
        return send(response, 200, 'text/javascript', hostScript);
      case 'GET /favicon.ico':
        response.writeHead(204);
        return response.end();
      case 'GET /api/state':
        return sendJson(response, 200, state());
      case 'GET /api/sheet':
        return sendJson(response, 200, sheetView(wholeNumber(url.searchParams.get('id'), 'id', 0, Number.MAX_SAFE_INTEGER)));
      case 'POST /api/submit': {
        const body = await readJson(request);
        return sendJson(response, 200, submit(body.formId, wholeNumber(body.count, 'count', 1, MAX_SUBMIT)));
      }
      case 'POST /api/clock': {
        const body = await readJson(request);
        const before = emulator.script.runs.length;
        emulator.clock.advance(wholeNumber(body.minutes, 'minutes', 1, 60 * 24 * 62) * 60_000);
        const fired = emulator.script.runs.slice(before).map((run) => ({ handler: run.handler, at: new Date(run.at).toISOString(), failed: run.error !== undefined }));
        return sendJson(response, 200, { now: new Date(emulator.clock.now()).toISOString(), fired });
      }
      case 'POST /api/user': {
        const body = await readJson(request);
        if (typeof body.email !== 'string' || !users.includes(body.email)) throw new HttpError(400, 'unknown user');
        emulator.runtime.user = body.email;
        return sendJson(response, 200, { user: emulator.runtime.user });
      }
      case 'GET /sidebar':
        if (!onSidebarOrigin) throw new HttpError(404, 'the sidebar is served on its own origin');
        return send(response, 200, 'text/html', sidebarHtml());
      case 'POST /rpc': {
        const rpc = parseRpcRequest(await readBody(request));
        if (!rpc) throw new HttpError(400, 'expected {name, args}');
        const result = runRpc(bundle, callable, rpc);
        options.onCall?.(rpc.name, rpc.args);
        if (options.rpcLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.rpcLatencyMs));
        return sendJson(response, 200, result);
      }
      default:
        throw new HttpError(404, `not found: ${url.pathname}`);
    }
  };

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const config: BridgeConfig = { functions: [...callable], rpcUrl: '/rpc', hostOrigin: hostOrigin(), maxConcurrent: MAX_CONCURRENT_CALLS };
  bridgeScript = bundleScript(`import { installGoogleScript } from './shim'; installGoogleScript(${JSON.stringify(config)}, window as never);`);

  return {
    url: `${hostOrigin()}/`,
    sidebarOrigin: sidebarOrigin(),
    port,
    demo,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
