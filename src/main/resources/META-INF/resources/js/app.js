// The page shell: who is signed in, the filters (all kept in the URL so a view can be shared),
// the navigation between dashboards and tools, and drawing the chosen view's panels.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { view: '', practice: '', preset: 'last-12-weeks', from: '', to: '', platform: '' };
let me;
let dashboards = [];
let definitions = [];

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

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) if (q.has(key)) state[key] = q.get(key);
  if ((q.has('from') || q.has('to')) && !q.has('preset')) state.preset = '';
}

function writeUrl() {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) q.set(key, value);
  history.replaceState(null, '', `?${q}`);
}

function applyPreset() {
  const range = presetRange(state.preset);
  if (range) [state.from, state.to] = range.map(isoDate);
  $('from').value = state.from;
  $('to').value = state.to;
}

const tools = () => [
  ...dashboards.map((d) => ({ id: d.id, title: d.title, dashboard: d })),
  ...(me.roles.includes('owner') ? [{ id: 'upload', title: 'Upload' }] : []),
  { id: 'draft', title: 'Check a draft' },
  ...(me.roles.includes('owner') ? [{ id: 'users', title: 'Users' }, { id: 'audit', title: 'Audit trail' }] : []),
];

function renderNav() {
  $('views').replaceChildren(...tools().map((t) => {
    const a = Pulse.el('a', { href: `?view=${t.id}`, text: t.title, 'data-view': t.id });
    if (t.id === state.view) a.setAttribute('aria-current', 'page');
    a.addEventListener('click', (e) => { e.preventDefault(); state.view = t.id; show(); });
    return a;
  }));
}

function context(dashboard) {
  const cache = {};
  const ctx = {
    state, dashboard, definitions,
    canAct: me.roles.includes('owner') || me.roles.includes('reputation'),
    zone: me.practices.find((p) => p.slug === state.practice)?.timeZone,
    query(extra = {}, withPlatform = true) {
      const q = new URLSearchParams({ practice: state.practice, from: state.from, to: state.to });
      if (withPlatform && state.platform) q.set('platform', state.platform);
      for (const [k, v] of Object.entries(extra)) q.set(k, v);
      return q.toString();
    },
    summary: () => (cache.summary ??= Pulse.api(`/api/metrics/summary?${ctx.query()}`)),
    weekly: () => (cache.weekly ??= Pulse.api(`/api/metrics/weekly?${ctx.query()}`)),
  };
  return ctx;
}

async function drawPanels(panels, dashboard) {
  Pulse.charts.forEach((c) => c.dispose());
  Pulse.charts = [];
  const ctx = context(dashboard);
  const sections = panels.map((panel) => {
    const body = Pulse.el('div', { class: 'panel-body' }, Pulse.el('p', { class: 'loading', text: 'Loading…' }));
    const section = Pulse.el('section', { class: `panel size-${panel.size || 'full'}`, 'data-panel': panel.id, 'aria-busy': 'true' },
      Pulse.el('h3', { text: panel.title }), body);
    return { panel, section, body };
  });
  $('panels').replaceChildren(...sections.map((s) => s.section));
  await Promise.all(sections.map(async ({ panel, section, body }) => {
    const content = Pulse.el('div');
    try {
      await Pulse.renderers[panel.type](panel, content, ctx);
    } catch (e) {
      content.replaceChildren(Pulse.el('p', { class: 'error', text: `Could not load: ${e.message}` }));
    }
    body.replaceChildren(...content.childNodes);
    section.setAttribute('aria-busy', 'false');
    Pulse.charts.forEach((c) => c.resize());
  }));
}

async function show() {
  writeUrl();
  renderNav();
  const tool = tools().find((t) => t.id === state.view) || tools()[0];
  state.view = tool.id;
  writeUrl();
  renderNav();
  $('view-title').textContent = tool.title;
  $('view-description').textContent = tool.dashboard?.description || '';
  if (!state.practice) { $('status').textContent = 'You have no practice yet: ask an owner to give you access.'; return; }
  $('status').textContent = 'Loading…';
  try {
    if (tool.dashboard) await drawPanels(tool.dashboard.panels, tool.dashboard);
    else await Pulse.tools[tool.id]();
    $('status').textContent = `${state.from} to ${state.to}`;
  } catch (e) {
    $('status').textContent = `Could not load: ${e.message}`;
  }
}

