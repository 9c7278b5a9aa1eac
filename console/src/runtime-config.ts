// Runtime configuration: /config.json next to index.html says where the API is, so one build serves
// every environment (local: same origin; AWS: the API Gateway URL written at deploy time).
export interface RuntimeConfig {
  /** Base URL of the API without a trailing slash; "" means the console's own origin. */
  apiUrl: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  // From the site's root: the same bundle also runs at /share/{id}.
  const response = await fetch(new URL('/config.json', location.origin), { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<RuntimeConfig>;
  if (typeof body.apiUrl !== 'string') throw new Error('config.json: apiUrl must be a string');
  return { apiUrl: body.apiUrl.replace(/\/+$/, '') };
}
