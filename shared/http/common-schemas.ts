// Pieces the key schemas (schemas.ts) and the role and external-key schemas (access-schemas.ts)
// share, so a key's name and a role's name, and every list of role ids, follow one rule.
import * as z from 'zod';
import { MAX_NAME_LENGTH } from '../domain/key';
import { MAX_ROLES_PER_KEY, ROLE_ID_PATTERN } from '../domain/roles';

export const Instant = z.iso
  .datetime({ precision: 3 })
  .meta({ description: 'ISO-8601 UTC with milliseconds' });

export const RoleId = z.string().regex(ROLE_ID_PATTERN, 'Not a role id.');

/** Role ids, each at most once (uniqueItems in the document; duplicates named by index). */
export const RoleIds = z
  .array(RoleId)
  .max(MAX_ROLES_PER_KEY)
  .superRefine((ids, ctx) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: [i], message: `Role '${id}' is listed twice.` });
    });
  })
  .meta({ uniqueItems: true });

/** Something visible: whitespace and invisible format characters (zero-width space, ...) are blank. */
const VISIBLE = /[^\s\p{Cf}]/u;
/**
 * The name of a key or a role: 1..100 characters counted as JSON Schema counts them (code points,
 * not UTF-16 units: an emoji is one), after trimming, and not blank.
 */
export const Name = z
  .string()
  .trim()
  .refine((name) => [...name].length <= MAX_NAME_LENGTH, `Must be at most ${MAX_NAME_LENGTH} characters.`)
  .regex(VISIBLE, 'Must not be blank.')
  .meta({ minLength: 1, maxLength: MAX_NAME_LENGTH });
