// Panel renderers: one function per panel type of dashboards/*.json. Every untrusted string (post
// text, review text, author and file names) reaches the page through textContent, never as HTML.
'use strict';

const Pulse = {};

Pulse.number = new Intl.NumberFormat('en-US');
Pulse.percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
Pulse.fmt = (v) => (v === null || v === undefined ? '—' : Pulse.number.format(v));
Pulse.ratio = (r) => (!r || r.value === null || r.value === undefined ? '—' : Pulse.percent.format(r.value));

Pulse.el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

Pulse.api = async (path, options = {}) => {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
  const response = await fetch(path, { credentials: 'same-origin', ...options, headers });
  if (response.status === 401) { location.href = '/login.html'; throw new Error('signed out'); }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) { const e = new Error(body?.detail || `${response.status} ${response.statusText}`); e.status = response.status; throw e; }
  return body;
};

Pulse.empty = (text) => Pulse.el('p', { class: 'empty', text });

Pulse.table = (headers, rows, numeric = []) => {
  const head = Pulse.el('tr', {}, ...headers.map((h, i) => Pulse.el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '', text: h })));
  const body = rows.map((cells) => Pulse.el('tr', {}, ...cells.map((c, i) => {
    const td = Pulse.el('td', { class: numeric.includes(i) ? 'num' : '' });
    if (c instanceof Node) td.append(c); else td.textContent = c === null || c === undefined ? '—' : String(c);
    return td;
  })));
  return Pulse.el('table', {}, Pulse.el('thead', {}, head), Pulse.el('tbody', {}, ...body));
};

// "▲ 12% vs previous period", or why there is no comparison.
Pulse.changeText = (summary, key) => {
  const c = summary.change?.[key];
  if (c === null || c === undefined) return 'no comparison';
  return `${c >= 0 ? '▲' : '▼'} ${Pulse.percent.format(Math.abs(c))} vs previous period`;
};

Pulse.metricValue = (figures, key) => {
  const v = figures[key];
  return v !== null && typeof v === 'object' ? Pulse.ratio(v) : Pulse.fmt(v);
};

Pulse.chart = (container, option) => {
  const div = Pulse.el('div', { class: 'chart', role: 'img', 'aria-label': option.title?.text || 'chart' });
  container.append(div);
  const chart = echarts.init(div);
  chart.setOption({ aria: { enabled: true }, ...option });
  Pulse.charts.push(chart);
  return chart;
};
Pulse.charts = [];

const NO_POSTS = 'No posts in this period. Drop a platform export into the inbox or upload one on the Upload page.';

