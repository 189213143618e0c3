// The page's router: #/ the map, #/incident/ID a dossier, #/paste the paste form.
import { showDossier } from './dossier.js';
import { MapView } from './map.js';
import { setUpPaste } from './paste.js';

const views = {
  map: document.getElementById('view-map'),
  incident: document.getElementById('view-incident'),
  paste: document.getElementById('view-paste'),
};
const mapView = new MapView(views.map);

function route() {
  const hash = window.location.hash;
  const incident = hash.match(/^#\/incident\/(\d+)$/);
  const name = incident ? 'incident' : hash === '#/paste' ? 'paste' : 'map';
  for (const [key, view] of Object.entries(views)) view.hidden = key !== name;
  if (incident) showDossier(views.incident, incident[1]);
  if (name === 'map') mapView.show();
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
Promise.all([mapView.start(), setUpPaste(views.paste)])
  .then(() => { document.body.dataset.ready = 'true'; });
