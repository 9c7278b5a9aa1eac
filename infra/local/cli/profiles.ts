// Profiles: where the API is and which key the CLI speaks as. Stored in one JSON file in the
// user's config directory, readable by the user only (0600), since it holds tokens. Environment
// variables (APIKEYS_URL, APIKEYS_APP_KEY, APIKEYS_TOKEN) override the stored profile, for CI.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { usageError } from './errors';

export interface Profile {
  url: string;
  appKey: string;
  token: string;
}
type ProfileFile = { profiles: Record<string, Profile> };

export function configFile(env = process.env): string {
  if (env.APIKEYS_CONFIG) return env.APIKEYS_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'apikeys', 'config.json');
}

/**
 * The stored profiles. A missing file is no profiles; a file that cannot be read as profiles is a
 * usage error naming it, never treated as empty (a login would then overwrite every other profile).
 */
function readProfiles(file: string): ProfileFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw usageError(`Cannot read the config file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usageError(
      `The config file ${file} is not valid JSON (${(error as Error).message}): fix or remove it.`,
    );
  }
  const profiles = (parsed as { profiles?: unknown } | null)?.profiles;
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
    throw usageError(`The config file ${file} has no "profiles" object: fix or remove it.`);
  return parsed as ProfileFile;
}

export function saveProfile(name: string, profile: Profile, file = configFile()): void {
  const all = readProfiles(file);
  all.profiles[name] = profile;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode on write: tighten it too
}

export function loadProfile(name: string, env = process.env): Profile {
  const stored = readProfiles(configFile(env)).profiles[name];
  const profile = {
    url: env.APIKEYS_URL ?? stored?.url,
    appKey: env.APIKEYS_APP_KEY ?? stored?.appKey,
    token: env.APIKEYS_TOKEN ?? stored?.token,
  };
  if (!profile.url || !profile.appKey || !profile.token) {
    throw usageError(
      `No credentials for profile '${name}': run apikeys login (or set APIKEYS_URL, APIKEYS_APP_KEY, APIKEYS_TOKEN).`,
    );
  }
  return profile as Profile;
}
