/**
 * The kind tabs, as the ARIA tabs pattern: one tab stop (roving tabindex), arrow keys move
 * between tabs and select them, Home and End jump to the first and last.
 */
import { useRef, type KeyboardEvent } from 'react';
import { TOKEN_KINDS, type KindId } from '../../logic/generate-form.js';

export const KIND_PANEL_ID = 'gen-kind-panel';
export const tabId = (kind: KindId): string => `gen-tab-${kind}`;

const KIND_IDS = TOKEN_KINDS.map((kind) => kind.id as KindId);

function nextKind(current: KindId, key: string): KindId | undefined {
  const index = KIND_IDS.indexOf(current);
  const last = KIND_IDS.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return KIND_IDS[index === last ? 0 : index + 1];
    case 'ArrowLeft':
    case 'ArrowUp':
      return KIND_IDS[index === 0 ? last : index - 1];
    case 'Home':
      return KIND_IDS[0];
    case 'End':
      return KIND_IDS[last];
    default:
      return undefined;
  }
}

export function KindTabs({ selected, select }: { selected: KindId; select(kind: KindId): void }) {
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = nextKind(selected, event.key);
    if (next === undefined) return;
    event.preventDefault();
    select(next);
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label="Token kind" ref={list} onKeyDown={onKeyDown}>
      {TOKEN_KINDS.map((kind) => {
        const active = kind.id === selected;
        return (
          <button
            key={kind.id}
            id={tabId(kind.id as KindId)}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={KIND_PANEL_ID}
            tabIndex={active ? 0 : -1}
            onClick={() => select(kind.id as KindId)}
          >
            {kind.label}
          </button>
        );
      })}
    </div>
  );
}
