/**
 * The attributes a widget accepts, read from the element class itself (Lit's
 * declared properties), so the embed page and the embed builder never keep a
 * second list that could drift from the code.
 */
export interface WidgetAttribute {
  name: string;
  type: 'string' | 'number' | 'boolean';
}

interface PropertyOptions {
  attribute?: boolean | string;
  type?: unknown;
  state?: boolean;
}

export function widgetAttributes(tag: string): WidgetAttribute[] {
  const ctor = customElements.get(tag) as
    | (CustomElementConstructor & { elementProperties?: Map<PropertyKey, PropertyOptions> })
    | undefined;
  const out: WidgetAttribute[] = [];
  for (const [key, options] of ctor?.elementProperties ?? []) {
    if (options.state || options.attribute === false || typeof key !== 'string') continue;
    const name = typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
    out.push({ name, type: options.type === Boolean ? 'boolean' : options.type === Number ? 'number' : 'string' });
  }
  return out;
}
