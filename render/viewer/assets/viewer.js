// naqsha web viewer: district control slice by slice, incidents, and every claim one click from its source.
// Reads window.NAQSHA_DATA (data.js, written by `naqsha run`); loads nothing else. The view lives in the
// URL: #date=YYYY-MM-DD&district=AFxxxx.
(function () {
  'use strict';

  const D = window.NAQSHA_DATA;
  if (!D || !window.L) {
    document.body.textContent = 'naqsha viewer: ' + (window.L ? 'data.js' : 'leaflet.js') +
      ' is missing beside index.html; run `naqsha run` again to write the viewer.';
    return;
  }

  // Column positions by name: rows in data.js are arrays, named once in *_columns.
  const columns = (names) => Object.fromEntries(names.map((name, i) => [name, i]));
  const DC = columns(D.district_columns), PC = columns(D.province_columns), SC = columns(D.slice_columns);
  const IC = columns(D.incident_columns), HC = columns(D.history_columns), EC = columns(D.event_columns);
  const CC = columns(D.claim_columns), RC = columns(D.source_columns);
  const S = D.strings;
  const V = D.vocabulary;   // words sent as numbers: V.type[e[EC.type]]
  const palette = D.palette;
  const statusOf = Object.fromEntries(palette.statuses.map((s) => [s.code, s]));
  const NONE = palette.no_information.code;

  // ---- DOM helpers: text goes in as text, never as markup (quotes and names come from news reports).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'style') Object.assign(node.style, v);
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === '') continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  // ---- Map and geometry. Coordinates are integer global pixels at D.geometry.zoom.
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 3, maxZoom: 12, zoomControl: true });
  map.attributionControl.setPrefix('Leaflet'); // BSD-2-Clause: leaflet-copyright.txt beside this page
  const Z = D.geometry.zoom;
  const toLatLng = (x, y) => map.unproject([x, y], Z);

  const arcs = D.geometry.arcs.map((flat) => {
    const out = [];
    let x = 0, y = 0;
    for (let i = 0; i < flat.length; i += 2) {
      x = i === 0 ? flat[0] : x + flat[i];
      y = i === 0 ? flat[1] : y + flat[i + 1];
      out.push(toLatLng(x, y));
    }
    return out;
  });
  // The view first: Leaflet clips paths to the view, so layers cannot be added before it has one.
  const countryBounds = L.latLngBounds(arcs.flat());
  map.fitBounds(countryBounds, { padding: [20, 20] });

  function ring(refs) {
    const out = [];
    for (const ref of refs) {
      const pts = ref >= 0 ? arcs[ref] : arcs[~ref].slice().reverse();
      for (let i = out.length ? 1 : 0; i < pts.length; ++i) out.push(pts[i]);
    }
    return out;
  }

  const districts = D.districts.map((row, index) => ({
    index,
    pcode: row[DC.pcode],
    name: row[DC.name],
    province: D.provinces[row[DC.province]] ? D.provinces[row[DC.province]][PC.name] : '',
    label: toLatLng(row[DC.label_point][0], row[DC.label_point][1]),
    rings: row[DC.rings].map(ring),
    events: [],
    layer: null,
  }));
  const byPcode = Object.fromEntries(districts.map((d) => [d.pcode, d]));
  D.events.forEach((e, i) => {
    const d = districts[e[EC.district]];
    if (d) d.events.push(i);
  });
  // Newest first, as a reader looking at a date wants them; undated events last.
  const newestFirst = (a, b) => {
    const da = D.events[a][EC.date], db = D.events[b][EC.date];
    return da && db ? db.localeCompare(da) || a - b : (da ? -1 : db ? 1 : a - b);
  };
  for (const d of districts) d.events.sort(newestFirst);

  const border = palette.district_border;
  const districtLayer = L.featureGroup().addTo(map);
  for (const d of districts) {
    d.layer = L.polygon(d.rings, {
      className: 'district ' + d.pcode,
      color: border.colour, weight: Math.max(border.width, 0.5), opacity: 1,
      fillColor: '#ffffff', fillOpacity: 0, fillRule: 'evenodd', smoothFactor: 0,
    }).addTo(districtLayer);
    d.layer.on('click', () => selectDistrict(d.pcode, { fit: false }));
    d.layer.bindTooltip(() => d.name + ' (' + d.province + ')', { sticky: true, direction: 'top' });
  }
  // Province borders and incidents in panes above the districts, so that a selected (raised) district
  // never hides them; the panes let clicks through to the districts except on a circle.
  for (const [name, z] of [['borders', 410], ['incidents', 450]]) {
    const pane = map.createPane(name);
    pane.style.zIndex = z;
    pane.style.pointerEvents = 'none';
  }
  const provinceBorder = palette.province_border;
  const provinceArcs = arcs.filter((_, i) => D.geometry.province_arcs[i] === '1');
  L.polyline(provinceArcs, {
    color: provinceBorder.colour, weight: provinceBorder.width, opacity: 1, interactive: false, smoothFactor: 0,
    pane: 'borders',
  }).addTo(map);
  const incidentLayer = L.layerGroup().addTo(map);

  // ---- Attribution: the boundaries, and the publishers whose reports the events rest on.
  // Attribution is set as HTML by Leaflet: names from news reports are escaped first.
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const named = D.publishers.filter((p) => p[0]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const articles = D.publishers.reduce((sum, p) => sum + p[1], 0);
  const shown = named.slice(0, 6).map((p) => p[0] + ' (' + p[1] + ')');
  const others = named.length - shown.length;
  const unnamed = D.publishers.filter((p) => !p[0]).reduce((sum, p) => sum + p[1], 0);
  map.attributionControl.addAttribution(escape('Boundaries: ' + (D.boundaries || 'unknown')));
  map.attributionControl.addAttribution(escape('Reports: ' + articles + ' articles' +
    (shown.length ? ', from ' + shown.join(', ') + (others > 0 ? ' and ' + others + ' more publishers' : '') : '') +
    (unnamed && shown.length ? ', ' + unnamed + ' without a named publisher' : '') + ' | Map: naqsha'));

  // ---- Time slices.
  const slices = D.slices.map((row, i) => ({
    i, label: row[SC.label], start: row[SC.start], end: row[SC.end], date: row[SC.date],
    states: row[SC.states], incidents: row[SC.incidents],
  }));
  const slider = document.getElementById('slider');
  slider.max = String(Math.max(0, slices.length - 1));
  let current = -1;
  let painted = '';         // the state string now painted, to recolour only what changed
  let selected = null;      // the selected district
  let focusedEvent = -1;

  function fillOf(code) {
    const s = statusOf[code];
    return s ? { fillColor: s.fill, fillOpacity: 1 } : { fillColor: '#ffffff', fillOpacity: 0 };
  }

  function counts(states) {
    const out = {};
    for (const s of palette.statuses) out[s.code] = 0;
    out[NONE] = 0;
    for (let i = 0; i < states.length; ++i) out[states[i]] = (out[states[i]] || 0) + 1;
    return out;
  }

  function drawIncidents(slice) {
    incidentLayer.clearLayers();
    const style = palette.incident;
    const flat = slice.incidents, width = D.incident_columns.length, rows = [];
    for (let i = 0; i < flat.length; i += width) rows.push(flat.slice(i, i + width));
    // The largest first, so that small circles stay visible on top (as in the tiles).
    rows.sort((a, b) => b[IC.size_class] - a[IC.size_class]);
    for (const row of rows) {
      const event = row[IC.event];
      const point = D.points[row[IC.point]];
      const circle = L.circleMarker(toLatLng(point[0], point[1]), {
        radius: style.classes[row[IC.size_class]].radius, className: 'incident', pane: 'incidents',
        color: style.outline, weight: 1, opacity: 1, fillColor: style.fill, fillOpacity: style.fill_opacity,
      });
      circle.on('click', (ev) => {
        L.DomEvent.stopPropagation(ev);
        const d = districts[D.events[event][EC.district]];
        if (d) selectDistrict(d.pcode, { fit: false, event });
      });
      circle.bindTooltip(() => eventTitle(D.events[event]), { direction: 'top' });
      incidentLayer.addLayer(circle);
    }
  }

  function setSlice(i) {
    i = Math.max(0, Math.min(slices.length - 1, i));
    if (i === current || !slices.length) return;
    current = i;
    const slice = slices[i];
    const states = slice.states;
    for (let k = 0; k < districts.length; ++k) {
      if (states[k] !== painted[k]) districts[k].layer.setStyle(fillOf(states[k]));
    }
    painted = states;
    drawIncidents(slice);
    slider.value = String(i);
    document.getElementById('date').textContent = slice.date;
    document.getElementById('slice-label').textContent =
      (D.slice_unit ? D.slice_unit + ' ' : '') + slice.label + (slice.start ? ' (' + slice.start + ' to ' + slice.date + ')' : '');
    renderLegend(counts(states));
    if (selected) renderPanel();
    writeHash();
  }

  // ---- Legend, with the number of districts in each status at the slider's date.
  function renderLegend(n) {
    const legend = document.getElementById('legend');
    const rows = [el('h3', {}, 'District control')];
    for (const s of palette.statuses)
      rows.push(el('div', { class: 'row', 'data-status': s.value },
        el('span', { class: 'swatch', style: { background: s.fill } }), s.label, el('span', { class: 'count' }, n[s.code])));
    rows.push(el('div', { class: 'row', 'data-status': 'none' },
      el('span', { class: 'swatch' }), palette.no_information.label, el('span', { class: 'count' }, n[NONE])));
    rows.push(el('div', { class: 'row' },
      el('span', { class: 'line', style: { borderTopWidth: provinceBorder.width * 1.5 + 'px', borderColor: provinceBorder.colour } }),
      'Province border'));
    rows.push(el('h3', {}, 'Incidents in the slice'));
    for (const c of palette.incident.classes)
      rows.push(el('div', { class: 'row' },
        el('span', { class: 'disc-box' }, el('span', {
          class: 'disc',
          style: { width: 2 * c.radius + 'px', height: 2 * c.radius + 'px', background: palette.incident.fill, opacity: palette.incident.fill_opacity },
        })), c.label));
    legend.replaceChildren(...rows);
  }

  // ---- District panel: control history and events, each with every source and its quote.
  const typeLabel = (t) => t.replace(/_/g, ' ');
  // A figure: -1 unknown, a number all sources agree on, or [low, best, high].
  function range(r) {
    if (!Array.isArray(r)) return String(r);
    return r[0] === r[2] ? String(r[1]) : r[1] + ' (' + r[0] + '-' + r[2] + ')';
  }
  function eventTitle(e) {
    const when = e[EC.date_end] && e[EC.date_end] !== e[EC.date] ? e[EC.date] + ' to ' + e[EC.date_end] : (e[EC.date] || 'undated');
    const sub = V.sub_type[e[EC.sub_type]];
    return when + ': ' + typeLabel(V.type[e[EC.type]]) + (sub ? ' (' + typeLabel(sub) + ')' : '');
  }
  function eventNode(index) {
    const e = D.events[index];
    const figures = [];
    for (const field of ['killed', 'wounded', 'missing', 'captured'])
      if (e[EC[field]] !== -1) figures.push(field + ' ' + range(e[EC[field]]));
    const who = [V.actor[e[EC.perpetrator]], V.actor[e[EC.target]]].filter(Boolean).join(' against ');
    const control = V.control[e[EC.control]];
    const node = el('div', { class: 'event' + (index === focusedEvent ? ' focused' : ''), 'data-event': index },
      el('div', { class: 'head' }, eventTitle(e), e[EC.background] ? ' (recalled)' : ''),
      el('div', { class: 'figures' }, figures.length ? figures.join(', ') : 'no casualty figures',
        who ? '; ' + typeLabel(who) : '', control ? '; control: ' + control : ''),
      S[e[EC.reported_by]] ? el('div', { class: 'figures' }, 'Reported by ' + S[e[EC.reported_by]]) : null);
    const claims = e[EC.claims];
    if (claims.length)
      node.append(el('div', { class: 'claims' }, 'Figures claimed: ' + claims.map((c) =>
        V.field[c[CC.field]] + ' ' + (Array.isArray(c[CC.value]) ? c[CC.value][0] + '-' + c[CC.value][2] : c[CC.value]) +
        (S[c[CC.source]] ? ' (' + S[c[CC.source]] + (V.source_kind[c[CC.source_kind]] ? ', ' + V.source_kind[c[CC.source_kind]] : '') + ')' : '')).join('; ')));
    for (const s of e[EC.sources]) {
      const publisher = S[s[RC.publisher]];
      const title = publisher || 'Article ' + s[RC.article];
      // Only web addresses become links: a "javascript:" URL in an article's metadata must not run.
      const url = /^https?:\/\//i.test(s[RC.url]) ? s[RC.url] : '';
      const name = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title;
      node.append(el('div', { class: 'source', 'data-article': s[RC.article] }, el('span', { class: 'publisher' }, name),
        s[RC.published] ? ', published ' + s[RC.published] : '',
        publisher ? el('span', { class: 'sub' }, ' (article ' + s[RC.article] + ')') : null,
        S[s[RC.quote]] ? el('blockquote', {}, S[s[RC.quote]]) : null));
    }
    return node;
  }
  // Why a district had a status: the events behind it, or the baseline or override CSV's source.
  function basisText(h) {
    const n = h[HC.events].length;
    if (h[HC.basis] === 'event') return n === 1 ? 'from 1 event' : 'from ' + n + ' events';
    return h[HC.basis] + (h[HC.source] ? ': ' + h[HC.source] : '');
  }
  function renderPanel() {
    const d = selected;
    const panel = document.getElementById('panel');
    const body = document.getElementById('panel-body');
    const now = statusOf[slices[current] ? slices[current].states[d.index] : NONE];
    const history = D.history[d.index];
    const parts = [
      el('h2', {}, d.name),
      el('div', { class: 'sub' }, d.province + ' province, ' + d.pcode),
      el('p', {}, 'On ', el('b', {}, slices[current] ? slices[current].date : ''), ': ',
        now ? [el('span', { class: 'swatch', style: { background: now.fill } }), now.label] : palette.no_information.label),
      el('h3', {}, 'Control history'),
    ];
    if (!history.length) parts.push(el('p', { class: 'sub' }, 'No control information.'));
    else
      parts.push(el('table', { class: 'history' }, history.map((h) => {
        const s = statusOf[h[HC.status]];
        return el('tr', {}, el('td', {}, el('span', { class: 'swatch', style: { background: s ? s.fill : '#fff' } }), s ? s.label : h[HC.status]),
          el('td', {}, (h[HC.start] || '?') + ' to ' + (h[HC.end] || D.as_of + ' (map date)')),
          el('td', { class: 'sub' }, basisText(h)));
      })));
    parts.push(el('h3', {}, 'Events (' + d.events.length + ')'));
    if (!d.events.length) parts.push(el('p', { class: 'sub' }, 'No events reported in this district.'));
    parts.push(el('div', { class: 'events' }, d.events.map(eventNode)));
    body.replaceChildren(...parts);
    panel.hidden = false;
    const focused = body.querySelector('.event.focused');
    if (focused) focused.scrollIntoView({ block: 'nearest' });
  }
  function selectDistrict(pcode, opts) {
    const d = byPcode[pcode];
    if (selected && selected !== d) selected.layer.setStyle({ weight: Math.max(border.width, 0.5), color: border.colour });
    selected = d || null;
    focusedEvent = opts && opts.event !== undefined ? opts.event : -1;
    if (!d) {
      document.getElementById('panel').hidden = true;
      writeHash();
      return;
    }
    d.layer.setStyle({ weight: 3, color: '#000000' });
    d.layer.bringToFront();
    // A link names a place: jump there, with no animation to catch half-way.
    if (opts && opts.fit) map.fitBounds(d.layer.getBounds(), { padding: [60, 60], maxZoom: 9, animate: false });
    renderPanel();
    writeHash();
  }
  document.getElementById('close-panel').addEventListener('click', () => selectDistrict(null));

  // ---- The view in the URL.
  let restoring = false;
  function writeHash() {
    if (restoring || current < 0) return;
    const hash = '#date=' + slices[current].date + (selected ? '&district=' + selected.pcode : '');
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }
  // The slice showing a date: the one whose days hold it; before the first, the first; after, the last.
  function sliceFor(date) {
    for (const s of slices) if (date <= s.date) return s.i;
    return slices.length - 1;
  }
  function restoreFromHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const date = params.get('date');
    const district = params.get('district');
    restoring = true;
    setSlice(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? sliceFor(date) : (current < 0 ? slices.length - 1 : current));
    if (district && byPcode[district]) selectDistrict(district, { fit: true });
    else if (!district && selected) selectDistrict(null);
    restoring = false;
    writeHash();
  }
  window.addEventListener('hashchange', restoreFromHash);

  // ---- Slider and play button.
  slider.addEventListener('input', () => setSlice(Number(slider.value)));
  const play = document.getElementById('play');
  let timer = null;
  function stop() {
    clearInterval(timer);
    timer = null;
    play.classList.remove('playing');
    play.innerHTML = '&#9654;';
    play.setAttribute('aria-label', 'Play');
  }
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (current >= slices.length - 1) setSlice(0);
    play.classList.add('playing');
    play.innerHTML = '&#10074;&#10074;';
    play.setAttribute('aria-label', 'Pause');
    timer = setInterval(() => (current >= slices.length - 1 ? stop() : setSlice(current + 1)), 800);
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.target === slider) return;
    if (ev.key === 'ArrowLeft') setSlice(current - 1);
    if (ev.key === 'ArrowRight') setSlice(current + 1);
  });

  restoreFromHash();
  // For tests and benchmarks (tests/viewer, bench/viewer_bench.py): the map and the two moves a reader makes.
  window.naqshaViewer = {
    map, setSlice, selectDistrict, slices: () => slices.length,
    labelPoint: (pcode) => map.latLngToContainerPoint(byPcode[pcode].label),
    view: () => ({ slice: current, date: slices[current] ? slices[current].date : '', district: selected ? selected.pcode : '' }),
  };
  window.naqshaViewer.readyAt = performance.now(); // ms since navigation started: bench/viewer_bench.py
  document.body.dataset.ready = 'true';
})();
