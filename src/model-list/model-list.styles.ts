import { css } from 'lit';

/** On top of the shared status styles (src/base/status.styles.ts): legend, swatches and counts. */
export const modelListStyles = css`
  :host {
    --tiendo-skeleton-height: 10em;
  }
  .label {
    font-weight: 600;
  }
  .legend {
    margin: 0.5em 0;
  }
  .list {
    list-style: none;
  }
  .list li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
    padding: 0.375em 0;
    border-top: 1px solid var(--tiendo-color-border, #d0d7de);
  }
  /* A model's name from the feed: isolated for direction, so a stray U+202E cannot reorder what follows. */
  .name {
    flex: 1 1 12em;
    unicode-bidi: isolate;
  }
  /* A count never breaks inside its digits ("765.432" whole, even in a narrow box). */
  .count {
    white-space: nowrap;
  }
  .status {
    color: var(--tiendo-color-muted, #57606a);
  }
`;
