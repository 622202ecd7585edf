/**
 * The one DOM builder of the sidebar. Text goes in only through text nodes, never as HTML:
 * Google's pages enforce Trusted Types, and server data (school names, answers) is never
 * parsed as markup. Attributes are set one by one; event handlers are functions.
 */
type Child = Node | string | number | null | undefined | false;
type Children = Child | Child[];

export type Attrs = {
  [name: string]: string | number | boolean | null | undefined | EventListener;
};

function append(parent: Node, children: Children): void {
  for (const child of Array.isArray(children) ? children : [children]) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else if (name === 'checked' && 'checked' in element) (element as HTMLInputElement).checked = value === true;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** An HTML element: h('button', {class: 'primary', onclick: go}, 'Save'). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Children = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, for the charts. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Children = []): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, children: Children): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let counter = 0;
/** A document-unique id, for label/aria-describedby pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
