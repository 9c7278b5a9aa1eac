// The section tabs, following the WAI-ARIA tabs pattern: one tab stop, arrows/Home/End move and
// select (automatic activation: both panels are cheap to show).
import { useRef } from 'preact/hooks';

export interface TabDefinition<T extends string> {
  id: T;
  label: string;
}

export interface TabListProps<T extends string> {
  label: string;
  tabs: TabDefinition<T>[];
  selected: T;
  onSelect: (id: T) => void;
}

export const tabId = (id: string): string => `tab-${id}`;
export const panelId = (id: string): string => `panel-${id}`;

export function TabList<T extends string>({ label, tabs, selected, onSelect }: TabListProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const go = (i: number): void => {
      event.preventDefault();
      const tab = tabs[(i + tabs.length) % tabs.length]!;
      onSelect(tab.id);
      list.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus();
    };
    if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(tabs.length - 1);
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
