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

function readProfiles(file: string): ProfileFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProfileFile;
  } catch {
    return { profiles: {} };
  }
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
