// The ⋮ menu of a key row, following the WAI-ARIA menu button pattern: Enter, Space or ArrowDown
// opens it on the first item (ArrowUp on the last); arrows, Home and End move; Escape closes it and
// focus returns to the button; Tab or a click elsewhere closes it.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

export interface RowMenuProps {
  label: string;
  items: MenuItem[];
}

export function RowMenu({ label, items }: RowMenuProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [position, setPosition] = useState({ top: 0, right: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const itemElements = (): HTMLElement[] =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const show = (focus: 'first' | 'last'): void => {
    // Fixed positioning keeps the menu whole even in the last rows of a scrolled table.
    const rect = button.current?.getBoundingClientRect();
    if (rect) setPosition({ top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) });
    setOpen(focus);
  };

  const hide = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // Near the bottom of the window the menu opens upwards instead, so every item stays reachable.
  useLayoutEffect(() => {
    const rect = button.current?.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    if (!open || !rect || rect.bottom + 4 + height <= window.innerHeight - 8) return;
    setPosition((p) => ({ ...p, top: Math.max(8, rect.top - 4 - height) }));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const elements = itemElements();
    (open === 'first' ? elements[0] : elements[elements.length - 1])?.focus();
    const onPointer = (event: Event): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const onViewportChange = (): void => setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('resize', onViewportChange);
    window.addEventListener('scroll', onViewportChange, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', onViewportChange);
      window.removeEventListener('scroll', onViewportChange, true);
    };
  }, [open]);

  const onButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent): void => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const moveTo = (i: number): void => {
      event.preventDefault();
      elements[(i + elements.length) % elements.length]?.focus();
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(elements.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      hide(true);
    } else if (event.key === 'Tab') hide(false);
  };

  const select = (item: MenuItem): void => {
    // Focus goes back to the ⋮ button first, so a dialog opened by the item returns focus there.
    hide(true);
    item.onSelect();
  };

  return (
    <div class="row-menu">
      <button
        ref={button}
        type="button"
        class="icon-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? hide(true) : show('first'))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">⋮</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          class="menu"
          style={{ top: `${position.top}px`, right: `${position.right}px` }}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <li role="none" key={item.id}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class={item.danger ? 'menu-item danger' : 'menu-item'}
                data-action={item.id}
                onClick={() => select(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
