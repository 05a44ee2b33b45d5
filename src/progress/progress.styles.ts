import { css } from 'lit';

export const progressStyles = css`
  /* The skeleton reserves the height of a common progress bar when it is ready (issue 19: no layout shift),
     taller on a phone, where the words wrap. */
  :host {
    --tiendo-skeleton-height: 8.1em;
  }
  @media (max-width: 30em) {
    :host {
      --tiendo-skeleton-height: 11.2em;
    }
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
  }
  .label {
    font-weight: 600;
  }
  .percent {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  /* Words that fit where nothing is completed yet, not a big 0,0%. */
  .percent.none {
    font-size: 1em;
    font-weight: 600;
    white-space: normal;
  }
  .summary {
    color: var(--tiendo-color-muted, #57606a);
  }
  .change {
    font-size: max(12px, 0.875em);
    font-weight: 600;
  }
  /* A figure never breaks inside its digits; feed text (names, source) is isolated for direction. */
  .percent,
  .count {
    white-space: nowrap;
  }
  .summary,
  .change,
  .legend {
    overflow-wrap: normal;
  }
  .footer span,
  .footer a {
    unicode-bidi: isolate;
  }
  .bar {
    display: flex;
    height: var(--tiendo-bar-height, 1em);
    margin: 0.5em 0;
    overflow: hidden;
    border-radius: var(--tiendo-bar-radius, 999px);
    border: 1px solid var(--tiendo-color-track-border, #8c959f);
    background: var(--tiendo-color-track, #eaeef2);
  }
  .segment {
    height: 100%;
    transition: width 0.4s ease-out;
  }
  .segment + .segment {
    border-inline-start: 2px solid var(--tiendo-color-surface, #ffffff);
  }
  @media (forced-colors: active) {
    .bar {
      border-color: CanvasText;
    }
    .segment {
      forced-color-adjust: none;
    }
  }
`;