Pulse.renderers = {
  async kpis(panel, body, ctx) {
    const s = await ctx.summary();
    const labels = Object.fromEntries(ctx.definitions.map((d) => [d.key, d.label]));
    if (s.posts === 0 && s.sessions === null) { body.append(Pulse.empty(NO_POSTS)); }
    body.append(Pulse.el('div', { class: 'tiles' }, ...panel.metrics.map((key) => {
      const v = s[key];
      const detail = v && typeof v === 'object' && v.value !== undefined
        ? `${Pulse.fmt(v.numerator)} / ${Pulse.fmt(v.denominator)} · ${Pulse.changeText(s, key)}`
        : v === null ? 'not reported for this period' : Pulse.changeText(s, key);
      return Pulse.el('div', { class: 'tile', 'data-metric': key },
        Pulse.el('div', { class: 'label', text: labels[key] || key }),
        Pulse.el('div', { class: 'value', text: Pulse.metricValue(s, key) }),
        Pulse.el('div', { class: 'detail', text: detail }));
    })));
  },

  async comparison(panel, body, ctx) {
    const s = await ctx.summary();
    const labels = Object.fromEntries(ctx.definitions.map((d) => [d.key, d.label]));
    body.append(Pulse.table(['Metric', `${s.from} – ${s.to}`, `${s.previous.from} – ${s.previous.to}`, 'Change'],
      panel.metrics.map((k) => [labels[k] || k, Pulse.metricValue(s, k), Pulse.metricValue(s.previous, k),
        s.change[k] === null || s.change[k] === undefined ? '—' : `${s.change[k] >= 0 ? '+' : ''}${Pulse.percent.format(s.change[k])}`]),
      [1, 2, 3]));
  },

  async trend(panel, body, ctx) {
    const w = await ctx.weekly();
    const weeks = w.weeks;
    const platforms = [...new Set(weeks.flatMap((week) => Object.keys(week.byPlatform)))].sort();
    const has = weeks.some((week) => { const v = week[panel.metric]; return v !== null && v !== 0 && v?.value !== null && v?.value !== undefined ? true : typeof v === 'number' && v !== 0; });
    if (!has) { body.append(Pulse.empty(panel.metric === 'sessions' ? 'No web analytics for this period. Import a GA4 or UA export.' : panel.metric.startsWith('follower') ? 'No follower data for this period.' : NO_POSTS)); return; }
    const value = (f) => { const v = f?.[panel.metric]; return v && typeof v === 'object' ? v.value : v ?? null; };
    const series = panel.chart === 'stacked-bar'
      ? platforms.map((p) => ({ name: p, type: 'bar', stack: 'total', data: weeks.map((week) => value(week.byPlatform[p]) ?? 0) }))
      : [{ name: panel.title, type: panel.chart === 'line' ? 'line' : 'bar', data: weeks.map((week) => value(week)) }];
    const yAxis = [{ type: 'value' }];
    if (panel.line) {
      series.push({ name: panel.line, type: 'line', yAxisIndex: 1, data: weeks.map((week) => week[panel.line]?.value ?? null) });
      yAxis.push({ type: 'value', axisLabel: { formatter: (v) => Pulse.percent.format(v) } });
    }
    const breaks = (w.definitionBreaks || []).map((b) => ({ xAxis: weeks.find((week) => week.weekEnd >= b.firstDayAfter)?.weekStart, name: `${b.platform}: ${b.before} → ${b.after}` })).filter((b) => b.xAxis);
    if (breaks.length) series[0].markLine = { symbol: 'none', label: { formatter: '{b}' }, data: breaks };
    Pulse.chart(body, { title: { text: panel.title, show: false }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 60, right: panel.line ? 60 : 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: weeks.map((week) => week.weekStart) }, yAxis, series });
  },

  async 'top-posts'(panel, body, ctx) {
    const posts = await Pulse.api(`/api/posts?${ctx.query({ sort: panel.sort || 'engagementRate', limit: panel.limit || 10 })}`);
    if (!posts.length) { body.append(Pulse.empty(NO_POSTS)); return; }
    body.append(Pulse.table(['Post', 'Platform', 'Impressions', 'Engagements', 'Rate'], posts.map((p) => {
      const text = Pulse.el('div', { class: 'post-text', text: p.text || p.externalId });
      return [text, `${p.platform} · ${p.account}`, Pulse.fmt(p.impressions), Pulse.fmt(p.engagements), Pulse.ratio(p.engagementRate)];
    }), [2, 3, 4]));
  },

  async 'best-times'(panel, body, ctx) {
    const cells = await Pulse.api(`/api/metrics/best-times?${ctx.query()}`);
    if (!cells.length) { body.append(Pulse.empty(NO_POSTS)); return; }
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const data = cells.map((c) => [c.hour, c.weekday - 1, c.engagementRate.value ?? 0, c.posts]);
    Pulse.chart(body, { title: { text: 'Engagement rate by weekday and hour', show: false },
      tooltip: { formatter: (p) => `${days[p.value[1]]} ${p.value[0]}:00 — ${Pulse.percent.format(p.value[2])} over ${p.value[3]} post(s)` },
      grid: { left: 50, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => `${h}`) }, yAxis: { type: 'category', data: days },
      visualMap: { min: 0, max: Math.max(...data.map((d) => d[2]), 0.01), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${p.value[3]}` } }] });
    body.append(Pulse.el('p', { class: 'muted', text: 'Numbers in cells are post counts: a cell with one post says little.' }));
  },

  async accounts(panel, body, ctx) {
    const rows = await Pulse.api(`/api/metrics/accounts?${ctx.query()}`);
    if (!rows.length) { body.append(Pulse.empty(NO_POSTS)); return; }
    body.append(Pulse.table(['Clinician', 'Account', 'Posts', 'Impressions', 'Engagements', 'Rate', 'New followers'],
      rows.map((r) => [r.clinician || '—', `${r.platform} · ${r.account}`, Pulse.fmt(r.posts), Pulse.fmt(r.impressions),
        Pulse.fmt(r.engagements), Pulse.ratio(r.engagementRate), Pulse.fmt(r.followersGained)]), [2, 3, 4, 5, 6]));
  },

  async 'risk-overview'(panel, body, ctx) {
    let posts;
    try { posts = await Pulse.api(`/api/posts?${ctx.query({ sort: 'risk', limit: panel.limit || 10 })}`); } catch (e) {
      body.append(Pulse.empty(`Risk scores are not available: ${e.message}`)); return;
    }
    const risky = posts.filter((p) => p.risk && p.risk.score > 0);
    if (!risky.length) { body.append(Pulse.empty('No risky posts in this period.')); return; }
    body.append(Pulse.table(['Post', 'Risk', 'Findings'], risky.map((p) => [Pulse.highlight(p.text || '', p.risk.findings),
      Pulse.el('span', { class: `risk-${p.risk.level}`, text: `${p.risk.level} (${p.risk.score})` }),
      p.risk.findings.map((f) => f.category).filter((c, i, a) => a.indexOf(c) === i).join(', ')])));
  },

  async exports(panel, body, ctx) {
    const formats = panel.formats || ['csv', 'xlsx', 'pdf'];
    body.append(Pulse.el('div', { class: 'inline-form' }, ...formats.map((f) => Pulse.el('a', {
      class: 'button', href: `/api/reports/${encodeURIComponent(ctx.dashboard.id)}?${ctx.query({ format: f })}`, text: `Download ${f.toUpperCase()}` }))));
  },

  async 'reputation-summary'(panel, body, ctx) {
    let s;
    try { s = await Pulse.api(`/api/reputation/summary?${ctx.query({}, false)}`); } catch (e) {
      body.append(Pulse.empty(`Reputation figures are not available: ${e.message}`)); return;
    }
    if (!s.reviews) { body.append(Pulse.empty('No reviews in this period. Import a Google, Yelp, Trustpilot or generic review export.')); return; }
    body.append(Pulse.el('div', { class: 'tiles' },
      Pulse.el('div', { class: 'tile' }, Pulse.el('div', { class: 'label', text: 'Average rating' }), Pulse.el('div', { class: 'value', text: s.averageRating?.toFixed(2) ?? '—' })),
      Pulse.el('div', { class: 'tile' }, Pulse.el('div', { class: 'label', text: 'Reviews' }), Pulse.el('div', { class: 'value', text: Pulse.fmt(s.reviews) })),
      Pulse.el('div', { class: 'tile' }, Pulse.el('div', { class: 'label', text: 'Negative' }), Pulse.el('div', { class: 'value', text: Pulse.fmt(s.negative) })),
      Pulse.el('div', { class: 'tile' }, Pulse.el('div', { class: 'label', text: 'Response rate' }), Pulse.el('div', { class: 'value', text: Pulse.ratio(s.responseRate) })),
      Pulse.el('div', { class: 'tile' }, Pulse.el('div', { class: 'label', text: 'Median response time' }), Pulse.el('div', { class: 'value', text: s.medianResponseHours === null ? '—' : `${Pulse.fmt(Math.round(s.medianResponseHours))} h` }))));
    const dist = s.ratingDistribution || {};
    Pulse.chart(body, { title: { text: 'Rating distribution', show: false }, tooltip: {}, grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: ['1★', '2★', '3★', '4★', '5★'] }, yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [1, 2, 3, 4, 5].map((r) => dist[r] ?? 0) }] });
  },

  async reviews(panel, body, ctx) {
    const params = { ...(panel.filter || {}) };
    let reviews;
    try { reviews = await Pulse.api(`/api/reviews?${ctx.query(params, false)}`); } catch (e) {
      body.append(Pulse.empty(`Reviews are not available: ${e.message}`)); return;
    }
    if (panel.filter?.safety) reviews = reviews.filter((r) => r.safety);
    else reviews = reviews.filter((r) => r.negative || !r.replied);
    if (!reviews.length) { body.append(Pulse.empty('Nothing waiting here.')); return; }
    body.append(Pulse.table(['Review', 'Site', 'Rating', 'Sentiment', 'Replied'], reviews.map((r) => [
      Pulse.el('div', { class: 'post-text' }, Pulse.el('strong', { text: r.author || 'anonymous' }), Pulse.el('div', { text: r.text || '(rating only)' })),
      r.site, `${r.rating}★`, r.sentiment?.label ?? '—', r.replied ? 'yes' : 'no']), [2]));
  },

  async alerts(panel, body, ctx) {
    let alerts;
    try { alerts = await Pulse.api(`/api/alerts?${new URLSearchParams({ practice: ctx.state.practice, status: 'open' })}`); } catch (e) {
      body.append(Pulse.empty(`Alerts are not available: ${e.message}`)); return;
    }
    if (!alerts.length) { body.append(Pulse.empty('No open alerts.')); return; }
    body.append(Pulse.table(['Alert', 'Review', ''], alerts.map((a) => {
      const ack = Pulse.el('button', { type: 'button', text: 'Acknowledge' });
      ack.addEventListener('click', async () => { await Pulse.api(`/api/alerts/${a.id}/ack`, { method: 'POST' }); ack.replaceWith(Pulse.el('span', { text: 'acknowledged' })); });
      return [a.kind || 'negative', Pulse.el('div', { class: 'post-text', text: a.reviewText || a.summary || '' }), ctx.canAct ? ack : ''];
    })));
  },

  async 'reply-check'(panel, body) {
    const reply = Pulse.el('textarea', { id: `${panel.id}-reply`, 'aria-label': 'Reply text' });
    const result = Pulse.el('div', { 'aria-live': 'polite' });
    let timer;
    reply.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 400); });
    async function check() {
      if (!reply.value.trim()) { result.replaceChildren(); return; }
      const r = await Pulse.api('/api/reviews/reply-check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: reply.value }) });
      result.replaceChildren(Pulse.el('p', {}, 'Risk: ', Pulse.el('span', { class: `risk-${r.risk}`, text: r.risk })),
        ...r.findings.map((f) => Pulse.el('p', { class: 'finding', text: `${f.rule}: “${f.excerpt}” — ${f.explanation}` })),
        r.risk !== 'low' ? Pulse.el('p', { class: 'muted', text: `Safer: ${r.suggestedReply}` }) : null);
    }
    body.append(Pulse.el('label', { for: `${panel.id}-reply`, text: 'Your reply (checked as you type; copy it only when the risk is low)' }), reply, result);
  },

  async imports(panel, body, ctx) {
    const runs = await Pulse.api(`/api/imports?practice=${encodeURIComponent(ctx.state.practice)}&limit=${panel.limit || 30}`);
    if (!runs.length) { body.append(Pulse.empty('Nothing imported yet.')); return; }
    body.append(Pulse.table(['File', 'Format', 'Status', 'Read', 'Imported', 'Rejected', 'When'], runs.map((run) => {
      const file = Pulse.el('div', { class: 'post-text', text: run.file });
      const notes = [run.message, ...run.errors.map((e) => `line ${e.line ?? '-'}: ${e.message}`), ...run.warnings.map((w) => `warning: ${w.message}`)].filter(Boolean);
      if (notes.length) file.append(Pulse.el('ul', { class: 'problems' }, ...notes.slice(0, 8).map((n) => Pulse.el('li', { text: n }))));
      return [file, run.format ?? '—', Pulse.el('span', { class: `st-${run.status}`, text: run.status }), run.rowsRead, run.rowsImported, run.rowsRejected, new Date(run.startedAt).toLocaleString()];
    }), [3, 4, 5]));
  },
};

// The post text with each finding's excerpt marked.
Pulse.highlight = (text, findings) => {
  const div = Pulse.el('div', { class: 'post-text' });
  const spans = (findings || []).filter((f) => f.start >= 0 && f.end <= text.length).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    div.append(text.slice(at, f.start), Pulse.el('mark', { title: f.explanation || f.rule, text: text.slice(f.start, f.end) }));
    at = f.end;
  }
  div.append(text.slice(at));
  return div;
};
