// The incident dossier: place, date, type, perpetrators, figure history,
// claims in time order, and each source's text with its evidence marked.
import { addBasemap, colourOf, el, getJSON, killedText, legend, placeText, radiusOf, renderSegments, safeUrl, svg } from './common.js';

let smallMap = null;

export async function showDossier(root, id) {
  root.replaceChildren(el('p', {}, 'Loading…'));
  let data;
  try {
    data = await getJSON(`/api/incidents/${encodeURIComponent(id)}`);
  } catch (error) {
    root.replaceChildren(el('p', { class: 'error' }, `Could not load incident ${id}: ${error.message}`));
    return;
  }
  const i = data.incident;
  const mapBox = el('div', { class: 'small-map', id: 'dossier-map' });
  root.replaceChildren(
    el('p', {}, el('a', { href: '#/' }, '← back to the map')),
    el('h2', {}, `${i.sub_event_type || i.event_type} — ${placeText(i)}`),
    el('div', { class: 'dossier-head' }, mapBox, facts(i)),
    section('Perpetrators', perpetrators(i.perpetrators)),
    section('Actors and roles', roles(i.roles)),
    section('Figure history', figureChart(data.casualty_reports), figureTable(data.casualty_reports)),
    section('Claims, denials and accusations', claims(data.claims)),
    section(`Sources (${data.documents.length})`, legend(), data.documents.map((d) => sourceDocument(d, data.reports))),
  );
  drawSmallMap(mapBox, i);
}

function section(title, ...body) {
  return el('section', { class: 'dossier-part' }, el('h3', {}, title), ...body);
}

