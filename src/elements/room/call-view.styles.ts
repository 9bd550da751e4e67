import { css } from 'lit';

/** The call screen's layout inside `<hashdrop-room>`; adopted by the room when the call view module arrives. */
export const callViewStyles = css`
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
  [part='chat-unread'] {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.375em;
    border-radius: 999px;
    background: var(--_hd-danger);
    color: var(--_hd-on-danger);
    font-size: 0.8125em;
    font-weight: 600;
  }
  [part='sidebar'] {
    display: grid;
    gap: var(--_hd-space-m);
    align-content: start;
  }
`;
