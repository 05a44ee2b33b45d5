/** The data officers' guide and the help keep up with the tool: every header, option and command is documented. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, root, tool } from './helpers.mjs';

const guide = readFileSync(join(root, 'docs/huong-dan-du-lieu.md'), 'utf8');
const lower = guide.toLowerCase();

describe('docs/huong-dan-du-lieu.md', () => {
  it('documents every header the converter knows', () => {
    for (const header of Object.keys(tool.FIELD_HEADERS)) assert.ok(lower.includes(`\`${header}\``), header);
    for (const suffix of ['(tổng)', '(tỷ lệ)', '(total)', '(rate)']) assert.ok(guide.includes(suffix), suffix);
  });

  it('documents both commands, every from-csv option, the number rule and the template', async () => {
    const help = (await cli('from-csv', '--help')).stdout;
    const options = [...help.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]);
    assert.ok(options.length >= 9);
    for (const option of options) assert.ok(guide.includes(option), option);
    for (const text of ['tiendo validate', 'tiendo from-csv', '--timeout', '`1.234`', '`0.93`', '1,234,567', 'CSV UTF-8']) {
      assert.ok(guide.includes(text), text);
    }
    assert.ok(guide.includes('demo/feeds/mau-tinh.csv'));
    assert.ok(existsSync(join(root, 'demo/feeds/mau-tinh.csv')));
  });

  it('shows the messages as the tool prints them', async () => {
    const dup = (await cli('from-csv', join(root, 'test/fixtures/csv/duplicate-province.csv'))).stderr.split('\n')[0];
    assert.ok(guide.includes(dup), dup);
    const sum = (await cli('from-csv', join(root, 'test/fixtures/csv/over-total.csv'))).stderr.split('\n')[0];
    assert.ok(guide.includes(sum), sum);
  });
});
