// The map view: filters (asked of the API), the map with clustered markers,
// the histogram by day whose brushed range filters the map and the list.
import { EVENT_TYPES, addBasemap, colourOf, el, getJSON, killedText, placeText, radiusOf, setStatus, svg } from './common.js';

const LIST_ROWS = 300;
const DAY = 86400000;

export class MapView {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector('#filters');
    this.features = [];
    this.range = null;          // [first day, last day] as 'YYYY-MM-DD', or null for all
    this.map = L.map(root.querySelector('#map'), { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 30], 2);
    addBasemap(this.map);
    this.cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    this.map.addLayer(this.cluster);
    legendControl().addTo(this.map);
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.load(); });
    this.form.addEventListener('change', () => this.load());
    this.form.addEventListener('reset', () => setTimeout(() => this.load(), 0));
    root.querySelector('#all-dates').addEventListener('click', () => this.setRange(null));
    this.brush(root.querySelector('#histogram'));
  }

  async start() {
    const facets = await getJSON('/api/facets');
    const types = this.form.elements.type;
    for (const eventType of [...new Set(facets.event_types.map((t) => t.event_type))]) {
      const group = el('optgroup', { label: eventType });
      group.append(el('option', { value: eventType }, `${eventType} (all)`));
      for (const t of facets.event_types.filter((f) => f.event_type === eventType && f.sub_event_type)) {
        group.append(el('option', { value: t.sub_event_type }, `${t.sub_event_type} (${t.count})`));
      }
      types.append(group);
    }
    for (const c of facets.countries) {
      this.form.elements.country.append(el('option', { value: c.code }, `${c.name} (${c.count})`));
    }
    await this.load();
  }

  show() {
    this.map.invalidateSize();
  }

  async load() {
    const params = new URLSearchParams({ limit: '20000' });
    for (const name of ['type', 'country', 'admin1', 'actor', 'q']) {
      const value = this.form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    setStatus('loading…');
    try {
      const answer = await getJSON(`/api/incidents.geojson?${params}`);
      this.features = answer.features;
      this.truncated = answer.truncated;
      setStatus(answer.truncated ? 'more incidents match than the map loads: narrow the filters' : '');
    } catch (error) {
      setStatus(`could not load incidents (${error.message})`);
      this.features = [];
    }
    this.fillActors();
    this.drawHistogram();
    this.apply();
  }

  fillActors() {
    const names = new Set();
    for (const f of this.features) for (const p of f.properties.perpetrators) names.add(p.name);
    this.root.querySelector('#actors').replaceChildren(...[...names].sort().map((n) => el('option', { value: n })));
  }

  visible() {
    if (!this.range) return this.features;
    const [from, to] = this.range;
    return this.features.filter((f) => f.properties.event_date && f.properties.event_date >= from
      && f.properties.event_date <= to);
  }

  apply() {
    const shown = this.visible();
    this.cluster.clearLayers();
    this.cluster.addLayers(shown.map((f) => this.marker(f)));
    this.root.querySelector('#map').dataset.markers = String(shown.length);
    this.root.querySelector('#range').textContent = this.range ? `${this.range[0]} to ${this.range[1]}` : '';
    this.root.querySelector('#count').textContent =
      `${shown.length} incident${shown.length === 1 ? '' : 's'} shown` + (this.range ? ` of ${this.features.length}` : '');
    this.drawList(shown);
    this.markRange();
  }

  marker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const colour = colourOf(p.event_type);
    const marker = L.circleMarker([lat, lon], {
      radius: radiusOf(p.killed_best), color: '#333', weight: 1, fillColor: colour, fillOpacity: 0.8,
    });
    marker.bindTooltip(el('span', {}, `${p.sub_event_type || p.event_type}, ${placeText(p)}`));
    marker.bindPopup(() => el('div', { class: 'popup' },
      el('strong', {}, p.sub_event_type || p.event_type), el('br'),
      `${p.event_date || 'undated'} · ${placeText(p)}`, el('br'),
      `killed: ${killedText(p)} · ${p.source_count} source${p.source_count === 1 ? '' : 's'}`, el('br'),
      el('a', { href: `#/incident/${p.id}` }, 'Open the dossier')));
    return marker;
  }

  drawList(shown) {
    const rows = shown.slice(0, LIST_ROWS).map((f) => {
      const p = f.properties;
      const link = el('a', { href: `#/incident/${p.id}` }, p.sub_event_type || p.event_type);
      return el('tr', { 'data-id': String(p.id) },
        el('td', {}, p.event_date || '?'),
        el('td', {}, swatch(p.event_type), link),
        el('td', {}, placeText(p)),
        el('td', { class: 'num' }, killedText(p)),
        el('td', {}, p.perpetrators.map((a) => `${a.name} (${a.status})`).join(', ') || '–'),
        el('td', { class: 'num' }, String(p.source_count)));
    });
    this.root.querySelector('#list tbody').replaceChildren(...rows);
  }

  days() {
    const dated = this.features.map((f) => f.properties.event_date).filter(Boolean).sort();
    if (!dated.length) return null;
    return { first: Date.parse(dated[0]), last: Date.parse(dated[dated.length - 1]) };
  }

  drawHistogram() {
    const chart = this.root.querySelector('#histogram');
    const width = chart.clientWidth || 800;
    chart.setAttribute('viewBox', `0 0 ${width} 90`);
    chart.replaceChildren();
    const span = this.days();
    this.scale = null;
    if (!span) return;
    const count = Math.round((span.last - span.first) / DAY) + 1;
    const binDays = count > 730 ? 7 : 1;
    const bins = new Array(Math.ceil(count / binDays)).fill(0);
    for (const f of this.features) {
      if (f.properties.event_date) bins[Math.floor((Date.parse(f.properties.event_date) - span.first) / DAY / binDays)] += 1;
    }
    const step = (width - 20) / bins.length;
    const top = Math.max(...bins);
    this.scale = { first: span.first, step, binDays, bins: bins.length, left: 10 };
    bins.forEach((n, i) => {
      if (!n) return;
      const h = Math.max(2, (n / top) * 62);
      const bar = svg('rect', { x: 10 + i * step, y: 70 - h, width: Math.max(1, step - 1), height: h, class: 'bar' });
      const day = new Date(span.first + i * binDays * DAY).toISOString().slice(0, 10);
      bar.append(svg('title'));
      bar.firstChild.textContent = `${day}: ${n}`;
      chart.append(bar);
    });
    for (const [i, label] of [[0, span.first], [bins.length, span.last]]) {
      const text = svg('text', { x: i ? width - 10 : 10, y: 85, 'text-anchor': i ? 'end' : 'start', class: 'axis' });
      text.textContent = new Date(label).toISOString().slice(0, 10);
      chart.append(text);
    }
    this.selection = svg('rect', { y: 0, height: 72, class: 'brush', width: 0, x: 0 });
    chart.append(this.selection);
    if (this.range && (this.range[1] < this.dayAt(0) || this.range[0] > this.dayAt(width))) this.range = null;
  }

  dayAt(x) {
    const s = this.scale;
    const i = Math.min(s.bins - 1, Math.max(0, Math.floor((x - s.left) / s.step)));
    return new Date(s.first + i * s.binDays * DAY).toISOString().slice(0, 10);
  }

  xOf(day, end) {
    const s = this.scale;
    const i = Math.floor((Date.parse(day) - s.first) / DAY / s.binDays) + (end ? 1 : 0);
    return s.left + Math.min(s.bins, Math.max(0, i)) * s.step;
  }

  markRange() {
    if (!this.selection || !this.scale) return;
    if (!this.range) { this.selection.setAttribute('width', 0); return; }
    const x0 = this.xOf(this.range[0], false), x1 = this.xOf(this.range[1], true);
    this.selection.setAttribute('x', x0);
    this.selection.setAttribute('width', Math.max(1, x1 - x0));
  }

  setRange(range) {
    this.range = range;
    this.apply();
  }

  // Drag across the histogram to choose days; a click without a drag clears the choice.
  brush(chart) {
    let start = null;
    const x = (event) => {
      const box = chart.getBoundingClientRect();
      return (event.clientX - box.left) * (chart.viewBox.baseVal.width || box.width) / box.width;
    };
    chart.addEventListener('pointerdown', (event) => {
      if (!this.scale) return;
      start = x(event);
      chart.setPointerCapture(event.pointerId);
    });
    chart.addEventListener('pointermove', (event) => {
      if (start === null) return;
      const now = x(event);
      this.selection.setAttribute('x', Math.min(start, now));
      this.selection.setAttribute('width', Math.abs(now - start));
    });
    chart.addEventListener('pointerup', (event) => {
      if (start === null) return;
      const end = x(event);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      this.setRange(b - a < 3 ? null : [this.dayAt(a), this.dayAt(b)]);
    });
  }
}

export function swatch(eventType) {
  const mark = el('span', { class: 'swatch' });
  mark.style.background = colourOf(eventType);
  return mark;
}

function legendControl() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('div', { class: 'map-legend' },
    EVENT_TYPES.map((t) => el('div', {}, swatch(t), t)),
    el('div', { class: 'note' }, 'size: fatalities'));
  return control;
}
