import { css } from 'lit';

export const progressStyles = css`
  :host {
    --tiendo-skeleton-height: 6.5em;
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
  /* Meaning never rests on colour alone: each status has its own fill pattern too. */
  .completed {
    background: var(--tiendo-color-completed, #0b62c4);
  }
  .in-progress {
    background: repeating-linear-gradient(
      -45deg,
      var(--tiendo-color-in-progress, #d46b08) 0 4px,
      var(--tiendo-color-in-progress-alt, #f0a450) 4px 7px
    );
  }
  .not-started {
    background: radial-gradient(var(--tiendo-color-not-started, #57606a) 1px, transparent 1.5px) 0 0 / 5px 5px
      var(--tiendo-color-surface, #ffffff);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    list-style: none;
    font-size: max(12px, 0.875em);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    display: inline-block;
    width: 1em;
    height: 1em;
    border-radius: 2px;
    border: 1px solid var(--tiendo-color-track-border, #8c959f);
  }
  .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    .bar {
      border-color: CanvasText;
    }
    .segment,
    .swatch {
      forced-color-adjust: none;
    }
    .completed {
      background: CanvasText;
    }
    .in-progress {
      background: repeating-linear-gradient(-45deg, CanvasText 0 3px, Canvas 3px 6px);
    }
    .not-started {
      background: Canvas;
    }
    .swatch {
      border-color: CanvasText;
    }
  }
`;
