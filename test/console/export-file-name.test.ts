// The console saves an export under the name the API gives in Content-Disposition; a header the
// browser cannot read (missing, or a name trying to reach a folder) must not become the file name.
import { fileNameOf } from '../../console/src/api/api-client';

describe('fileNameOf (Content-Disposition)', () => {
  test.each<[string | null, string | null]>([
    ['attachment; filename="api-keys-acme-2026-11-30.csv"', 'api-keys-acme-2026-11-30.csv'],
    ['attachment; filename=api-keys-acme-2026-11-30.xlsx', 'api-keys-acme-2026-11-30.xlsx'],
    ['ATTACHMENT; FILENAME="api-keys-acme-2026-11-30.csv"', 'api-keys-acme-2026-11-30.csv'],
    ['attachment; filename="../../etc/passwd"', null],
    ['attachment; filename="a\\\\b.csv"', null],
    ['attachment', null],
    [null, null],
  ])('%j → %j', (header, expected) => {
    expect(fileNameOf(header)).toBe(expected);
  });
});
