// Helpers shared by the views. Report text is untrusted: it only ever reaches
// the page as text nodes (el's children, textContent), never as markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

// Only web links become links; "javascript:" and the like stay text.
export function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

export async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail || response.status);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

export function setStatus(text) {
  document.getElementById('status').textContent = text || '';
}

const COLOURS = {
  'Battles': '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  'Protests': '#2ca02c',
  'Riots': '#e6b000',
  'Strategic developments': '#1f77b4',
};

export function colourOf(eventType) {
  return COLOURS[eventType] || '#7f7f7f';
}

export const EVENT_TYPES = Object.keys(COLOURS);

export function radiusOf(killed) {
  return Math.min(30, 5 + 2.2 * Math.sqrt(killed || 0));
}

export function killedText(row) {
  if (row.killed_best === null || row.killed_best === undefined) return '–';
  const low = row.killed_low, high = row.killed_high;
  const range = low !== null && high !== null && low !== high ? ` (${low}–${high})` : '';
  return `${row.killed_best}${range}`;
}

export function placeText(row) {
  return [row.location, row.admin1 && row.admin1 !== row.location ? row.admin1 : null, row.country]
    .filter(Boolean).join(', ') || 'unplaced';
}

let atlas = null;

// Country boundaries from the npm package world-atlas (Natural Earth 1:50m): the whole basemap.
export function addBasemap(map) {
  atlas = atlas || fetch('/vendor/atlas/countries-50m.json').then((r) => r.json())
    .then((topo) => topojson.feature(topo, topo.objects.countries));
  return atlas.then((countries) => L.geoJSON(countries, {
    interactive: false,
    style: { color: '#8a8a8a', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 },
  }).addTo(map)).catch(() => setStatus('basemap missing: run make web-assets'));
}

// A document's text as runs; evidence runs become <mark> elements, all as text.
export function renderSegments(segments) {
  const box = el('div', { class: 'doc-text' });
  for (const run of segments) {
    if (run.marks.length) {
      box.append(el('mark', { class: run.marks.map((m) => `ev-${m}`).join(' '), title: `evidence: ${run.marks.join(', ')}` }, run.text));
    } else {
      box.append(run.text);
    }
  }
  return box;
}

export function legend() {
  return el('p', { class: 'legend' }, 'Evidence: ',
    el('mark', { class: 'ev-incident' }, 'incident'), ' ',
    el('mark', { class: 'ev-figure' }, 'casualty figure'), ' ',
    el('mark', { class: 'ev-claim' }, 'claim, denial, accusation'));
}
