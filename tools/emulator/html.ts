/**
 * HtmlService: HtmlOutput, and HtmlTemplate with the documented scriptlets —
 * `<? code ?>` runs statements, `<?= expr ?>` prints with contextual escaping,
 * `<?!= expr ?>` prints raw. Template variables are the properties set on the template.
 * Scriptlets run in the bundle's global scope (the vm context) when a bundle is loaded,
 * so they can call its functions and services as on Apps Script.
 */
import * as vm from 'node:vm';
import { instrument, Runtime } from './kernel';
import { enumOf, signatureMismatch } from './support';

type HtmlOutputApi = Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'getMetaTags'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
  | 'asTemplate'
>;
type HtmlTemplateApi = Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getRawContent' | 'getCode'>;

export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

/** Project files served by HtmlService: name without extension → content. */
export type ProjectFiles = Map<string, string>;

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A value printed inside <script>: a JS literal that cannot close the element. */
function escapeJs(value: unknown): string {
  const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function printable(value: unknown): string {
  // Apps Script prints nothing for null/undefined rather than the words.
  return value === null || value === undefined ? '' : String(value);
}

function blobText(source: unknown, method: string): string {
  if (typeof source === 'string') return source;
  const s = source as { getDataAsString?: () => string; getBlob?: () => { getDataAsString(): string } } | null;
  if (s && typeof s.getDataAsString === 'function') return s.getDataAsString();
  if (s && typeof s.getBlob === 'function') return s.getBlob().getDataAsString();
  throw signatureMismatch(method, [source]);
}

export interface MetaTag {
  name: string;
  content: string;
}

export class EmuHtmlOutput implements HtmlOutputApi {
  readonly _isHtmlOutput = true;
  _content: string;
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandboxMode: string = SandboxMode.IFRAME;
  _xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  _metaTags: MetaTag[] = [];
  _faviconUrl = '';
  /** The instrumented proxy, returned by the chaining setters. */
  _self: GoogleAppsScript.HTML.HtmlOutput | null = null;

  constructor(
    private readonly _service: HtmlServiceInternals,
    content: string,
  ) {
    this._content = content;
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content = String(content);
    return this.me();
  }
  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content += String(addedContent);
    return this.me();
  }
  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this.me();
  }
  clear(): GoogleAppsScript.HTML.HtmlOutput {
    this._content = '';
    return this.me();
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this._title = String(title);
    return this.me();
  }
  getWidth(): number {
    return this._width as number;
  }
  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this._width = Number(width);
    return this.me();
  }
  getHeight(): number {
    return this._height as number;
  }
  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this._height = Number(height);
    return this.me();
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput {
    this._sandboxMode = String(mode);
    return this.me();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GoogleAppsScript.HTML.HtmlOutput {
    this._xFrameOptionsMode = String(mode);
    return this.me();
  }
  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this.me();
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this._metaTags.map(
      (t) =>
        instrument(
          { getName: () => t.name, getContent: () => t.content },
          'HtmlOutputMetaTag',
          this._service.runtime.counter,
        ) as GoogleAppsScript.HTML.HtmlOutputMetaTag,
    );
  }
  setFaviconUrl(iconUrl: string): GoogleAppsScript.HTML.HtmlOutput {
    this._faviconUrl = String(iconUrl);
    return this.me();
  }
  getFaviconUrl(): string {
    return this._faviconUrl;
  }
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return this._service.template(this._content);
  }

  private me(): GoogleAppsScript.HTML.HtmlOutput {
    if (!this._self) throw new Error('HtmlOutput used before instrumentation');
    return this._self;
  }
}

type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; code: string }
  | { kind: 'print'; code: string; raw: boolean; inScript: boolean };

/** Splits a template into text and scriptlets, noting which prints fall inside <script>. */
function parseTemplate(source: string): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  let inScript = false;
  const trackScript = (text: string): void => {
    const re = /<(\/?)script\b/gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) inScript = m[1] !== '/';
  };
  while (pos < source.length) {
    const open = source.indexOf('<?', pos);
    if (open < 0) {
      segments.push({ kind: 'text', text: source.slice(pos) });
      trackScript(source.slice(pos));
      break;
    }
    const text = source.slice(pos, open);
    segments.push({ kind: 'text', text });
    trackScript(text);
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet in HTML template');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) segments.push({ kind: 'print', code: inner.slice(2), raw: true, inScript });
    else if (inner.startsWith('=')) segments.push({ kind: 'print', code: inner.slice(1), raw: false, inScript });
    else segments.push({ kind: 'code', code: inner });
    pos = close + 2;
  }
  return segments;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function compile(segments: Segment[]): string {
  const lines = segments.map((s) => {
    if (s.kind === 'text') return `__emit(${JSON.stringify(s.text)});`;
    if (s.kind === 'code') return s.code;
    const expr = `(${s.code.trim()})`;
    if (s.raw) return `__emit(__raw(${expr}));`;
    return `__emit(${s.inScript ? '__js' : '__html'}(${expr}));`;
  });
  return lines.join('\n');
}

