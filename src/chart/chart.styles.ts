import { css } from 'lit';

export const chartStyles = css`
  :host {
    --tiendo-skeleton-height: 22em;
  }
  .title {
    font-weight: 600;
  }
  /* The chart fills this box: the element measures it and sizes the canvas. */
  .plot {
    position: relative;
    height: var(--tiendo-chart-height, 20em);
    margin: 0.5em 0;
  }
  .horizontal-bar {
    height: var(--tiendo-chart-height, calc(5em + var(--rows) * 1.75em));
  }
  .doughnut {
    height: var(--tiendo-chart-height, calc(16em + var(--rows) * 0.75em));
  }
  canvas {
    position: absolute;
  }
  button {
    font: inherit;
    font-size: max(12px, 0.875em);
    padding: 0.25em 0.75em;
    color: var(--tiendo-color-link, #0b5cad);
    background: none;
    border: 1px solid;
    border-radius: 0.25em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: max(12px, 0.875em);
  }
  caption,
  th:first-child {
    text-align: start;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--tiendo-color-border, #d0d7de);
    text-align: end;
  }
  .hl {
    font-weight: 700;
  }
  /* Each row's source and date, or its reporting period: text, not a figure. */
  .note-cell,
  tfoot td {
    text-align: start;
  }
  tfoot th[scope='colgroup'] {
    padding-top: 0.75em;
  }
  .mixed {
    margin: 0.75em 0 0;
    color: var(--tiendo-color-muted, #57606a);
    font-size: max(12px, 0.8125em);
  }
  @media print {
    button {
      display: none;
    }
  }
`;
