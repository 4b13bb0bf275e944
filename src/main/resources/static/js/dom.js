// Small DOM helpers. Every string from the API reaches the page as a text node; the only markup built from
// API data is the <mark> of search snippets, and that is rebuilt from text by safeSnippet below.

/**
 * Creates an element: h('a', {href: '#/x', class: 'link'}, 'text', otherNode).
 * Attributes set to null, undefined or false are left out; children may be strings, nodes, arrays or null.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's children; like append, it takes strings, nodes, nested arrays and skips null. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** Text that screen readers read but the eye does not see. */
export function hidden(text) {
  return h('span', {class: 'visually-hidden'}, text);
}

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi;
// Escaped text: no tag and no bare ampersand, only the entities an HTML escaper writes.
const ESCAPED_TEXT = /^(?:[^<>&]|&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);)*$/i;

function decodeEntities(text) {
  return text.replace(ENTITY, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A search snippet (escaped text with matched words in <mark>...</mark>) as DOM nodes, or null when it holds
 * anything else: then the caller shows the plain title instead. Nothing is ever parsed as HTML.
 */
export function safeSnippet(snippet) {
  if (typeof snippet !== 'string') return null;
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      if ((part === '<mark>') === marked) return null; // unbalanced or nested
      marked = !marked;
      continue;
    }
    if (!ESCAPED_TEXT.test(part)) return null;
    if (part === '') continue;
    const text = decodeEntities(part);
    fragment.append(marked ? h('mark', null, text) : document.createTextNode(text));
  }
  return marked ? null : fragment;
}

/** The snippet's plain text, as it would read on the page. */
export function snippetText(snippet) {
  const nodes = safeSnippet(snippet);
  return nodes ? nodes.textContent : null;
}

/** A link target only when it is an absolute http(s) URL; anything else (javascript:, data:) is refused. */
export function safeHttpUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const ICONS = {
  alert: 'M12 3 2 20h20L12 3zm0 5v6m0 3v.5',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 3',
  source: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  arrow: 'M5 12h14m-6-6 6 6-6 6',
  back: 'M19 12H5m6-6-6 6 6 6',
  external: 'M14 4h6v6m0-6-9 9M18 14v6H4V6h6',
  close: 'M6 6l12 12M18 6 6 18',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm5 12 4 4',
  copy: 'M8 8h12v12H8zM4 16V4h12',
};

/** A decorative line icon (hidden from assistive technology: the text next to it carries the meaning). */
export function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
