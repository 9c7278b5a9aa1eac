// Issue 14's acceptance matrix: every console item is checked at a laptop size (1366x768) and a
// phone (390x844), in each of the three languages.
import type { ConsoleLocale } from './console-harness';

export interface Viewport {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { name: 'desktop', width: 1366, height: 768 };
export const PHONE: Viewport = { name: 'phone', width: 390, height: 844 };

export const LOCALES: ConsoleLocale[] = ['en', 'pt-BR', 'es'];

/** [locale, viewport name, viewport] for test.each: the viewport's name makes the test title. */
export const MATRIX: [ConsoleLocale, string, Viewport][] = LOCALES.flatMap((locale) =>
  [DESKTOP, PHONE].map((viewport): [ConsoleLocale, string, Viewport] => [locale, viewport.name, viewport]),
);
