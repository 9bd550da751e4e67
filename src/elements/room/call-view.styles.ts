import { css } from 'lit';

/** The call screen's layout inside `<hashdrop-room>`; `<hashdrop-call-view>` adds it to the room's shadow root. */
export const callViewStyles = css`
  hashdrop-call-view {
    display: block;
  }
  [part='call'] {
    display: grid;
    gap: var(--_hd-space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  [part='call'].with-sidebar {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-sidebar-width);
  }
  @media (max-width: 48rem) {
    [part='call'].with-sidebar {
      grid-template-columns: minmax(0, 1fr);
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
  [part='call'].with-chat {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-chat-width, 20rem);
  }
  [part='call'].with-chat.with-sidebar {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-chat-width, 20rem) var(--hashdrop-room-sidebar-width);
  }
  @media (max-width: 48rem) {
    [part='call'].with-chat,
    [part='call'].with-chat.with-sidebar {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part='sidebar'] {
    display: grid;
    gap: var(--_hd-space-m);
    align-content: start;
  }
`;
