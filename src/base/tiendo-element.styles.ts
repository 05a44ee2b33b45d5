import { css } from 'lit';

/**
 * Styles every widget shares. The portal's CSS cannot reach inside the shadow
 * root, but it can reach the host element (a global `*` or `div` rule), so the
 * typography is set on the inner `.widget` box, not on `:host`. The base font
 * size is `medium`: the reader's own browser setting, whatever `html` says.
 */
export const baseStyles = css`
  :host {
    display: block;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .widget {
    /* Nothing the portal sets on the host (letter-spacing, text-transform…) leaks in. */
    all: initial;
    /* 'all' leaves direction alone: a right-to-left page must not mirror Vietnamese figures. */
    direction: ltr;
    display: block;
    padding: var(--tiendo-padding, 1em);
    font-family: var(
      --tiendo-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: var(--tiendo-font-size, medium);
    line-height: 1.5;
    color: var(--tiendo-color-text, #1f2328);
    background: var(--tiendo-color-surface, #ffffff);
    border: 1px solid var(--tiendo-color-border, #d0d7de);
    border-radius: var(--tiendo-radius, 0.5em);
    overflow-wrap: anywhere;
  }
  p,
  h2,
  h3,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  /* A page in quirks mode (no doctype) stops tables inheriting text styles; tables here always inherit. */
  table {
    font: inherit;
    color: inherit;
    line-height: inherit;
    white-space: inherit;
    text-align: inherit;
  }
  a {
    color: var(--tiendo-color-link, #0b5cad);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--tiendo-color-focus, #0b5cad);
    outline-offset: 2px;
  }
  .small {
    font-size: max(12px, 0.8125em);
  }
  .muted {
    color: var(--tiendo-color-muted, #57606a);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .sentence {
    margin-top: 0.75em;
  }
  .footer {
    margin-top: 0.75em;
    color: var(--tiendo-color-muted, #57606a);
    font-size: max(12px, 0.8125em);
  }
  /* A date never breaks inside its digits. */
  .nowrap {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .note {
    margin-top: 0.75em;
    padding: 0.375em 0.625em;
    border-inline-start: 4px solid var(--tiendo-color-warning, #9a6700);
    background: var(--tiendo-color-warning-surface, #fff8c5);
    font-size: max(12px, 0.875em);
  }
  .message {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .message::before {
    content: 'i';
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 0.875em;
    font-weight: bold;
    font-family: Georgia, serif;
  }
  .fallback:not(:empty) {
    margin-bottom: 0.5em;
  }
  .debug {
    margin-top: 0.75em;
    padding: 0.5em 0.75em;
    border: 1px dashed var(--tiendo-color-error, #b42318);
    color: var(--tiendo-color-error, #b42318);
    font-size: max(12px, 0.875em);
  }
  .debug ul {
    margin-top: 0.25em;
    padding-inline-start: 1.25em;
  }
  .debug code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    white-space: pre-wrap;
  }
  .skeleton {
    height: var(--tiendo-skeleton-height, 6em);
    border-radius: 0.25em;
    background: linear-gradient(90deg, #eaeef2 25%, #f6f8fa 50%, #eaeef2 75%) 0 0 / 200% 100%;
    animation: tiendo-shimmer 1.6s linear infinite;
  }
  @keyframes tiendo-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
    * {
      transition: none !important;
    }
  }
  @media print {
    .widget {
      border-color: #000;
      color: #000;
      background: #fff;
      break-inside: avoid;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .skeleton {
      animation: none;
    }
    a {
      color: #000;
    }
  }
  @media (forced-colors: active) {
    .widget {
      border-color: CanvasText;
    }
    .note,
    .debug {
      border-color: CanvasText;
    }
  }
`;
