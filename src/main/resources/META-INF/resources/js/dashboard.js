// Weekly engagement dashboard. Every untrusted string (file names, errors, platform names) is
// put on the page with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { practice: '', from: '', to: '', platform: '', preset: 'last-12-weeks' };
let chart;

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Presets end with the last complete week (Monday to Sunday) before this one.
function presetRange(preset, today = new Date()) {
  const monday = new Date(today);
  monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
  const lastSunday = new Date(monday);
  lastSunday.setDate(monday.getDate() - 1);
  const weeksBack = (n) => { const d = new Date(monday); d.setDate(monday.getDate() - 7 * n); return d; };
  switch (preset) {
    case 'last-week': return [weeksBack(1), lastSunday];
    case 'last-4-weeks': return [weeksBack(4), lastSunday];
    case 'last-12-weeks': return [weeksBack(12), lastSunday];
    case 'quarter': return [new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1), today];
    default: return null;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' }, ...options });
  if (response.status === 401) { location.href = '/login.html'; throw new Error('signed out'); }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) { throw new Error(body?.detail || `${response.status} ${response.statusText}`); }
  return body;
}

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) { if (q.has(key)) state[key] = q.get(key); }
  if (q.has('from') || q.has('to')) { state.preset = q.get('preset') || ''; }
}

function writeUrl() {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) { if (value) q.set(key, value); }
  history.replaceState(null, '', `?${q}`);
}

function applyPreset() {
  const range = presetRange(state.preset);
  if (range) { [state.from, state.to] = range.map(isoDate); }
}

const number = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const fmt = (v) => (v === null || v === undefined ? '—' : number.format(v));

function tile(label, value, detail) {
  const div = document.createElement('div');
  div.className = 'tile';
  const l = document.createElement('div'); l.className = 'label'; l.textContent = label;
  const v = document.createElement('div'); v.className = 'value'; v.textContent = value;
  div.append(l, v);
  if (detail) { const d = document.createElement('div'); d.className = 'detail'; d.textContent = detail; div.append(d); }
  return div;
}

// "+12% vs previous period", or why there is no comparison.
function changeText(s, key) {
  const c = s.change?.[key];
  if (c === null || c === undefined) return 'no comparison';
  return `${c >= 0 ? '▲' : '▼'} ${percent.format(Math.abs(c))} vs previous period`;
}

const ratioText = (r) => (r.value === null ? '—' : percent.format(r.value));

function renderSummary(s) {
  $('tiles').replaceChildren(
    tile('Posts', fmt(s.posts), changeText(s, 'posts')),
    tile('Impressions', fmt(s.impressions), changeText(s, 'impressions')),
    tile('Reach (sum of posts)', fmt(s.reach), s.reach === null ? 'not reported by these platforms' : changeText(s, 'reach')),
    tile('Engagements', fmt(s.engagements), changeText(s, 'engagements')),
    tile('Engagement rate', ratioText(s.engagementRate),
      `${fmt(s.engagementRate.numerator)} / ${fmt(s.engagementRate.denominator)} · ${changeText(s, 'engagementRate')}`),
    tile('Link clicks', fmt(s.clicks), changeText(s, 'clicks')),
    tile('Social sessions', fmt(s.sessions), s.sessions === null ? 'no web analytics imported' : changeText(s, 'sessions')),
    tile('Conversions', fmt(s.conversions), s.conversions === null ? 'no web analytics imported' : changeText(s, 'conversions')),
    tile('Conversion rate', ratioText(s.conversionRate), changeText(s, 'conversionRate')),
    tile('Net new followers', fmt(s.followersGained), s.followersGained === null ? 'no follower data imported' : changeText(s, 'followersGained')),
  );
}

function renderWeekly(w) {
  const weeks = w.weeks;
  const platforms = [...new Set(weeks.flatMap((week) => Object.keys(week.byPlatform)))].sort();
  const hasPosts = weeks.some((week) => week.posts > 0);
  $('weekly-empty').hidden = hasPosts;
  $('weekly-chart').hidden = !hasPosts;
  if (!hasPosts) return;
  chart = chart || echarts.init($('weekly-chart'));
  chart.setOption({
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 60, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: weeks.map((week) => week.weekStart) },
    yAxis: [
      { type: 'value', name: 'Impressions' },
      { type: 'value', name: 'Engagement rate', axisLabel: { formatter: (v) => percent.format(v) } },
    ],
    series: [
      ...platforms.map((p) => ({
        name: `${p} impressions`, type: 'bar', stack: 'impressions',
        data: weeks.map((week) => week.byPlatform[p]?.impressions ?? 0),
      })),
      { name: 'Engagement rate', type: 'line', yAxisIndex: 1, data: weeks.map((week) => week.engagementRate.value) },
    ],
  }, true);
  chart.resize();
}

