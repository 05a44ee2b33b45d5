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
  .name {
    flex: 1 1 12em;
  }
  .status {
    color: var(--tiendo-color-muted, #57606a);
  }
`;
