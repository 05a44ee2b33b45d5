import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Proves that each launcher really runs its engine, not Chromium under another
 * name: the launcher's name (from the server) must match what the page itself
 * can only be in that engine (engine-only APIs and an engine-specific layout rule).
 */
function engineOfThisPage(): 'chromium' | 'firefox' | 'webkit' {
  if (CSS.supports('-moz-appearance', 'none') && /Firefox\//.test(navigator.userAgent)) return 'firefox';
  if ('chrome' in window && /Chrome\//.test(navigator.userAgent)) return 'chromium';
  if ('webkitConvertPointFromNodeToPage' in window) return 'webkit';
  throw new Error(`unknown engine: ${navigator.userAgent}`);
}

describe('engine', () => {
  it('is the engine the launcher says it is', async () => {
    const launcher = String(await executeServerCommand('tiendo-engine')).toLowerCase();
    const expected = launcher.includes('firefox') ? 'firefox' : launcher.includes('minibrowser') || launcher.includes('webkit') ? 'webkit' : 'chromium';
    expect(engineOfThisPage()).to.equal(expected);
  });

  it('lays out a -moz- only rule in Firefox alone', () => {
    // -moz-box-sizing is parsed by Gecko only: the box is 100 px wide there and 120 px elsewhere.
    const box = document.createElement('div');
    box.setAttribute('style', 'position:absolute;width:100px;padding:10px;-moz-box-sizing:border-box');
    document.body.append(box);
    const width = box.getBoundingClientRect().width;
    box.remove();
    expect(width).to.equal(engineOfThisPage() === 'firefox' ? 100 : 120);
  });
});
