// Hands a fetched file to the browser as a download. The export needs the session's headers, so a
// plain link to the API cannot fetch it; the bytes are fetched first and saved from an object URL.

/** How long the object URL outlives the click: the browser reads it after the click returns. */
const RELEASE_AFTER_MS = 60_000;

export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once may cancel the download in some browsers; the memory is freed a bit later.
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
