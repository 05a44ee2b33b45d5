/**
 * The command line's `--timeout` (issue 17, "Limits that protect the feed servers"): brought within
 * 1–120 s as the widgets' `timeout` is, and said. The low bound is tested in validate.test.mjs; here
 * the high one: 30 days (2,592,000 s, past the 24.8 days a Node timer can wait, which Node turns into
 * 1 ms and a timeout at once), 121 s and 120 s, in `validate` and `snippet`, in Vietnamese and English,
 * run in process and as a data officer runs it (node bin/tiendo.mjs).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { baseFeed } from '../fixtures/invalid-feeds.mjs';
import { cli, spawnCli, tool } from './helpers.mjs';

/** A server whose feed answers after `SLOW_MS`: longer than the 1 ms an overflowed timer waits, and than the 1 s floor. */
const SLOW_MS = 1200;
let server;
let base;
const valid = JSON.stringify(baseFeed());

before(async () => {
  await tool.loadMessages('en', true);
  server = createServer((req, res) => {
    if (req.url === '/slow.json') {
      setTimeout(() => res.end(valid), SLOW_MS);
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

/** The waits the tool asked `AbortSignal.timeout` for, in ms, while a test runs. */
let waits = [];
const timeout = AbortSignal.timeout;
beforeEach(() => {
  waits = [];
  AbortSignal.timeout = (ms) => {
    waits.push(ms);
    return timeout.call(AbortSignal, ms);
  };
});
afterEach(() => {
  AbortSignal.timeout = timeout;
});

describe('--timeout above 120 s is brought to 120 s, and says so', () => {
  it('validate --timeout 2592000 (30 days): waits 120 s, not 1 ms, reads the slow feed, and notes the change (vi)', async () => {
    const run = await cli('validate', `${base}/slow.json`, '--timeout', '2592000');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), `${base}/slow.json: hợp lệ (2 tỉnh, 1 chỉ số).`);
    assert.match(run.stderr, /Tùy chọn --timeout 2592000 được đưa về 120 giây \(từ 1 đến 120\)\./);
    assert.deepEqual(waits, [120_000]);
  });

  it('validate --timeout 121: 120 s, said in English with --lang en', async () => {
    const run = await cli('validate', `${base}/slow.json`, '--timeout', '121', '--lang', 'en');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /slow\.json: valid/);
    assert.match(run.stderr, /The option --timeout 121 was brought to 120 seconds \(1 to 120\)\./);
    assert.deepEqual(waits, [120_000]);
  });

  it('validate --timeout 120 and --timeout=99.5: within the bounds, used as given, nothing said', async () => {
    const top = await cli('validate', `${base}/slow.json`, '--timeout', '120');
    assert.equal(top.code, 0, top.stdout + top.stderr);
    assert.doesNotMatch(top.stderr, /--timeout/);
    const inside = await cli('validate', `${base}/slow.json`, '--timeout=99.5');
    assert.equal(inside.code, 0, inside.stdout + inside.stderr);
    assert.doesNotMatch(inside.stderr, /--timeout/);
    assert.deepEqual(waits, [120_000, 99_500]);
  });

  it('snippet --timeout 2592000: the same bound, the same note, and the snippet written', async () => {
    const run = await cli('snippet', `${base}/slow.json`, '--widget', 'progress', '--province', 'nghe-an', '--timeout', '2592000');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /<tiendo-progress\b/);
    assert.match(run.stderr, /Tùy chọn --timeout 2592000 được đưa về 120 giây \(từ 1 đến 120\)\./);
    assert.deepEqual(waits, [120_000]);
  });

  it('as a data officer runs it (node bin/tiendo.mjs): no timer overflow, the feed read, the note in English', async () => {
    const run = await spawnCli(['validate', `${base}/slow.json`, '--timeout', '2592000', '--lang', 'en']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /slow\.json: valid/);
    assert.match(run.stderr, /The option --timeout 2592000 was brought to 120 seconds \(1 to 120\)\./);
    // Unclamped, Node warns "TimeoutOverflowWarning … Timeout duration was set to 1" and the fetch gives up at once.
    assert.doesNotMatch(run.stderr, /TimeoutOverflowWarning|did not answer|không trả lời/);
  });
});
