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
  /* In a group, a row's name chooses that area: a button that reads as the name, underlined. */
  th .pick {
    font-weight: inherit;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
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
  .tools,
  .pages,
  .find,
  .table-note {
    margin: 0.75em 0 0;
    font-size: max(12px, 0.875em);
  }
  /* Long tables: the filter box above, the pages below. */
  .find {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin: 0 0 0.75em;
  }
  .find label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--tiendo-color-surface, #ffffff);
    border: 1px solid;
    border-radius: 0.25em;
    padding: 0.25em 0.5em;
    min-width: 0;
  }
  input {
    flex: 1 1 10em;
    max-width: 20em;
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  /* A change's date, a unit's former provinces: a second line, quieter. */
  .since,
  .parts {
    display: block;
    font-size: max(12px, 0.85em);
    font-weight: normal;
    color: var(--tiendo-color-muted, #57606a);
  }
  .parts {
    white-space: normal;
  }
  td.from {
    white-space: normal;
    min-width: 10em;
    color: var(--tiendo-color-muted, #57606a);
  }
  /* The highlighted row shown after the top rows (or the page), with its rank. */
  tr.after > * {
    border-top: 2px dashed var(--tiendo-color-border, #d0d7de);
  }
  td.empty {
    white-space: normal;
  }
  .csv-note {
    margin-inline-start: 0.5em;
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    .find,
    .tools button {
      display: none;
    }
  }
`;
