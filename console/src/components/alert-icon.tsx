// One shape per alert level, so the levels differ by form as well as by colour.
import type { AlertLevel } from '../api/types';

export function AlertIcon({ level }: { level: Exclude<AlertLevel, 'none'> }) {
  const common = { class: 'icon', width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true } as const;
  if (level === 'expiring')
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
        <path d="M8 4v4.5l3 1.8" fill="none" stroke="currentColor" stroke-width="1.6" />
      </svg>
    );
  if (level === 'expired')
    return (
      <svg {...common}>
        <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.6" />
        <path d="M8 6v4M8 11.5v1.5" stroke="currentColor" stroke-width="1.6" />
      </svg>
    );
  return (
    <svg {...common}>
      <path
        d="M5.2 1.2h5.6l4 4v5.6l-4 4H5.2l-4-4V5.2z"
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
      />
      <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" stroke-width="1.6" />
    </svg>
  );
}
