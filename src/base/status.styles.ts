import { css } from 'lit';

/**
 * The three statuses of a pilot model as fills and swatches, shared by every widget that shows
 * them (the progress bar, the model list): meaning never rests on colour alone, each status has
 * its own pattern (solid, striped, dotted), and forced colours keep the patterns.
 */
export const statusStyles = css`
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
    .swatch,
    .completed,
    .in-progress,
    .not-started {
      forced-color-adjust: none;
    }
    .swatch {
      border-color: CanvasText;
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
  }
`;
