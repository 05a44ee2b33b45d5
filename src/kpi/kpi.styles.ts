import { css } from 'lit';

export const kpiStyles = css`
  /* The skeleton reserves the height of a common KPI when it is ready (issue 19: no layout shift),
     taller on a phone, where the words wrap. */
  :host {
    --tiendo-skeleton-height: 8.5em;
  }
  @media (max-width: 30em) {
    :host {
      --tiendo-skeleton-height: 10.8em;
    }
  }
  .area {
    color: var(--tiendo-color-muted, #57606a);
    font-size: max(12px, 0.875em);
  }
  .label {
    font-weight: 600;
  }
  .figure {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.4em;
    margin-top: 0.25em;
    font-variant-numeric: tabular-nums;
  }
  .value {
    font-size: var(--tiendo-kpi-value-size, 2em);
    font-weight: 700;
    line-height: 1.15;
    color: var(--tiendo-color-value, inherit);
  }
  .of,
  .unit {
    color: var(--tiendo-color-muted, #57606a);
  }
  .rate {
    font-size: 1.25em;
    font-weight: 700;
  }
  /* A figure never breaks inside its digits; feed text (names, units, source) is isolated for direction. */
  .n,
  .value,
  .rate {
    white-space: nowrap;
  }
  .change,
  .meter-text,
  .exact {
    overflow-wrap: normal;
  }
  .footer span,
  .footer a {
    unicode-bidi: isolate;
  }
  .trend {
    display: block;
    width: 8em;
    height: 1.5em;
    margin-top: 0.35em;
    fill: none;
    stroke: var(--tiendo-color-completed, #0b62c4);
    stroke-width: 2;
  }
  .exact,
  .period {
    color: var(--tiendo-color-muted, #57606a);
    font-size: max(12px, 0.875em);
  }
  .change {
    display: inline-flex;
    gap: 0.35em;
    align-items: baseline;
    margin-top: 0.35em;
    font-size: max(12px, 0.9375em);
    font-weight: 600;
  }
  .change.good {
    color: var(--tiendo-color-good, #116329);
  }
  .change.bad {
    color: var(--tiendo-color-bad, #b42318);
  }
  .change.same {
    color: var(--tiendo-color-muted, #57606a);
  }
  .meter {
    margin-top: 0.5em;
  }
  .meter-text {
    font-size: max(12px, 0.875em);
  }
  .track {
    position: relative;
    height: 0.5em;
    margin-top: 0.25em;
    border-radius: 999px;
    border: 1px solid var(--tiendo-color-track-border, #8c959f);
    background: var(--tiendo-color-track, #eaeef2);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--tiendo-color-completed, #0b62c4);
    transition: width 0.4s ease-out;
  }
  .mark {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 3px;
    margin-inline-start: -1px;
    background: var(--tiendo-color-target, var(--tiendo-color-text, #1f2328));
  }
  @media (forced-colors: active) {
    .trend {
      stroke: CanvasText;
    }
    .mark {
      forced-color-adjust: none;
      background: Highlight;
    }
    .fill {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .track {
      border-color: CanvasText;
    }
  }
`;
