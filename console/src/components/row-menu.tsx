// The ⋮ menu of a key row, following the WAI-ARIA menu button pattern: Enter, Space or ArrowDown
// opens it on the first item (ArrowUp on the last); arrows, Home and End move; Escape closes it and
// focus returns to the button; Tab or a click elsewhere closes it.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
  /** Why the API would refuse this action: the item stays listed but disabled, with this reason. */
  disabledReason?: string;
}

export interface RowMenuProps {
  label: string;
  items: MenuItem[];
}

export function RowMenu({ label, items }: RowMenuProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [position, setPosition] = useState({ top: 0, left: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const itemElements = (): HTMLElement[] =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const show = (focus: 'first' | 'last'): void => {
    // Fixed positioning keeps the menu whole even in the last rows of a scrolled table.
    const rect = button.current?.getBoundingClientRect();
    if (rect) setPosition({ top: rect.bottom + 4, left: rect.left });
    setOpen(focus);
  };

  const hide = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // The menu is aligned to the button's right edge, shifted to stay inside the window (on a phone
  // the button sits at the left); near the bottom of the window it opens upwards instead.
  useLayoutEffect(() => {
    const rect = button.current?.getBoundingClientRect();
    if (!open || !rect || !menu.current) return;
    const width = menu.current.offsetWidth;
    const height = menu.current.offsetHeight;
    const maxLeft = Math.max(8, window.innerWidth - 8 - width);
    const left = Math.min(maxLeft, Math.max(8, rect.right - width));
    const below = rect.bottom + 4 + height <= window.innerHeight - 8;
    const top = below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - height);
    setPosition({ top, left });
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
    // A fixed menu would drift away from a button that scrolls, so scrolling closes it; but the
    // scroll event of focusing the button (scrolled into view just before opening) arrives a frame
    // later, when the button has not moved since: that one must not close the menu just opened.
    const opened = button.current?.getBoundingClientRect();
    const onScroll = (): void => {
      const now = button.current?.getBoundingClientRect();
      if (!opened || !now || Math.abs(now.top - opened.top) > 1 || Math.abs(now.left - opened.left) > 1)
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('resize', onViewportChange);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', onViewportChange);
      window.removeEventListener('scroll', onScroll, true);
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
          style={{ top: `${position.top}px`, left: `${position.left}px` }}
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
                aria-disabled={item.disabledReason ? 'true' : undefined}
                aria-describedby={item.disabledReason ? `${menuId}-${item.id}-reason` : undefined}
                title={item.disabledReason}
                onClick={() => (item.disabledReason ? undefined : select(item))}
              >
                {item.label}
                {item.disabledReason && (
                  // Visible, and the item's description (not part of its name) for screen readers.
                  <span class="menu-reason" aria-hidden="true" id={`${menuId}-${item.id}-reason`}>
                    {item.disabledReason}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
