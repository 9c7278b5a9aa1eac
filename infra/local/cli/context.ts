// What every command needs: the global options, the profile's client, and how to print.
import type { Command } from 'commander';
import { apiClient, type ApiClient } from './api';
import { loadProfile } from './profiles';

export interface GlobalOptions {
  profile: string;
  json?: boolean;
  yes?: boolean;
}

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function clientFor(command: Command): ApiClient {
  return apiClient(loadProfile(globals(command).profile));
}
