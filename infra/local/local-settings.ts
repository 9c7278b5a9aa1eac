// The local runtime's own settings (beyond shared/config.ts): where to listen, where data lives.
import { resolve } from 'node:path';
import * as z from 'zod';

const LocalSettings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  ACCOUNT: z
    .string()
    .regex(/^[a-z][a-z0-9]{2,29}$/, 'must match ^[a-z][a-z0-9]{2,29}$')
    .default('local'),
  EXPIRY_SCAN_INTERVAL: z.coerce.number().int().min(0).default(60),
  DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type LocalSettings = z.infer<typeof LocalSettings> & { dataDir: string };

export function loadLocalSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const parsed = LocalSettings.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