function renderRuns(runs) {
  const rows = runs.map((run) => {
    const tr = document.createElement('tr');
    const file = document.createElement('td');
    file.textContent = run.file;
    const notes = [...run.errors.map((e) => `line ${e.line ?? '-'}: ${e.message}`),
      ...run.warnings.map((e) => `warning${e.line ? ` (line ${e.line})` : ''}: ${e.message}`)];
    if (run.message) notes.unshift(run.message);
    if (notes.length) {
      const ul = document.createElement('ul'); ul.className = 'problems';
      for (const n of notes.slice(0, 10)) { const li = document.createElement('li'); li.textContent = n; ul.append(li); }
      file.append(ul);
    }
    const cells = [run.format ?? '—', run.status, run.rowsRead, run.rowsImported, run.rowsRejected,
      new Date(run.startedAt).toLocaleString()];
    tr.append(file, ...cells.map((c, i) => {
      const td = document.createElement('td');
      td.textContent = String(c);
      if (i === 1) td.className = `st-${run.status}`;
      return td;
    }));
    return tr;
  });
  $('runs').replaceChildren(...rows);
}

async function refresh() {
  writeUrl();
  if (!state.practice) { $('status').textContent = 'You have no practice yet. Ask an owner to give you access.'; return; }
  $('status').textContent = 'Loading…';
  const q = new URLSearchParams({ practice: state.practice, from: state.from, to: state.to });
  if (state.platform) q.set('platform', state.platform);
  try {
    const [summary, weekly, runs] = await Promise.all([
      api(`/api/metrics/summary?${q}`), api(`/api/metrics/weekly?${q}`),
      api(`/api/imports?practice=${encodeURIComponent(state.practice)}&limit=50`)]);
    renderSummary(summary);
    renderWeekly(weekly);
    renderRuns(runs);
    $('status').textContent = `${state.from} to ${state.to}`;
  } catch (e) {
    $('status').textContent = `Could not load: ${e.message}`;
  }
}

function upload(event) {
  event.preventDefault();
  const file = $('upload-file').files[0];
  if (!file) return;
  const body = new FormData();
  body.append('file', file);
  const xhr = new XMLHttpRequest();
  const progress = $('upload-progress');
  progress.hidden = false;
  progress.value = 0;
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = (100 * e.loaded) / e.total; };
  xhr.onload = () => {
    progress.hidden = true;
    let result;
    try { result = JSON.parse(xhr.responseText); } catch { result = { detail: xhr.statusText }; }
    const text = xhr.status === 200
      ? `${result.file}: ${result.status}, ${result.rowsImported} of ${result.rowsRead} rows imported, ${result.rowsRejected} rejected${result.message ? ` (${result.message})` : ''}`
      : `Upload failed: ${result.detail || xhr.status}`;
    $('upload-result').textContent = text;
    refresh();
  };
  xhr.onerror = () => { progress.hidden = true; $('upload-result').textContent = 'Upload failed: network error'; };
  xhr.open('POST', `/api/imports?practice=${encodeURIComponent(state.practice)}`);
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  xhr.send(body);
}

async function loadPlatforms() {
  const list = state.practice ? await api(`/api/metrics/platforms?practice=${encodeURIComponent(state.practice)}`) : [];
  $('platform').replaceChildren(new Option('all', ''), ...list.map((p) => new Option(p, p)));
  if (!list.includes(state.platform)) state.platform = '';
  $('platform').value = state.platform;
}

async function start() {
  readUrl();
  const me = await api('/api/me');
  $('username').textContent = me.username;
  $('practice').replaceChildren(...me.practices.map((p) => new Option(p.name, p.slug)));
  if (!me.practices.some((p) => p.slug === state.practice)) state.practice = me.practices[0]?.slug ?? '';
  $('practice').value = state.practice;
  if (state.preset || !state.from || !state.to) applyPreset();
  $('preset').value = state.preset;
  $('from').value = state.from;
  $('to').value = state.to;

  await loadPlatforms();
  $('practice').addEventListener('change', async (e) => { state.practice = e.target.value; state.platform = ''; await loadPlatforms(); refresh(); });
  $('platform').addEventListener('change', (e) => { state.platform = e.target.value; refresh(); });
  $('preset').addEventListener('change', (e) => {
    state.preset = e.target.value; applyPreset(); $('from').value = state.from; $('to').value = state.to; refresh();
  });
  for (const key of ['from', 'to']) {
    $(key).addEventListener('change', (e) => { state[key] = e.target.value; state.preset = ''; $('preset').value = ''; refresh(); });
  }
  $('upload').addEventListener('submit', upload);
  $('logout').addEventListener('click', async () => { await fetch('/api/logout', { method: 'POST' }); location.href = '/login.html'; });
  window.addEventListener('resize', () => chart?.resize());
  await refresh();
}

start().catch((e) => { $('status').textContent = `Could not start: ${e.message}`; });
