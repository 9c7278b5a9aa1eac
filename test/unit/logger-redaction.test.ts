// Tokens never reach the logs (API.md "Token format": never in logs): the redaction step of the logger.
import { Logger } from '@aws-lambda-powertools/logger';
import { generateToken } from '../../shared/domain/token';
import { logger, redact } from '../../shared/logger';

const TOKEN = generateToken(new Uint8Array(32).fill(0xab));
const OTHER = generateToken(new Uint8Array(32).fill(0xcd));

describe('redact', () => {
  it('replaces a token inside any string value', () => {
    expect(redact('note', `token is ${TOKEN}`)).toBe('token is apt_[redacted]');
    expect(redact('message', `${TOKEN} and ${OTHER}!`)).toBe('apt_[redacted] and apt_[redacted]!');
  });

  it('replaces the whole value of fields named like a secret', () => {
    for (const field of [
      'appToken',
      'token',
      'x-api-apptoken',
      'X-API-AppToken',
      'authorization',
      'Authorization',
      'clientSecret',
      'password',
      'body',
    ]) {
      expect(redact(field, 'anything at all')).toBe('[redacted]');
    }
  });

  it('redacts non-string scalars in secret fields too', () => {
    expect(redact('appToken', 12345)).toBe('[redacted]');
    expect(redact('secret', true)).toBe('[redacted]');
  });

  it('leaves objects in secret fields to be walked, so their inner values are redacted in turn', () => {
    const nested = { value: TOKEN };

    expect(redact('tokens', nested)).toBe(nested);
    expect(JSON.stringify({ tokens: [TOKEN], secret: { value: TOKEN } }, redact)).not.toContain(TOKEN);
  });

  it('leaves ordinary fields and values alone', () => {
    expect(redact('appKey', 'apk-shop-01KB0000000000000000000000')).toBe(
      'apk-shop-01KB0000000000000000000000',
    );
    expect(redact('message', 'key created')).toBe('key created');
    expect(redact('bodyLength', 42)).toBe(42);
    expect(redact('appToken', null)).toBeNull();
    expect(redact('note', 'apt_short')).toBe('apt_short');
  });

  it('does not redact the root object', () => {
    const root = { a: 1 };

    expect(redact('', root)).toBe(root);
  });

  it('removes every token from a structure serialised with it', () => {
    const entry = {
      headers: { 'X-API-AppKey': 'apk-shop-01KB0000000000000000000000', 'X-API-AppToken': TOKEN },
      list: [TOKEN, `prefix ${OTHER} suffix`],
      deep: { deeper: { note: `a ${TOKEN} b`, body: '{"appToken":"x"}' } },
    };

    const json = JSON.stringify(entry, redact);

    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain(OTHER);
    expect(json).toContain('apk-shop-01KB0000000000000000000000');
  });
});

describe('the service logger', () => {
  let written: string[];
  let previousLevel: string;
  let spies: jest.SpyInstance[];

  beforeEach(() => {
    written = [];
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation(capture),
      jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
    previousLevel = logger.getLevelName();
    logger.setLogLevel('INFO'); // the test setup silences logs; this suite needs to see them
  });

  afterEach(() => {
    logger.setLogLevel(previousLevel as 'INFO');
    for (const spy of spies) spy.mockRestore();
  });

  it('writes no token when given one as a field and inside a string', () => {
    logger.info('x', { appToken: TOKEN, note: 'token is ' + TOKEN });

    const output = written.join('');
    expect(output).toContain('"message":"x"');
    expect(output).toContain('"appToken":"[redacted]"');
    expect(output).toContain('"note":"token is apt_[redacted]"');
    expect(output).not.toContain(TOKEN);
  });

  it('writes no token placed in the message or in a logged error', () => {
    logger.info(`created ${TOKEN}`);
    logger.error('failed', new Error(`could not store ${TOKEN}`));

    const output = written.join('');
    expect(output).toContain('created apt_[redacted]');
    expect(output).toContain('could not store apt_[redacted]');
    expect(output).not.toContain(TOKEN);
  });

  it('writes no token found in nested request data', () => {
    logger.warn('request', { request: { headers: { 'x-api-apptoken': TOKEN }, body: `{"t":"${TOKEN}"}` } });

    const output = written.join('');
    expect(output).toContain('"x-api-apptoken":"[redacted]"');
    expect(output).not.toContain(TOKEN);
  });

  it('uses the same redaction when another Logger is built with it', () => {
    const lines: string[] = [];
    const custom = new Logger({ serviceName: 'test', logLevel: 'INFO', jsonReplacerFn: redact });
    // Powertools prints through an internal console; swap in one that records the lines.
    (custom as unknown as { console: Pick<Console, 'info'> }).console = {
      info: (line: string) => void lines.push(line),
    };

    custom.info('x', { appToken: TOKEN, note: 'token is ' + TOKEN });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'x',
      appToken: '[redacted]',
      note: 'token is apt_[redacted]',
    });
  });
});
