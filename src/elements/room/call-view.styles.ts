import { css } from 'lit';

/** The call screen's layout inside `<hashdrop-room>`; adopted by the room when the call view module arrives. */
export const callViewStyles = css`
  [part='call'] {
    display: grid;
    gap: var(--_hd-space-m);
    grid-template-columns: 1fr;
  }
  [part='call'].with-sidebar {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-sidebar-width);
  }
  @media (max-width: 48rem) {
    [part='call'].with-sidebar {
      grid-template-columns: 1fr;
    }
  }
  [part='call-header'] {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_hd-space-s);
  }
  [part='controls'] {
    margin-top: var(--_hd-space-m);
    justify-content: center;
  }
  [part='sidebar'] {
    display: grid;
    gap: var(--_hd-space-m);
    align-content: start;
  }
`;
