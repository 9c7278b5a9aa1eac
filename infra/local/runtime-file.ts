// DATA_DIR/runtime.json tells the operator commands (bootstrap, expiry-scan) where the running
// local stack's database is. It is written at start and removed at a clean stop.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuntimeInfo {
  pid: number;
  dynamodbEndpoint: string;
  tableName: string;
  apiUrl: string;
}

const fileIn = (dataDir: string): string => join(dataDir, 'runtime.json');

export const writeRuntimeInfo = (dataDir: string, info: RuntimeInfo): void =>
  writeFileSync(fileIn(dataDir), JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });

export const removeRuntimeInfo = (dataDir: string): void => rmSync(fileIn(dataDir), { force: true });

/** The live instance serving `dataDir`, or null (no file, or its process is gone). */
export function runningInstance(dataDir: string): RuntimeInfo | null {
  try {
    return readRuntimeInfo(dataDir);
  } catch {
    return null;
  }
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo {
  let info: RuntimeInfo;
  try {
    info = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as RuntimeInfo;
  } catch {
    throw new Error(`No local stack is running with DATA_DIR=${dataDir}: start it with \`npm start\` first.`);
  }
  try {
    process.kill(info.pid, 0);
  } catch {
    throw new Error(
      `The local stack recorded in ${fileIn(dataDir)} is not running: start it with \`npm start\`.`,
    );
  }
  return info;
}
