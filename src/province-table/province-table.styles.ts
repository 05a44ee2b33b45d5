import { css } from 'lit';

export const tableStyles = css`
  :host {
    --tiendo-skeleton-height: 16em;
  }
  /* On a phone the table scrolls inside itself, and the province names stay in view. */
  .scroll {
    overflow-x: auto;
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-spacing: 0;
    font-size: max(12px, 0.875em);
    overflow-wrap: normal;
  }
  caption {
    max-width: 100cqw;
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5em;
  }
  th,
  td {
    padding: 0.375em 0.5em;
    text-align: start;
    vertical-align: bottom;
    border-bottom: 1px solid var(--tiendo-color-border, #d0d7de);
  }
  td {
    white-space: nowrap;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .name {
    position: sticky;
    left: 0;
    min-width: 7em;
    font-weight: inherit;
    background: var(--tiendo-color-surface, #ffffff);
  }
  button {
    font: inherit;
    font-weight: 600;
    color: inherit;
    text-align: inherit;
    cursor: pointer;
    /* Not the browser's grey: on a dark theme its text would vanish. */
    background: none;
    border: 1px solid;
    border-radius: 0.25em;
    padding: 0.25em 0.75em;
  }
  th button {
    background: none;
    border: 0;
    padding: 0;
  }
  /* The highlighted province: bold, a left marker and a tint, not colour alone. */
  .hl > * {
    font-weight: 700;
    background: var(--tiendo-color-highlight, #fff8c5);
  }
  .hl > :first-child {
    box-shadow: inset 5px 0 var(--tiendo-color-marker, #9a6700);
  }
  tfoot * {
    font-weight: 600;
  }
  .tools {
    margin-top: 0.75em;
    font-size: max(12px, 0.875em);
  }
  @media print {
    .scroll {
      overflow: visible;
    }
  }
`;
