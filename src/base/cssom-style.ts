/**
 * Inline style properties for a strict page. Lit's `styleMap` writes the
 * `style` attribute on its first render, and a Content-Security-Policy without
 * 'unsafe-inline' in `style-src` blocks (and reports) that. Setting properties
 * through the CSSOM (`element.style.setProperty`) is not subject to the policy,
 * so this directive only ever does that. Use it as `style=${cssomStyle({ width: '40%' })}`,
 * with CSS property names (`width`, `--tiendo-x`), never camelCase.
 */
import { isServer, noChange, type AttributePart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

export type StyleProperties = Record<string, string | undefined>;

export class CssomStyleDirective extends Directive {
  /** The properties this directive set, so it can remove those no longer given. */
  readonly names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('cssomStyle must be the only value of a style attribute');
    }
  }

  render(properties: StyleProperties): unknown {
    // On a server (tiendo snippet --prerender) there is no CSSOM: the same properties as the attribute's text.
    if (isServer) return Object.entries(properties).filter(([, v]) => v != null).map(([n, v]) => `${n}:${v}`).join(';');
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.names) {
      if (properties[name] == null) {
        style.removeProperty(name);
        this.names.delete(name);
      }
    }
    for (const [name, value] of Object.entries(properties)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.names.add(name);
    }
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
