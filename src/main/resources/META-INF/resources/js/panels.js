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

// "18 h", or "2.5 days" beyond two days.
Pulse.hours = (h) => (h >= 48 ? `${(h / 24).toFixed(1)} days` : `${Pulse.number.format(Math.round(h))} h`);
// A date as "Nov 2, 2026" in the practice's time zone.
Pulse.date = (iso, zone) => {
  if (!iso) return '';
  try { return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: zone || undefined }).format(new Date(iso)); } catch { return iso.slice(0, 10); }
};

Pulse.empty = (text) => Pulse.el('p', { class: 'empty', text });

Pulse.table = (headers, rows, numeric = []) => {
  const head = Pulse.el('tr', {}, ...headers.map((h, i) => Pulse.el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '', text: h })));
  const body = rows.map((cells) => Pulse.el('tr', {}, ...cells.map((c, i) => {
    const td = Pulse.el('td', { class: numeric.includes(i) ? 'num' : '' });
    if (c instanceof Node) td.append(c); else td.textContent = c === null || c === undefined ? '—' : String(c);
    return td;
  })));
  // The wrapper scrolls sideways on a narrow screen instead of pushing the page wider than the window.
  return Pulse.el('div', { class: 'table-wrap' }, Pulse.el('table', {}, Pulse.el('thead', {}, head), Pulse.el('tbody', {}, ...body)));
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
    const labels = Object.fromEntries(ctx.definitions.map((d) => [d.key, d.label]));
    const label = (key) => labels[key] || key;
    const value = (f) => { const v = f?.[panel.metric]; return v && typeof v === 'object' ? v.value : v ?? null; };
    const series = panel.chart === 'stacked-bar'
      ? platforms.map((p) => ({ name: p, type: 'bar', stack: 'total', data: weeks.map((week) => value(week.byPlatform[p]) ?? 0) }))
      : [{ name: label(panel.metric), type: panel.chart === 'line' ? 'line' : 'bar', data: weeks.map((week) => value(week)) }];
    const yAxis = [{ type: 'value' }];
    if (panel.line) {
      series.push({ name: label(panel.line), type: 'line', yAxisIndex: 1, data: weeks.map((week) => week[panel.line]?.value ?? null) });
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
    body.append(Pulse.table(['Post', 'Impressions', 'Engagements', 'Rate'], posts.map((p) => {
      const text = Pulse.el('div', { class: 'post' }, Pulse.el('div', { class: 'post-text', text: p.text || p.externalId }),
        Pulse.el('div', { class: 'post-meta', text: `${p.platform} · ${p.account}${p.publishedAt ? ` · ${Pulse.date(p.publishedAt, ctx.zone)}` : ''}` }));
      return [text, Pulse.fmt(p.impressions), Pulse.fmt(p.engagements), Pulse.ratio(p.engagementRate)];
    }), [1, 2, 3]));
  },

  async 'best-times'(panel, body, ctx) {
    const cells = await Pulse.api(`/api/metrics/best-times?${ctx.query()}`);
    if (!cells.length) { body.append(Pulse.empty(NO_POSTS)); return; }
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const data = cells.map((c) => [c.hour, c.weekday - 1, c.engagementRate.value ?? 0, c.posts]);
    Pulse.chart(body, { title: { text: 'Engagement rate by weekday and hour', show: false },
      tooltip: { formatter: (p) => `${days[p.value[1]]} ${p.value[0]}:00 — ${Pulse.percent.format(p.value[2])} over ${p.value[3]} post(s)` },
      grid: { left: 50, right: 20, top: 10, bottom: 95 },
      xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => `${h}`) }, yAxis: { type: 'category', data: days },
      visualMap: { dimension: 2, min: 0, max: Math.max(...data.map((d) => d[2]), 0.01), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        formatter: (v) => Pulse.percent.format(v), text: ['higher engagement rate', 'lower'] },
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
    const tile = (key, label, value, detail) => Pulse.el('div', { class: 'tile', 'data-metric': key },
      Pulse.el('div', { class: 'label', text: label }), Pulse.el('div', { class: 'value', text: value }),
      detail ? Pulse.el('div', { class: 'detail', text: detail }) : null);
    const rate = s.responseRate || {};
    body.append(Pulse.el('div', { class: 'tiles' },
      tile('averageRating', 'Average rating', s.averageRating === null ? '—' : `${s.averageRating.toFixed(2)} ★`, `${Pulse.fmt(s.reviews)} reviews with a rating or text`),
      tile('negative', 'Negative reviews', Pulse.fmt(s.negative), s.safety ? `${Pulse.fmt(s.safety)} safety-flagged` : 'none safety-flagged'),
      tile('responseRate', 'Response rate', Pulse.ratio(rate), `${Pulse.fmt(rate.numerator)} of ${Pulse.fmt(rate.denominator)} answered`),
      tile('medianResponseHours', 'Median response time', s.medianResponseHours === null ? '—' : Pulse.hours(s.medianResponseHours), 'review to first reply'),
      tile('netSentiment', 'Net sentiment', s.netSentiment === null ? '—' : Pulse.percent.format(s.netSentiment), 'positive minus negative, of all')));
    const dist = s.ratingDistribution || {};
    const rated = [1, 2, 3, 4, 5].reduce((n, r) => n + (dist[r] ?? 0), 0);
    const bars = Pulse.el('div', { class: 'distribution', role: 'table', 'aria-label': 'Rating distribution' },
      ...[5, 4, 3, 2, 1].map((r) => {
        const n = dist[r] ?? 0;
        const share = rated ? n / rated : 0;
        const fill = Pulse.el('span', { class: `bar-fill rating-${r}` });
        fill.style.width = `${(100 * share).toFixed(1)}%`;
        return Pulse.el('div', { class: 'bar-row', role: 'row', 'data-rating': String(r) },
          Pulse.el('span', { class: 'bar-label', role: 'rowheader', text: `${r} ★` }),
          Pulse.el('span', { class: 'bar', role: 'cell', 'aria-hidden': 'true' }, fill),
          Pulse.el('span', { class: 'count num', role: 'cell', text: Pulse.fmt(n) }),
          Pulse.el('span', { class: 'share num muted', role: 'cell', text: Pulse.percent.format(share) }));
      }));
    const sites = Pulse.table(['Site', 'Reviews', 'Average', 'Negative', 'Response rate', 'Median response'], (s.bySite || []).map((b) => [
      b.site, Pulse.fmt(b.reviews), b.averageRating === null ? '—' : b.averageRating.toFixed(2), Pulse.fmt(b.negative), Pulse.ratio(b.responseRate),
      b.medianResponseHours === null ? '—' : Pulse.hours(b.medianResponseHours)]), [1, 2, 3, 4, 5]);
    sites.classList.add('by-site');
    body.append(Pulse.el('div', { class: 'split' },
      Pulse.el('div', {}, Pulse.el('h4', { text: 'Rating distribution' }), bars),
      Pulse.el('div', {}, Pulse.el('h4', { text: 'By site' }), sites)));
  },

  // panel.filter: API filters (site, maxRating, sentiment, unanswered), plus "attention" (negative or
  // unanswered) and "safety" (safety-flagged) applied here; panel.filters: the filter controls shown.
  async reviews(panel, body, ctx) {
    const { attention, safety, ...fixed } = panel.filter || {};
    const chosen = {};
    const canReply = (ctx.dashboard?.panels || []).some((p) => p.type === 'reply-check');
    const list = Pulse.el('div', { class: 'review-list' });
    const count = Pulse.el('p', { class: 'muted count-line', 'aria-live': 'polite' });
    const load = async () => {
      let reviews;
      try { reviews = await Pulse.api(`/api/reviews?${ctx.query({ ...fixed, ...chosen }, false)}`); } catch (e) {
        list.replaceChildren(Pulse.empty(`Reviews are not available: ${e.message}`)); count.textContent = ''; return null;
      }
      if (safety === 'true') reviews = reviews.filter((r) => r.safety);
      if (attention === 'true') reviews = reviews.filter((r) => r.negative || !r.replied);
      count.textContent = reviews.length ? `${Pulse.fmt(reviews.length)} review${reviews.length === 1 ? '' : 's'}, newest first` : '';
      if (!reviews.length) { list.replaceChildren(Pulse.empty(Object.keys(chosen).length ? 'No review matches these filters.' : 'Nothing waiting here.')); return reviews; }
      list.replaceChildren(Pulse.table(['Review', 'Site', 'Rating', 'Reply'], reviews.map((r) => {
        const text = Pulse.el('div', { class: 'review' },
          Pulse.el('div', { class: 'review-head' }, Pulse.el('strong', { text: r.author || 'anonymous' }), ' · ', Pulse.date(r.createdAt, ctx.zone)),
          r.title ? Pulse.el('div', { class: 'review-title', text: r.title }) : null,
          Pulse.el('div', { class: 'post-text', text: r.text || '(rating only)' }),
          r.safety ? Pulse.el('div', { class: 'flag', text: `safety: ${(r.safetyReasons || []).join(', ') || 'flagged'}` }) : null);
        const reply = r.replied
          ? Pulse.el('span', { class: r.replyRisk && r.replyRisk !== 'low' ? `risk-${r.replyRisk}` : 'ok', text: r.replyRisk && r.replyRisk !== 'low' ? `answered · ${r.replyRisk} risk` : 'answered' })
          : Pulse.el('span', { class: 'pending', text: 'unanswered' });
        const answer = ctx.canAct && canReply ? Pulse.el('button', { type: 'button', class: 'secondary', text: 'Draft reply', onclick: () => ctx.replyTo?.(r) }) : null;
        const rating = Pulse.el('div', { class: 'rating' }, Pulse.el('span', { class: `stars rating-${r.rating ?? 0}`, text: r.rating ? `${r.rating} ★` : '—' }),
          Pulse.el('div', { class: `sentiment sentiment-${r.sentiment?.label ?? 'none'}`, text: r.sentiment?.label ?? '' }));
        return [text, r.site, rating, Pulse.el('div', { class: 'reply-cell' }, reply, answer)];
      }), [2]));
      return reviews;
    };
    const first = await load();
    const controls = (panel.filters || []).map((name) => {
      const id = `${panel.id}-${name}`;
      let options;
      if (name === 'site') options = [...new Set((first || []).map((r) => r.site))].sort().map((v) => [v, v]);
      else if (name === 'maxRating') options = [1, 2, 3, 4].map((n) => [String(n), `${n} ★ or less`]);
      else if (name === 'sentiment') options = ['negative', 'neutral', 'positive'].map((v) => [v, v]);
      else return null;
      const select = Pulse.el('select', { id, 'data-filter': name }, new Option('all', ''), ...options.map(([v, t]) => new Option(t, v)));
      select.addEventListener('change', async () => { if (select.value) chosen[name] = select.value; else delete chosen[name]; await load(); });
      return Pulse.el('label', { for: id, text: `${{ site: 'Site', maxRating: 'Rating', sentiment: 'Sentiment' }[name]} ` }, select);
    }).filter(Boolean);
    if (controls.length) body.append(Pulse.el('div', { class: 'inline-form panel-filters', role: 'group', 'aria-label': 'Review filters' }, ...controls));
    body.append(count, list);
  },

  async alerts(panel, body, ctx) {
    let alerts;
    try { alerts = await Pulse.api(`/api/alerts?${new URLSearchParams({ practice: ctx.state.practice, status: 'open' })}`); } catch (e) {
      body.append(Pulse.empty(`Alerts are not available: ${e.message}`)); return;
    }
    if (!alerts.length) { body.append(Pulse.empty('No open alerts.')); return; }
    const note = Pulse.el('p', { class: 'muted', 'aria-live': 'polite', text: `${alerts.length} open` });
    let open = alerts.length;
    body.append(note, Pulse.table(['Alert', 'Review', ''], alerts.map((a) => {
      const r = a.review || {};
      const kind = Pulse.el('span', { class: `alert-kind kind-${a.kind}`, text: a.kind === 'safety' ? 'safety' : 'negative' });
      const review = Pulse.el('div', { class: 'review' },
        Pulse.el('div', { class: 'review-head' }, Pulse.el('strong', { text: r.author || 'anonymous' }), ` · ${r.site || ''} · ${r.rating ? `${r.rating} ★ · ` : ''}`, Pulse.date(r.createdAt, ctx.zone)),
        Pulse.el('div', { class: 'post-text', text: r.text || r.title || '(rating only)' }));
      let action = '';
      if (ctx.canAct) {
        action = Pulse.el('button', { type: 'button', class: 'secondary', 'data-alert': String(a.id), text: 'Acknowledge' });
        action.addEventListener('click', async () => {
          action.disabled = true;
          try {
            const done = await Pulse.api(`/api/alerts/${a.id}/ack`, { method: 'POST' });
            const row = action.closest('tr');
            row.classList.add('acknowledged');
            action.replaceWith(Pulse.el('span', { class: 'ok', text: `acknowledged${done.acknowledgedBy ? ` by ${done.acknowledgedBy}` : ''}` }));
            open -= 1;
            note.textContent = open ? `${open} open` : 'All alerts acknowledged.';
          } catch (e) { action.disabled = false; note.textContent = `Could not acknowledge: ${e.message}`; }
        });
      }
      return [kind, review, action];
    })));
  },

  async 'reply-check'(panel, body, ctx) {
    const reply = Pulse.el('textarea', { id: `${panel.id}-reply`, 'aria-label': 'Reply text', placeholder: 'Thank you for your feedback…' });
    const about = Pulse.el('p', { class: 'muted', id: `${panel.id}-about`, text: 'Replying in general. Use “Draft reply” on a review to check against that review too.' });
    const result = Pulse.el('div', { id: `${panel.id}-result`, class: 'reply-result', 'aria-live': 'polite' });
    let review = null;
    let timer;
    let asked = 0;
    reply.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 400); });
    async function check() {
      const n = ++asked;
      if (!reply.value.trim()) { result.replaceChildren(); return; }
      let r;
      try {
        r = await Pulse.api('/api/reviews/reply-check', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: reply.value, reviewText: review?.text ?? null, reviewerName: review?.author ?? null }) });
      } catch (e) { result.replaceChildren(Pulse.el('p', { class: 'error', text: `Could not check: ${e.message}` })); return; }
      if (n !== asked) return; // a newer check is on its way
      result.setAttribute('data-risk', r.risk);
      result.replaceChildren(Pulse.el('p', { class: 'verdict' }, 'Risk: ', Pulse.el('span', { class: `risk-${r.risk}`, text: r.risk }),
          r.risk === 'low' ? ' — nothing that identifies the patient was found.' : ' — do not post this reply as it is.'),
        r.findings.length ? Pulse.highlight(reply.value, r.findings) : null,
        ...r.findings.map((f) => Pulse.el('p', { class: 'finding', text: `${f.rule}: “${f.excerpt}” — ${f.explanation}` })),
        r.risk !== 'low' && r.suggestedReply ? Pulse.el('p', { class: 'suggestion' }, Pulse.el('strong', { text: 'Safer reply: ' }), r.suggestedReply) : null);
    }
    ctx.replyTo = (r) => {
      review = r;
      about.textContent = `Replying to ${r.author || 'anonymous'} on ${r.site} (${r.rating ? `${r.rating} ★` : 'no rating'}).`;
      reply.focus();
      if (reply.value.trim()) check();
    };
    body.append(Pulse.el('label', { for: `${panel.id}-reply`, text: 'Your reply (checked as you type; copy it only when the risk is low)' }), about, reply, result);
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
