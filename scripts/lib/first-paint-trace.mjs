/**
 * What a page's main thread did from navigation until its figures were visible, for
 * scripts/bench/first-paint.mjs with TIENDO_BENCH_FIRST_PAINT_TRACE=1: a Chromium performance
 * trace (its renderer main thread, self time per event: HTML parsing, script compile and
 * evaluation, style, layout, paint, garbage collection) and a sampling CPU profile (self time per
 * JavaScript function, with its file), both cut at the moment the figures became visible.
 */

/** Trace events grouped as a reader of a performance panel knows them (the first that matches). */
const GROUPS = [
  ['garbage collection', /GC|Heap/],
  ['HTML parse', /ParseHTML|HTMLDocumentParser/],
  ['style', /UpdateLayoutTree|recalcStyle|RecalculateStyles|StyleEngine|StyleRecalc|CSSParser|ParseAuthorStyleSheet/i],
  ['layout', /Layout|Shape/],
  ['paint, composite', /Paint|Layerize|Composit|Commit|Raster|UpdateLayer/],
  ['script compile', /compile|parseOnBackground|CacheScript/i],
  ['script', /EvaluateScript|evaluateModule|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|V8\.|v8\.|BytecodeBudgetInterrupt/],
];

/** Starts recording `page`; `stop()` resolves with the trace events and the CPU profile. */
export async function record(page) {
  const session = await page.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  await page.tracing.start({
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'blink'],
  });
  return {
    async stop() {
      const buffer = await page.tracing.stop();
      const { profile } = await session.send('Profiler.stop');
      await session.detach();
      return { events: JSON.parse(Buffer.from(buffer).toString('utf8')).traceEvents, profile };
    },
  };
}

/**
 * Self time in ms per group and per event name on the page's renderer main thread, between
 * navigation start and `until` ms after it (performance.now() of the page), and per function of
 * the CPU profile in the same span. Returns lines of text.
 */
export async function summarize({ events, profile }, until, dist) {
  const where = await sourceNames(dist);
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  if (!start) return ['(no navigationStart in the trace)'];
  const { pid, tid } = start;
  const end = start.ts + until * 1000;
  // Complete events of the main thread in the span, nested by time: self time = own time minus children.
  const list = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts < end && e.ts + e.dur > start.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  for (const e of list) {
    const from = Math.max(e.ts, start.ts);
    const to = Math.min(e.ts + e.dur, end);
    while (stack.length && stack.at(-1).to <= from) stack.pop();
    const parent = stack.at(-1);
    if (parent) add(parent.name, -(to - from));
    add(e.name, to - from);
    stack.push({ name: e.name, to });
  }
  const groups = new Map();
  let busy = 0;
  for (const [name, us] of self) {
    if (us <= 0) continue;
    const group = GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';
    groups.set(group, (groups.get(group) ?? 0) + us);
    busy += us;
  }
  const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
  const lines = [`main thread busy ${ms(busy)} of ${until.toFixed(0)} ms: ${[...groups].sort((a, b) => b[1] - a[1]).map(([g, us]) => `${g} ${ms(us)}`).join(', ')}`];
  lines.push(`  events: ${[...self].filter(([, us]) => us > 2000).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([n, us]) => `${n} ${ms(us)}`).join(', ')}`);

  // The CPU profile: each sample's time goes to its node's function (self time), cut at `until`.
  if (profile?.samples?.length) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const fn = new Map();
    const byFile = new Map();
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i] ?? 0;
      t += dt;
      if (t < start.ts || t > end) continue;
      const { callFrame } = nodes.get(profile.samples[i]);
      if (['(idle)', '(program)', '(garbage collector)'].includes(callFrame.functionName)) continue;
      const file = callFrame.url ? callFrame.url.split('/').pop() : '(native)';
      const key = `${callFrame.functionName || '(anonymous)'} ${where(callFrame)}`;
      const us = profile.timeDeltas[i + 1] ?? dt;
      fn.set(key, (fn.get(key) ?? 0) + us);
      byFile.set(file, (byFile.get(file) ?? 0) + us);
    }
    const total = [...fn.values()].reduce((a, b) => a + b, 0);
    lines.push(`  JavaScript ${ms(total)} by file: ${[...byFile].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, us]) => `${f} ${ms(us)}`).join(', ')}`);
    lines.push(`  JavaScript by function: ${[...fn].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, us]) => `${k} ${ms(us)}`).join(', ')}`);
  }
  return lines;
}

/**
 * A function's place in the sources (src/…:line, through dist/'s source maps, when
 * @jridgewell/trace-mapping is installed, as Vite's dependency) or in the built file.
 */
async function sourceNames(dist) {
  let tracer;
  try {
    tracer = await import('@jridgewell/trace-mapping');
  } catch {
    tracer = undefined;
  }
  const { existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const maps = new Map();
  return ({ url, lineNumber, columnNumber }) => {
    const path = url && new URL(url, 'http://x').pathname;
    if (!path) return '';
    const file = path.split('/').pop();
    if (tracer && dist && path.startsWith('/dist/')) {
      const map = join(dist, `${path.slice(6)}.map`);
      if (!maps.has(map)) maps.set(map, existsSync(map) ? new tracer.TraceMap(readFileSync(map, 'utf8')) : undefined);
      const traced = maps.get(map) && tracer.originalPositionFor(maps.get(map), { line: lineNumber + 1, column: columnNumber });
      if (traced?.source) return `${traced.name ? `(${traced.name}) ` : ''}${traced.source.replace(/^(\.\.\/)+/, '')}:${traced.line}`;
    }
    return `${file}:${lineNumber + 1}`;
  };
}