async function loadPlatforms() {
  const list = await Pulse.api(`/api/metrics/platforms?practice=${encodeURIComponent(state.practice)}`).catch(() => []);
  $('platform').replaceChildren(new Option('all', ''), ...list.map((p) => new Option(p, p)));
  if (!list.includes(state.platform)) state.platform = '';
  $('platform').value = state.platform;
}

async function start() {
  readUrl();
  [me, dashboards, definitions] = await Promise.all([Pulse.api('/api/me'), Pulse.api('/api/dashboards'),
    Pulse.api('/api/metrics/definitions').then((d) => d.metrics).catch(() => [])]);
  $('username').textContent = me.username;
  $('practice').replaceChildren(...me.practices.map((p) => new Option(p.name, p.slug)));
  if (!me.practices.some((p) => p.slug === state.practice)) state.practice = me.practices[0]?.slug ?? '';
  $('practice').value = state.practice;
  if (state.preset || !state.from || !state.to) applyPreset();
  $('preset').value = state.preset;
  $('from').value = state.from;
  $('to').value = state.to;
  await loadPlatforms();

  $('practice').addEventListener('change', async (e) => { state.practice = e.target.value; state.platform = ''; await loadPlatforms(); show(); });
  $('platform').addEventListener('change', (e) => { state.platform = e.target.value; show(); });
  $('preset').addEventListener('change', (e) => { state.preset = e.target.value; applyPreset(); show(); });
  for (const key of ['from', 'to']) {
    $(key).addEventListener('change', (e) => { state[key] = e.target.value; state.preset = ''; $('preset').value = ''; show(); });
  }
  $('logout').addEventListener('click', async () => {
    await fetch('/api/logout', { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    location.href = '/login.html';
  });
  window.addEventListener('resize', () => Pulse.charts.forEach((c) => c.resize()));
  await show();
}

// The tools that are not dashboards.
Pulse.tools = {
  async upload() {
    const file = Pulse.el('input', { id: 'upload-file', type: 'file', required: 'required' });
    const progress = Pulse.el('progress', { id: 'upload-progress', max: '100', value: '0', hidden: 'hidden' });
    const result = Pulse.el('div', { id: 'upload-result', 'aria-live': 'polite' });
    const form = Pulse.el('form', { class: 'inline-form', id: 'upload' },
      Pulse.el('label', { for: 'upload-file', text: 'Export file (CSV, JSON, XLS/XLSX or zip)' }), file,
      Pulse.el('button', { type: 'submit', text: 'Import' }), progress);
    const runs = Pulse.el('div');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!file.files[0]) return;
      const body = new FormData();
      body.append('file', file.files[0]);
      const xhr = new XMLHttpRequest();
      progress.hidden = false;
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = (100 * e.loaded) / e.total; };
      xhr.onload = async () => {
        progress.hidden = true;
        let r;
        try { r = JSON.parse(xhr.responseText); } catch { r = { detail: xhr.statusText }; }
        if (xhr.status === 200) {
          result.replaceChildren(Pulse.el('p', { text: `${r.file}: ${r.status} — ${r.rowsImported} of ${r.rowsRead} rows imported, ${r.rowsRejected} rejected${r.message ? ` (${r.message})` : ''}` }),
            Pulse.el('ul', { class: 'problems' }, ...r.errors.map((e) => Pulse.el('li', { text: `line ${e.line ?? '-'}: ${e.message}` }))));
        } else {
          result.replaceChildren(Pulse.el('p', { class: 'error', text: `Upload failed: ${r.detail || xhr.status}` }));
        }
        await refreshRuns();
      };
      xhr.onerror = () => { progress.hidden = true; result.textContent = 'Upload failed: network error'; };
      xhr.open('POST', `/api/imports?practice=${encodeURIComponent(state.practice)}`);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.send(body);
    });
    async function refreshRuns() {
      const content = Pulse.el('div');
      await Pulse.renderers.imports({ limit: 30 }, content, context(null));
      runs.replaceChildren(...content.childNodes);
    }
    const templates = Pulse.el('p', { class: 'muted' }, 'No export for a platform? Use a template: ',
      ...['posts.csv', 'accounts.csv', 'traffic.csv'].flatMap((t) => [Pulse.el('a', { href: `/api/imports/templates/${t}`, text: t }), ' ']));
    $('panels').replaceChildren(Pulse.el('section', { class: 'panel size-full', 'data-panel': 'upload' }, form, result, templates),
      Pulse.el('section', { class: 'panel size-full', 'data-panel': 'imports' }, Pulse.el('h3', { text: 'Imports' }), runs));
    await refreshRuns();
  },

  async draft() {
    const text = Pulse.el('textarea', { id: 'draft-text', 'aria-label': 'Draft post' });
    const result = Pulse.el('div', { id: 'draft-result', 'aria-live': 'polite' });
    const button = Pulse.el('button', { type: 'button', id: 'draft-check', text: 'Check' });
    button.addEventListener('click', async () => {
      try {
        const r = await Pulse.api('/api/risk/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: text.value }) });
        result.replaceChildren(Pulse.el('p', {}, 'Risk: ', Pulse.el('span', { class: `risk-${r.level}`, text: `${r.level} (${r.score}/100)` })),
          Pulse.highlight(text.value, r.findings),
          ...r.findings.map((f) => Pulse.el('p', { class: 'finding', text: `${f.category} · ${f.rule}: ${f.explanation} ${f.guidance || ''}` })));
      } catch (e) { result.replaceChildren(Pulse.el('p', { class: 'error', text: `Could not check: ${e.message}` })); }
    });
    $('panels').replaceChildren(Pulse.el('section', { class: 'panel size-full', 'data-panel': 'draft' },
      Pulse.el('label', { for: 'draft-text', text: 'Paste a post before you publish it' }), text, button, result));
  },

  async users() {
    const list = Pulse.el('div');
    const form = Pulse.el('form', { class: 'inline-form', id: 'new-user' },
      Pulse.el('label', {}, 'Username', Pulse.el('input', { name: 'username', required: 'required' })),
      Pulse.el('label', {}, 'Password (12+ characters)', Pulse.el('input', { name: 'password', type: 'password', required: 'required', minlength: '12' })),
      Pulse.el('label', {}, 'Role', Pulse.el('select', { name: 'role' }, new Option('reputation', 'reputation'), new Option('leadership', 'leadership'), new Option('owner', 'owner'))),
      Pulse.el('button', { type: 'submit', text: 'Add user' }));
    const message = Pulse.el('p', { 'aria-live': 'polite' });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        await Pulse.api('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: data.get('username'), password: data.get('password'), roles: [data.get('role')], practices: [state.practice] }) });
        message.textContent = `${data.get('username')} added.`;
        form.reset();
        await refresh();
      } catch (err) { message.textContent = `Could not add: ${err.message}`; }
    });
    async function refresh() {
      const users = await Pulse.api('/api/users');
      list.replaceChildren(Pulse.table(['User', 'Roles', 'Practices', 'Status', ''], users.map((u) => {
        const toggle = Pulse.el('button', { type: 'button', text: u.disabled ? 'Enable' : 'Disable' });
        toggle.addEventListener('click', async () => {
          try { await Pulse.api(`/api/users/${encodeURIComponent(u.username)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ disabled: !u.disabled }) }); await refresh(); } catch (err) { message.textContent = err.message; }
        });
        return [u.username, u.roles.join(', '), u.practices.join(', '), u.disabled ? 'disabled' : 'active', u.username === me.username ? '' : toggle];
      })));
    }
    $('panels').replaceChildren(Pulse.el('section', { class: 'panel size-full', 'data-panel': 'users' }, form, message, list));
    await refresh();
  },

  async audit() {
    const entries = await Pulse.api(`/api/audit?${new URLSearchParams({ practice: state.practice, from: state.from, to: state.to })}`);
    $('panels').replaceChildren(Pulse.el('section', { class: 'panel size-full', 'data-panel': 'audit' },
      entries.length ? Pulse.table(['When', 'Who', 'What', 'On', 'Detail', 'From'], entries.map((e) => [new Date(e.at).toLocaleString(), e.actor, e.action, e.target, e.detail, e.remote]))
        : Pulse.empty('Nothing recorded in this period.')));
  },
};

start().catch((e) => { $('status').textContent = `Could not start: ${e.message}`; });
