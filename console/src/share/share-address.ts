// The share page's address: /share/{shareId}#{secret}. The secret lives in the fragment, which the
// browser never sends to any server; it is read once, kept in memory only, and removed from the
// address bar and the history entry at once, so it does not linger on screen, in bookmarks or in
// the tab's history.
const SHARE_PATH = /^\/share\/([A-Za-z0-9_-]{1,100})\/?$/;

export function shareIdFromPath(pathname: string): string | null {
  return SHARE_PATH.exec(pathname)?.[1] ?? null;
}

export function takeSecretFromAddress(): string | null {
  const secret = location.hash.replace(/^#/, '');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return secret || null;
}