function facts(i) {
  const rows = [
    ['Date', i.event_date || 'unknown'],
    ['Type', `${i.event_type}${i.sub_event_type ? ' / ' + i.sub_event_type : ''}`],
    ['Place', `${placeText(i)}${i.latitude !== null ? ` (${i.latitude.toFixed(3)}, ${i.longitude.toFixed(3)}; precision ${i.geo_precision})` : ''}`],
    ['Killed', killedText(i)],
    ['Wounded', i.wounded_best === null ? '–' : String(i.wounded_best)],
    ...Object.entries(i.other_figures).map(([kind, f]) => [CATEGORIES[kind] || kind, String(f.best)]),
    ['Attack', attackText(i.attack)],
    ['Claimed by', i.claimed_by || '–'],
    ['Sources', String(i.source_count)],
  ];
  return el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

// Casualty categories besides killed and wounded, as the store names them.
const CATEGORIES = { missing: 'Missing', abducted: 'Abducted', arrested: 'Arrested', displaced: 'Displaced',
  attackers_killed: 'Attackers killed' };

// The GTD attack detail in one line: types, weapons, targets, then the flags and counts stated.
function attackText(a) {
  if (!a) return '–';
  const weapons = a.weapons.map((w) => (w.subtype ? `${w.type} (${w.subtype})` : w.type));
  const parts = [a.attack_types.join(', '), weapons.join(', '), a.targets.length ? `against ${a.targets.join(', ')}` : '',
    a.suicide ? 'suicide' : '', a.coordinated ? 'coordinated' : '',
    a.blasts ? `${a.blasts} blasts` : '', a.attackers ? `${a.attackers} attackers` : ''];
  return parts.filter(Boolean).join(' · ') || '–';
}

function roles(list) {
  if (!list.length) return el('p', { class: 'none' }, 'No actors named.');
  return el('ul', { class: 'roles' }, list.map((r) => el('li', {}, el('strong', {}, r.actor), ` — ${r.role}`,
    r.type ? ` (${r.type})` : '', r.status ? ` · ${r.status}` : '')));
}

function perpetrators(list) {
  if (!list.length) return el('p', { class: 'none' }, 'No perpetrator named.');
  return el('ul', { class: 'perpetrators' },
    list.map((p) => el('li', {}, p.name, ' ', el('span', { class: `status status-${p.status}` }, p.status))));
}

function drawSmallMap(box, i) {
  if (smallMap) smallMap.remove();
  smallMap = null;
  if (i.latitude === null) { box.append(el('p', { class: 'none' }, 'Not placed.')); return; }
  smallMap = L.map(box, { zoomControl: true, attributionControl: false, maxZoom: 12 }).setView([i.latitude, i.longitude], 6);
  addBasemap(smallMap).then(() => {
    L.circleMarker([i.latitude, i.longitude], {
      radius: radiusOf(i.killed_best), color: '#333', weight: 1, fillColor: colourOf(i.event_type), fillOpacity: 0.85,
    }).addTo(smallMap);
  });
}

// One line per source: its killed figures over time (upper bound where a range was given).
function figureChart(reports) {
  const points = reports.filter((r) => r.killed_low !== null || r.killed_high !== null)
    .map((r) => ({ source: r.source || r.document, time: Date.parse(r.time || ''), value: r.killed_high ?? r.killed_low, r }))
    .filter((p) => !Number.isNaN(p.time));
  if (!points.length) return el('p', { class: 'none' }, 'No dated killed figures.');
  const [w, h, pad] = [560, 180, 36];
  const times = points.map((p) => p.time), top = Math.max(...points.map((p) => p.value), 1);
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (t) => pad + (t1 === t0 ? (w - 2 * pad) / 2 : ((t - t0) / (t1 - t0)) * (w - 2 * pad));
  const y = (v) => h - pad + 10 - (v / top) * (h - pad - 22);     // the top band holds the key
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'figure-chart', width: w, height: h });
  chart.append(svg('line', { x1: pad, y1: y(0), x2: w - pad, y2: y(0), class: 'axis-line' }));
  for (const [value, label] of [[0, '0'], [top, String(top)]]) {
    const t = svg('text', { x: pad - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' });
    t.textContent = label;
    chart.append(t);
  }
  // The toll as known over time, whoever gave it: the highest figure at each moment, dashed.
  const known = [...new Set(times)].sort((a, b) => a - b)
    .map((t) => [t, Math.max(...points.filter((p) => p.time === t).map((p) => p.value))]);
  if (known.length > 1) chart.append(svg('polyline', { points: known.map(([t, v]) => `${x(t)},${y(v)}`).join(' '), class: 'toll' }));
  const sources = [...new Set(points.map((p) => p.source))];
  let keyX = pad;
  sources.forEach((source, n) => {
    const colour = `hsl(${(n * 137) % 360} 65% 42%)`;
    const mine = points.filter((p) => p.source === source).sort((a, b) => a.time - b.time);
    chart.append(svg('polyline', { points: mine.map((p) => `${x(p.time)},${y(p.value)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }));
    for (const p of mine) {
      const dot = svg('circle', { cx: x(p.time), cy: y(p.value), r: 4, fill: colour });
      dot.append(svg('title'));
      dot.firstChild.textContent = `${source}: ${figureText(p.r)} (${p.r.time})`;
      chart.append(dot);
    }
    const key = svg('text', { x: keyX, y: 13, fill: colour, class: 'key' });
    key.textContent = `● ${source}`;
    chart.append(key);
    keyX += 14 + 6 * source.length;
  });
  for (const [t, anchor] of [[t0, 'start'], [t1, 'end']]) {
    const label = svg('text', { x: x(t), y: h - 4, 'text-anchor': t0 === t1 ? 'middle' : anchor, class: 'axis' });
    label.textContent = new Date(t).toISOString().slice(0, 16).replace('T', ' ').replace(' 00:00', '');
    chart.append(label);
    if (t0 === t1) break;
  }
  return chart;
}

const PREFIXES = /^(at least|at most|about|around|approximately|nearly|almost|over|more than|up to|some)$/i;

function amount(low, high, qualifier) {
  if (low === null && high === null) return null;
  const value = low === high || high === null ? low : low === null ? `up to ${high}` : `${low}–${high}`;
  if (!qualifier || qualifier === 'exact') return String(value);
  return PREFIXES.test(qualifier) ? `${qualifier} ${value}` : `${value} (${qualifier})`;
}

function figureText(r) {
  const killed = amount(r.killed_low, r.killed_high, r.killed_qualifier);
  const wounded = amount(r.wounded_low, r.wounded_high, r.wounded_qualifier);
  const others = Object.entries(r.other_figures || {}).map(([kind, f]) =>
    `${amount(f.low, f.high, f.qualifier)} ${(CATEGORIES[kind] || kind).toLowerCase()}`);
  return [killed && `${killed} killed`, wounded && `${wounded} wounded`, ...others].filter(Boolean).join(', ');
}

function figureTable(reports) {
  if (!reports.length) return null;
  return el('table', { class: 'figures' },
    el('thead', {}, el('tr', {}, ['When', 'Source', 'Figure', 'Document'].map((t) => el('th', {}, t)))),
    el('tbody', {}, reports.map((r) => el('tr', {},
      el('td', {}, r.time || '?'), el('td', {}, r.source || `(${r.document})`), el('td', {}, figureText(r)),
      el('td', {}, r.document)))));
}

function claims(list) {
  if (!list.length) return el('p', { class: 'none' }, 'No claims, denials or accusations.');
  return el('ol', { class: 'claims' }, list.map((c) => el('li', {},
    el('span', { class: 'when' }, c.time || '?'), ' ',
    el('span', { class: `kind kind-${c.kind}` }, c.kind), ' ',
    el('strong', {}, c.actor),
    c.against.length ? ` against ${c.against.join(', ')}` : '',
    c.speaker && c.speaker !== c.actor ? ` — said by ${c.speaker}` : '',
    c.channel ? ` — via ${c.channel}` : '',
    c.firmness && c.firmness !== 'firm' ? ` (${c.firmness})` : '',
    c.evidence.map((e) => el('blockquote', {}, e.text)))));
}

function sourceDocument(d, reports) {
  const url = safeUrl(d.url);
  const told = reports.filter((r) => r.document_id === d.id).map((r) => el('li', {},
    `${r.event_date || 'undated'} · ${r.sub_event_type || r.event_type} · ${r.location || 'unplaced'}`
    + (r.location_mention && r.location_mention !== r.location ? ` ("${r.location_mention}")` : '')
    + ` · killed ${r.killed_best ?? '–'}, wounded ${r.wounded_best ?? '–'}`
    + (r.perpetrators.length ? ` · ${r.perpetrators.map((p) => `${p.name} (${p.status})`).join(', ')}` : '')));
  return el('article', { class: 'source' },
    el('h4', {}, d.title || d.name),
    el('p', { class: 'meta' }, `${d.name} · published ${d.published || 'unknown'} · `,
      url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : (d.url || 'no URL')),
    told.length ? el('ul', { class: 'told' }, told) : el('p', { class: 'none' }, 'Only its claims concern this incident.'),
    renderSegments(d.segments));
}
