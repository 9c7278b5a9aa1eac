// A new token and its stored record (the MAC only): the token itself leaves only in the response.
import { newTokenId } from '../../domain/ids';
import { newTokenRecord, type TokenRecord } from '../../domain/key';
import type { Settings } from '../../domain/settings';
import { generateToken } from '../../domain/token';
import type { TokenHasher } from '../../ports';

export async function mintToken(
  hasher: TokenHasher,
  nowMs: number,
  settings: Settings,
): Promise<{ token: string; record: TokenRecord }> {
  const token = generateToken();
  const mac = await hasher.mac(token);
  const record = newTokenRecord(
    newTokenId(nowMs),
    { mac, keyId: hasher.currentKeyId },
    nowMs,
    settings.tokenDurationDays,
  );
  return { token, record };
}
