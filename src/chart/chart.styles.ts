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
  /* Lying bars (asked for, or many areas: a guess until drawn) grow with their rows; once drawn,
     the renderer says which way the bars lie and how tall their rows (long names on two lines) are. */
  .horizontal-bar,
  .many {
    height: var(--tiendo-chart-height, calc(3em + var(--rows) * 1.75em));
  }
  .plot[data-across='v'] {
    height: var(--tiendo-chart-height, 20em);
  }
  .plot[data-across='h'] {
    height: var(--tiendo-chart-height, var(--_rows-height));
  }
  .plot.doughnut {
    height: var(--tiendo-chart-height, 16em);
  }
  /* A doughnut's key stands beside it where there is room, else below it. */
  .doughnut-frame {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1em;
  }
  .doughnut-frame .plot {
    flex: 1 1 16em;
  }
  .doughnut-frame .key {
    flex: 1 1 12em;
  }
  canvas {
    position: absolute;
  }
  /* The legend is text: it wraps, zooms and takes the reader's colours; its swatches are drawn like the chart. */
  .key {
    list-style: none;
    margin: 0.25em 0 0.5em;
    font-size: max(12px, 0.875em);
  }
  .key li {
    display: inline-block;
    margin-inline-end: 1em;
  }
  .key .marked {
    font-weight: 700;
  }
  canvas.swatch {
    position: static;
    display: inline-block;
    width: 1.6em;
    height: 1em;
    margin-inline-end: 0.4em;
    vertical-align: -0.125em;
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
  /* A figure never breaks inside its digits ("765.432" whole, even in a narrow box). */
  td {
    white-space: nowrap;
  }
  /* Each row's source and date, or its reporting period: text, not a figure. */
  .note-cell,
  tfoot td {
    text-align: start;
    white-space: normal;
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
  @media (forced-colors: active) {
    canvas.swatch {
      outline: 1px solid CanvasText;
    }
  }
`;
