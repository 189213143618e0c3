// Paste a report: the extraction is shown and only stored when asked, with the token.
import { el, getJSON, legend, renderSegments } from './common.js';

export async function setUpPaste(root) {
  const form = root.querySelector('#paste-form');
  const result = root.querySelector('#paste-result');
  const info = await getJSON('/api/info').catch(() => ({ read_only: true, max_text: 1000000 }));
  if (info.read_only) {
    root.querySelector('#store-row').hidden = true;
    root.querySelector('#read-only-note').hidden = false;
  }
  form.elements.file.addEventListener('change', () => {
    const file = form.elements.file.files[0];
    if (!file) return;
    if (file.size > info.max_text) { result.replaceChildren(el('p', { class: 'error' }, 'That file is too large.')); return; }
    const reader = new FileReader();
    reader.onload = () => {
      form.elements.text.value = reader.result;
      form.elements.html.checked = /\.html?$/i.test(file.name);
    };
    reader.readAsText(file);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = form.elements.text.value;
    if (text.length > info.max_text) { result.replaceChildren(el('p', { class: 'error' }, 'That report is too long.')); return; }
    const body = {
      text,
      published: form.elements.published.value || null,
      title: form.elements.title.value || null,
      html: form.elements.html.checked ? true : null,
      store: !info.read_only && form.elements.store.checked,
    };
    const headers = { 'content-type': 'application/json' };
    if (body.store) headers.authorization = `Bearer ${form.elements.token.value}`;
    result.replaceChildren(el('p', {}, 'Extracting… (the first report loads the model)'));
    try {
      const answer = await getJSON('/api/extract', { method: 'POST', headers, body: JSON.stringify(body) });
      result.replaceChildren(...render(answer));
    } catch (error) {
      result.replaceChildren(el('p', { class: 'error' }, `Extraction failed: ${error.message}`));
    }
  });
}

function render(answer) {
  const doc = answer.document;
  const parts = [el('h3', {}, 'Extraction'),
    doc.notes.length ? el('ul', { class: 'notes' }, doc.notes.map((n) => el('li', {}, n))) : null];
  if (answer.stored) {
    parts.push(el('p', { class: 'stored' }, answer.stored.already_stored ? 'Already in the store. ' : 'Stored. ',
      answer.stored.incidents.length ? 'Incidents: ' : 'No corpus incident.',
      answer.stored.incidents.map((id) => [el('a', { href: `#/incident/${id}` }, `#${id}`), ' '])));
  }
  parts.push(el('h4', {}, `Incidents (${answer.incidents.length})`), incidentTable(answer.incidents));
  parts.push(el('h4', {}, `Casualty figures (${answer.casualty_reports.length})`),
    el('ul', {}, answer.casualty_reports.map((r) => el('li', {},
      `${r.killed ? `${span(r.killed)} killed` : ''}${r.killed && r.wounded ? ', ' : ''}${r.wounded ? `${span(r.wounded)} wounded` : ''}`,
      ` — ${r.source || 'no source named'}${r.time ? ` (${r.time})` : ''}`))));
  parts.push(el('h4', {}, `Claims (${answer.claims.length})`),
    el('ul', {}, answer.claims.map((c) => el('li', {}, el('span', { class: `kind kind-${c.kind}` }, c.kind), ' ',
      el('strong', {}, c.actor), c.against && c.against.length ? ` against ${c.against.join(', ')}` : '',
      c.speaker ? ` — said by ${c.speaker}` : ''))));
  parts.push(el('h4', {}, 'Text'), legend(), renderSegments(doc.segments));
  return parts.filter(Boolean);
}

function span(count) {
  const value = count.low === count.high || count.high === null ? count.low : `${count.low}–${count.high}`;
  return `${count.qualifier && count.qualifier !== 'exact' ? count.qualifier + ' ' : ''}${value}`;
}

function incidentTable(incidents) {
  if (!incidents.length) return el('p', { class: 'none' }, 'No incident found.');
  return el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Type', 'Place', 'Killed', 'Perpetrators'].map((t) => el('th', {}, t)))),
    el('tbody', {}, incidents.map((i) => el('tr', {},
      el('td', {}, i.date || '?'), el('td', {}, i.sub_event_type || i.event_type),
      el('td', {}, [i.location.name, i.location.country].filter(Boolean).join(', ') || 'unplaced'),
      el('td', {}, i.killed ? String(i.killed.best) : '–'),
      el('td', {}, i.perpetrators.map((p) => `${p.name} (${p.status})`).join(', ') || '–')))));
}
