/**
 * JSX typings for users of React, Preact and other JSX frameworks: every
 * tiendo tag with its attributes, so `<tiendo-kpi metric="on-time" />`
 * type-checks. Attribute values are strings (as in HTML); booleans may be
 * `true` or left out. Frameworks that read `React.JSX` can re-export these:
 * `declare module 'react' { namespace JSX { interface IntrinsicElements extends TiendoIntrinsicElements {} } }`.
 */
type Value = string | number;

interface CommonAttributes {
  src?: string;
  province?: string;
  commune?: string;
  group?: string;
  lang?: 'vi' | 'en' | string;
  refresh?: Value;
  timeout?: Value;
  debug?: boolean;
  source?: string;
  'source-url'?: string;
  'as-of'?: string;
  'show-sentence'?: boolean;
  class?: string;
  className?: string;
  id?: string;
  style?: unknown;
  children?: unknown;
}

export interface TiendoIntrinsicElements {
  'tiendo-progress': CommonAttributes & {
    total?: Value;
    completed?: Value;
    'in-progress'?: Value;
    'not-started'?: Value;
    label?: string;
  };
  'tiendo-kpi': CommonAttributes & {
    metric?: string;
    value?: Value;
    total?: Value;
    rate?: Value;
    previous?: Value;
    target?: Value;
    max?: Value;
    label?: string;
    unit?: string;
  };
  'tiendo-province-table': CommonAttributes & { columns?: string; sort?: string; highlight?: string; limit?: Value };
  'tiendo-chart': CommonAttributes & {
    type?: 'bar' | 'horizontal-bar' | 'line' | 'doughnut';
    metric?: string;
    highlight?: string;
  };
  'tiendo-model-list': CommonAttributes & { status?: 'completed' | 'in-progress' | 'not-started' };
  'tiendo-picker': CommonAttributes & { level?: 'province' | 'commune'; label?: string; 'url-param'?: string };
  'tiendo-map': CommonAttributes & { metric?: string; highlight?: string; grid?: '34' | '63'; regroup?: '2025'; 'show-present'?: boolean };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- JSX typings live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
    interface IntrinsicElements extends TiendoIntrinsicElements {}
  }
}