class EmuHtmlTemplate implements HtmlTemplateApi {
  [name: string]: unknown;

  constructor(
    private readonly _service: HtmlServiceInternals,
    private readonly _source: string,
  ) {}

  getRawContent(): string {
    return this._source;
  }

  getCode(): string {
    return compile(parseTemplate(this._source));
  }

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const body = compile(parseTemplate(this._source));
    // Template variables: own enumerable properties set by the caller (ours start with "_").
    const names = Object.keys(this).filter((k) => !k.startsWith('_') && IDENTIFIER.test(k));
    const values = names.map((k) => this[k]);
    const out: string[] = [];
    const output = { append: (s: unknown) => void out.push(printable(s)), appendUntrusted: (s: unknown) => void out.push(escapeHtml(printable(s))) };
    const helpers = {
      __emit: (s: string) => void out.push(s),
      __html: (v: unknown) => escapeHtml(printable(v)),
      __js: escapeJs,
      __raw: printable,
      output,
    };
    const params = [...Object.keys(helpers), ...names];
    const fn = this._service.makeFunction(params, body);
    fn(...Object.values(helpers), ...values);
    return this._service.output(out.join(''));
  }
}

/** What the HtmlOutput/HtmlTemplate classes need from their service. */
interface HtmlServiceInternals {
  runtime: Runtime;
  output(content: string): GoogleAppsScript.HTML.HtmlOutput;
  template(source: string): GoogleAppsScript.HTML.HtmlTemplate;
  makeFunction(params: string[], body: string): (...args: unknown[]) => unknown;
}

/** Test-side: the project's HTML files. */
export interface HtmlHandle {
  files: ProjectFiles;
}

export function createHtmlService(runtime: Runtime, files: ProjectFiles = new Map()): {
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  html: HtmlHandle;
} {
  const internals: HtmlServiceInternals = {
    runtime,
    output(content) {
      const target = new EmuHtmlOutput(internals, content);
      const proxy = instrument(target, 'HtmlOutput', runtime.counter) as unknown as GoogleAppsScript.HTML.HtmlOutput;
      target._self = proxy;
      return proxy;
    },
    template(source) {
      return instrument(new EmuHtmlTemplate(internals, source), 'HtmlTemplate', runtime.counter) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
    },
    makeFunction(params, body) {
      const context = runtime.bundleContext;
      // Scriptlets see the bundle's globals, as template code does on Apps Script.
      if (context && vm.isContext(context)) {
        return vm.runInContext(`(function (${params.join(', ')}) {\n${body}\n})`, context) as (...args: unknown[]) => unknown;
      }
      return new Function(...params, body) as (...args: unknown[]) => unknown;
    },
  };

  const fileContent = (filename: string, method: string): string => {
    if (typeof filename !== 'string') throw signatureMismatch(method, [filename]);
    const content = files.get(filename);
    // Apps Script's wording for a missing project file.
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return content;
  };

  const service: Pick<
    GoogleAppsScript.HTML.HtmlService,
    'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
  > = {
    SandboxMode: SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      return internals.output(html === undefined ? '' : blobText(html, 'HtmlService.createHtmlOutput'));
    },
    createHtmlOutputFromFile(filename: string) {
      return internals.output(fileContent(filename, 'HtmlService.createHtmlOutputFromFile'));
    },
    createTemplate(html: unknown) {
      return internals.template(blobText(html, 'HtmlService.createTemplate'));
    },
    createTemplateFromFile(filename: string) {
      return internals.template(fileContent(filename, 'HtmlService.createTemplateFromFile'));
    },
  } as typeof service;

  return {
    HtmlService: instrument(service, 'HtmlService', runtime.counter) as unknown as GoogleAppsScript.HTML.HtmlService,
    html: { files },
  };
}

/** The HtmlOutput behind an instrumented proxy, or null for anything else (Ui.showSidebar uses it). */
export function unwrapHtmlOutput(x: unknown): EmuHtmlOutput | null {
  const candidate = x as { _isHtmlOutput?: boolean } | null;
  return candidate && typeof candidate === 'object' && candidate._isHtmlOutput === true ? (candidate as EmuHtmlOutput) : null;
}
