/**
 * Storybook's controls from the elements' manifest (dist/custom-elements.json, `npm run manifest`):
 * one control per PUBLIC ATTRIBUTE, of a kind a reader can type into plainly (issue 18):
 *
 * - `string` → a text box (no JSON quoting: "Tiến độ" is typed as Tiến độ);
 * - `number` → a number box; `boolean` → a checkbox;
 * - a union of literals (`'province' | 'commune'`) → a select of those values, plus "" (absent).
 *
 * Nothing else of the classes is a control: their properties (the attributes' twins), slots,
 * CSS parts and custom properties stay in the docs' tables only as the manifest documents them
 * elsewhere, and the events are the Actions panel's (they are listened to, never set).
 */

/** The part of a custom-elements manifest (schema 2.x) this file reads. */
export interface Manifest {
  modules: ReadonlyArray<{
    declarations?: ReadonlyArray<{
      /** Everything else a declaration has (members, parts, custom properties…): not read here. */
      readonly [other: string]: unknown;
      tagName?: string;
      attributes?: ReadonlyArray<{ name: string; description?: string; default?: string; type?: { text?: string } }>;
      events?: ReadonlyArray<{ name: string; description?: string }>;
    }>;
  }>;
}

/** One argType, as Storybook takes it (the fields this file sets). */
export interface WidgetArgType {
  name: string;
  description?: string;
  type: { name: 'string' | 'number' | 'boolean' | 'enum' | 'function'; value?: string[]; required: false };
  control: false | { type: 'text' | 'number' | 'boolean' | 'select'; labels?: Record<string, string> };
  options?: string[];
  action?: string;
  table: { category: string; type?: { summary: string }; defaultValue?: { summary: string }; disable?: boolean };
}

/** What a select shows for "leave the attribute out". */
const ABSENT = '(không đặt / absent)';

/** The literals of a union type such as `'a' | 'b' | undefined`, or null when it is not one. */
export function unionLiterals(typeText: string): string[] | null {
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (parts.length < 2) return null;
  const values: string[] = [];
  for (const part of parts) {
    const m = /^(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))$/.exec(part);
    if (!m) return null;
    values.push(m[1] ?? m[2] ?? m[3]);
  }
  return values;
}

/** The manifest's type text without `undefined`/`null`: `string | undefined` → `string`. */
function plainType(typeText: string): string {
  return typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null')
    .join(' | ');
}

/** `tiendo-select` → `onTiendoSelect` (the arg that carries the Actions panel's handler). */
export function eventArgName(event: string): string {
  return 'on' + event.replace(/(^|[-_:.\s]+)(.)/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

/** `onTiendoSelect` → `tiendo-select`: the event an arg from eventArgName listens to. */
export function eventOfArg(argName: string): string | null {
  if (!/^on[A-Z]/.test(argName)) return null;
  return argName
    .slice(2)
    .replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
}

/**
 * The argTypes of `tagName`: its attributes as controls (see the file's comment), `lang` as a
 * select (a global HTML attribute every widget reads), its events as actions. Unknown tag: {}.
 */
export function attributeArgTypes(manifest: Manifest, tagName: string): Record<string, WidgetArgType> {
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  if (!declaration) return {};
  const argTypes: Record<string, WidgetArgType> = {};
  for (const attribute of declaration.attributes ?? []) {
    const typeText = attribute.type?.text ?? 'string';
    const summary = plainType(typeText);
    const literals = unionLiterals(typeText);
    const table = { category: 'attributes', type: { summary }, ...(attribute.default !== undefined ? { defaultValue: { summary: attribute.default } } : {}) };
    const common = { name: attribute.name, description: attribute.description, table };
    if (literals) {
      argTypes[attribute.name] = {
        ...common,
        type: { name: 'enum', value: literals, required: false },
        control: { type: 'select', labels: { '': ABSENT } },
        options: ['', ...literals],
      };
    } else if (summary === 'number' || summary === 'boolean') {
      argTypes[attribute.name] = { ...common, type: { name: summary, required: false }, control: { type: summary } };
    } else {
      argTypes[attribute.name] = { ...common, type: { name: 'string', required: false }, control: { type: 'text' } };
    }
  }
  argTypes.lang = {
    name: 'lang',
    description: 'The widget’s language (HTML `lang`); absent: inherited from the page (the toolbar’s language).',
    type: { name: 'enum', value: ['vi', 'en'], required: false },
    control: { type: 'select', labels: { '': ABSENT, vi: 'Tiếng Việt', en: 'English' } },
    options: ['', 'vi', 'en'],
    table: { category: 'attributes', type: { summary: "'vi' | 'en'" } },
  };
  for (const event of declaration.events ?? []) {
    const name = eventArgName(event.name);
    argTypes[name] = {
      name,
      description: event.description,
      type: { name: 'function', required: false },
      control: false,
      action: event.name,
      table: { category: 'events', type: { summary: event.name } },
    };
  }
  return argTypes;
}
