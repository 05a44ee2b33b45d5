import { css } from 'lit';

/**
 * Styles every widget shares. The portal's CSS cannot reach inside the shadow
 * root, but it can reach the host element (a global `*` or `div` rule), so the
 * typography is set on the inner `.widget` box, not on `:host`.
 *
 * Text size (SPEC "What every element must get right"): the box's text is the larger of 12 px,
 * the page's root size (`1rem`: a portal's "A+ / A−" buttons set `html { font-size }`) and the
 * reader's own browser setting (`medium` on the host, read as `1em`), so `html { font-size: 10px }`
 * cannot shrink it and "A+" enlarges it; small text keeps `max(12px, …)`.
 *
 * Theme (`theme="dark"`, or `"auto"` under `prefers-color-scheme: dark`): `--_dark` is an empty
 * value there and invalid elsewhere, so each `--_x` below is the page's `--tiendo-color-x` if it set
 * one, else the dark colour (dark) or nothing (light: every rule's own light fallback). The box then
 * passes `--_x` on as `--tiendo-color-x`, so every widget's rules get the theme without change.
 */
export const baseStyles = css`
  :host {
    display: block;
    contain: content;
    font-size: medium;
    /* WebKit restyles a shadow tree on a new html { font-size } only when the host's inherited style
       changes with it: an invisible value that does (the box's text uses 1rem). */
    text-underline-offset: calc(1rem / 1000);
    --_dark: initial;
    --_text: var(--tiendo-color-text, var(--_dark) #e6edf3);
    --_muted: var(--tiendo-color-muted, var(--_dark) #9ea7b3);
    --_surface: var(--tiendo-color-surface, var(--_dark) #161b22);
    --_border: var(--tiendo-color-border, var(--_dark) #3d444d);
    --_border-strong: var(--tiendo-color-border-strong, var(--_dark) #848d97);
    --_link: var(--tiendo-color-link, var(--_dark) #58a6ff);
    --_focus: var(--tiendo-color-focus, var(--_dark) #58a6ff);
    --_warning: var(--tiendo-color-warning, var(--_dark) #d29922);
    --_error: var(--tiendo-color-error, var(--_dark) #ff7b72);
    --_completed: var(--tiendo-color-completed, var(--_dark) #4493f8);
    --_in-progress: var(--tiendo-color-in-progress, var(--_dark) #e0823d);
    --_not-started: var(--tiendo-color-not-started, var(--_dark) #9ea7b3);
    --_track: var(--tiendo-color-track, var(--_dark) #2d333b);
    --_track-border: var(--tiendo-color-track-border, var(--_dark) #8b949e);
    --_good: var(--tiendo-color-good, var(--_dark) #3fb950);
    --_bad: var(--tiendo-color-bad, var(--_dark) #ff7b72);
    --_grid: var(--tiendo-color-grid, var(--_dark) #3d444d);
    --_highlight-bar: var(--tiendo-color-highlight-bar, var(--_dark) #79c0ff);
    --_highlight: var(--tiendo-color-highlight, var(--_dark) color-mix(in srgb, var(--_warning) 22%, var(--_surface)));
  }
  :host([theme='dark']) {
    --_dark: ;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_dark: ;
    }
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
    --tiendo-color-text: var(--_text);
    --tiendo-color-muted: var(--_muted);
    --tiendo-color-surface: var(--_surface);
    --tiendo-color-border: var(--_border);
    --tiendo-color-border-strong: var(--_border-strong);
    --tiendo-color-link: var(--_link);
    --tiendo-color-focus: var(--_focus);
    --tiendo-color-warning: var(--_warning);
    --tiendo-color-error: var(--_error);
    --tiendo-color-completed: var(--_completed);
    --tiendo-color-in-progress: var(--_in-progress);
    --tiendo-color-not-started: var(--_not-started);
    --tiendo-color-track: var(--_track);
    --tiendo-color-track-border: var(--_track-border);
    --tiendo-color-good: var(--_good);
    --tiendo-color-bad: var(--_bad);
    --tiendo-color-grid: var(--_grid);
    --tiendo-color-highlight-bar: var(--_highlight-bar);
    --tiendo-color-highlight: var(--_highlight);
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
    font-size: var(--tiendo-font-size, max(12px, 1rem, 1em));
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
    /* Derived from the surface, so it suits a dark theme and a portal's own surface too. */
    background: var(
      --tiendo-color-warning-surface,
      color-mix(in srgb, var(--tiendo-color-warning, #9a6700) 12%, var(--tiendo-color-surface, #fff))
    );
    font-size: max(12px, 0.875em);
  }
  .message {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .message::before {
    /* An icon, not a letter to read aloud: empty alternative text (older engines take the first). */
    content: 'i';
    content: 'i' / '';
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
  .reserve {
    min-height: var(--tiendo-skeleton-height, 6em);
  }
  .skeleton {
    height: var(--tiendo-skeleton-height, 6em);
    border-radius: 0.25em;
    background: linear-gradient(
        90deg,
        var(--tiendo-color-track, #eaeef2) 25%,
        var(--tiendo-color-surface, #f6f8fa) 50%,
        var(--tiendo-color-track, #eaeef2) 75%
      )
      0 0 / 200% 100%;
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
