import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { attributeArgTypes, eventArgName, eventOfArg, unionLiterals, type Manifest } from '../stories/arg-types.js';
import { renderWidget } from '../stories/render.js';
import { FEED, untilState, visibleText } from './helpers.js';

/**
 * Storybook's controls (issue 18), in every engine: the argTypes stories/arg-types.ts derives from
 * the manifest are plain text, number, checkbox and select inputs for the public attributes only,
 * and a value typed plainly into one ("Tiến độ", no JSON quotes) reaches the element as its
 * attribute and its visible text through the stories' renderer. The full Storybook UI is driven in
 * Chromium by scripts/test-storybook.mjs.
 */

/** A manifest shaped as `npm run manifest` writes it: attributes, their property twins, parts, CSS properties, events. */
const MANIFEST: Manifest = {
  modules: [
    {
      declarations: [
        {
          kind: 'class',
          name: 'TiendoExample',
          tagName: 'tiendo-example',
          attributes: [
            { name: 'label', type: { text: 'string | undefined' }, description: 'The heading.' },
            { name: 'limit', type: { text: 'number | undefined' } },
            { name: 'show-sentence', type: { text: 'boolean' }, default: 'false' },
            { name: 'level', type: { text: "'province' | 'commune' | undefined" } },
            { name: 'grid', type: { text: "'34' | '63'" } },
          ],
          members: [
            { kind: 'field', name: 'label' },
            { kind: 'field', name: 'showSentence' },
          ],
          cssProperties: [{ name: '--tiendo-color-completed' }],
          cssParts: [{ name: 'base' }],
          slots: [{ name: '' }],
          events: [{ name: 'tiendo-select', description: 'The reader chose an area.' }],
        },
      ],
    },
  ],
};

describe('Storybook controls from the manifest', () => {
  afterEach(() => document.querySelectorAll('[data-story]').forEach((el) => el.remove()));

  it('makes one plain control per attribute, and nothing of the class besides', () => {
    const argTypes = attributeArgTypes(MANIFEST, 'tiendo-example');
    expect(Object.keys(argTypes)).to.deep.equal(['label', 'limit', 'show-sentence', 'level', 'grid', 'lang', 'onTiendoSelect']);
    expect(argTypes.label.control).to.deep.equal({ type: 'text' });
    expect(argTypes.label.type.name).to.equal('string');
    expect(argTypes.label.table.type?.summary).to.equal('string');
    expect(argTypes.limit.control).to.deep.equal({ type: 'number' });
    expect(argTypes['show-sentence'].control).to.deep.equal({ type: 'boolean' });
    expect(argTypes['show-sentence'].table.defaultValue?.summary).to.equal('false');
    expect(argTypes.level.control).to.include({ type: 'select' });
    expect(argTypes.level.options).to.deep.equal(['', 'province', 'commune']);
    expect(argTypes.grid.options).to.deep.equal(['', '34', '63']);
    expect(argTypes.lang.options).to.deep.equal(['', 'vi', 'en']);
    // Events are actions, never inputs.
    expect(argTypes.onTiendoSelect.control).to.equal(false);
    expect(argTypes.onTiendoSelect.action).to.equal('tiendo-select');
    // No JSON editor anywhere.
    for (const argType of Object.values(argTypes)) {
      if (argType.control) expect(['text', 'number', 'boolean', 'select']).to.include(argType.control.type);
    }
    expect(attributeArgTypes(MANIFEST, 'tiendo-unknown')).to.deep.equal({});
  });

  it('reads union types, and only unions of literals', () => {
    expect(unionLiterals("'light' | 'dark' | 'auto' | undefined")).to.deep.equal(['light', 'dark', 'auto']);
    expect(unionLiterals('"a" | "b"')).to.deep.equal(['a', 'b']);
    expect(unionLiterals('34 | 63')).to.deep.equal(['34', '63']);
    expect(unionLiterals('string | undefined')).to.equal(null);
    expect(unionLiterals("'bar' | string")).to.equal(null);
    expect(unionLiterals("'only'")).to.equal(null);
  });

  it('names event args both ways', () => {
    expect(eventArgName('tiendo-select')).to.equal('onTiendoSelect');
    expect(eventOfArg('onTiendoSelect')).to.equal('tiendo-select');
    expect(eventOfArg('label')).to.equal(null);
    expect(eventOfArg('one')).to.equal(null);
  });

  it('a title and a province typed plainly reach the element as attributes and as what it shows, in Vietnamese', async () => {
    const box = document.createElement('div');
    box.dataset.story = '';
    box.lang = 'vi';
    document.body.append(box);
    const loads: Event[] = [];
    const render = (args: Record<string, string | ((e: Event) => void)>) => {
      const el = renderWidget('tiendo-progress', args, 'Nghệ An: 6/38 mô hình hoàn thành');
      box.replaceChildren(el);
      return el;
    };
    const onTiendoLoad = (e: Event) => loads.push(e);
    let el = render({ src: FEED, province: 'nghe-an', onTiendoLoad });
    await untilState(el, 'ready');
    expect(visibleText(el)).to.match(/^Nghệ An/);
    expect(el.hasAttribute('onTiendoLoad')).to.equal(false);
    expect(loads.length).to.be.greaterThan(0);

    // What the controls panel passes for a text box: the text as typed.
    el = render({ src: FEED, province: 'nghe-an', label: 'Tiến độ', onTiendoLoad });
    await untilState(el, 'ready');
    expect(el.getAttribute('label')).to.equal('Tiến độ');
    expect(visibleText(el)).to.match(/^Tiến độ 15,8%/);
    expect(visibleText(el)).not.to.contain('"');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('vi');

    el = render({ src: FEED, province: 'ha-tinh', label: 'Tiến độ', onTiendoLoad });
    await untilState(el, 'ready');
    expect(el.getAttribute('province')).to.equal('ha-tinh');
    expect(visibleText(el)).to.contain('0/43 mô hình hoàn thành');

    // '' leaves an attribute out (the select's "absent").
    el = render({ src: FEED, province: 'nghe-an', label: '', lang: '' });
    await untilState(el, 'ready');
    expect(el.hasAttribute('label')).to.equal(false);
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(visibleText(el)).to.match(/^Nghệ An/);
  });
});
