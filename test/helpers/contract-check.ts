// Every response the integration suite receives is checked against the OpenAPI document with a
// JSON Schema 2020-12 validator (Ajv): its status must be declared for that operation, its media
// type and body must match, and the contract's headers (ETag, Location, Retry-After,
// Content-Disposition) must be declared and well-formed. So the document and the service cannot
// disagree without a test failing.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { buildOpenApi } from '../../shared/openapi';

interface Operation {
  responses: Record<string, ResponseObject>;
}
interface ResponseObject {
  headers?: Record<string, { $ref: string }>;
  content?: Record<string, unknown>;
}
interface Header {
  required?: boolean;
  schema: { type?: string };
}
type Document = ReturnType<typeof buildOpenApi> & { paths: Record<string, Record<string, Operation>> };

/** The headers API.md makes part of the contract: each must be declared where it is sent. */
const CONTRACT_HEADERS = ['etag', 'location', 'retry-after', 'content-disposition'];
const DOCUMENT_ID = 'https://apikeys.dev/openapi.json';

export interface ObservedResponse {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

let checker: ContractCheck | undefined;
export const contractCheck = (): ContractCheck => (checker ??= new ContractCheck(buildOpenApi() as Document));

const pointer = (...parts: string[]) =>
  '#/' + parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export class ContractCheck {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; params: number }[];

  constructor(private readonly doc: Document) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(this.ajv);
    // The document's own keywords, so the whole document can be the root that `$ref`s resolve in.
    this.ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags']);
    this.ajv.addSchema(doc, DOCUMENT_ID);
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp('^' + template.replace(/\{\w+\}/g, '[^/]+') + '$'),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter (/v1/keys/export before /v1/keys/{appKey}).
      .sort((a, b) => a.params - b.params);
  }

  /** The problems found in one response; empty when it conforms (or the route is undocumented). */
  problems(response: ObservedResponse): string[] {
    const url = new URL(response.path, 'http://x');
    const template = this.templates.find((t) => t.pattern.test(url.pathname))?.template;
    const method = response.method.toLowerCase();
    const operation = template ? this.doc.paths[template]?.[method] : undefined;
    // Unknown routes and methods are the catch-all's 404, which is no operation of the document.
    if (!template || !operation) return [];
    const declared = operation.responses[String(response.status)];
    if (!declared) {
      return [
        `status ${response.status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    const at = (...rest: string[]) =>
      pointer('paths', template, method, 'responses', String(response.status), ...rest);
    return [...this.headerProblems(response, declared), ...this.bodyProblems(response, declared, at)];
  }

  private headerProblems(response: ObservedResponse, declared: ResponseObject): string[] {
    const found: string[] = [];
    const declaredNames = Object.keys(declared.headers ?? {}).map((h) => h.toLowerCase());
    for (const name of CONTRACT_HEADERS) {
      if (response.headers.has(name) && !declaredNames.includes(name))
        found.push(`header ${name} is sent but not declared`);
    }
    for (const [name, reference] of Object.entries(declared.headers ?? {})) {
      const id = reference.$ref.slice('#/components/headers/'.length);
      const header = (this.doc.components.headers as Record<string, Header | undefined>)[id];
      if (!header) {
        found.push(`header ${name} refers to no component (${reference.$ref})`);
        continue;
      }
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) found.push(`required header ${name} is missing`);
        continue;
      }
      const typed = header.schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      const validate = this.validator(pointer('components', 'headers', id, 'schema'));
      if (!validate(typed))
        found.push(`header ${name}: ${JSON.stringify(value)} ${this.ajv.errorsText(validate.errors)}`);
    }
    return found;
  }

  private bodyProblems(
    response: ObservedResponse,
    declared: ResponseObject,
    at: (...rest: string[]) => string,
  ): string[] {
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!declared.content) return response.text === '' ? [] : ['a body is sent where none is declared'];
    if (!(mediaType in declared.content)) {
      return [
        `content-type ${mediaType || '(none)'} is not declared (${Object.keys(declared.content).join(', ')})`,
      ];
    }
    // A download (text/csv, the XLSX workbook) is a string to the document: only its presence is
    // the contract's; the export suite reads the files themselves.
    if (!/[/+]json$/.test(mediaType)) return response.text === '' ? [`the ${mediaType} body is empty`] : [];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`the ${mediaType} body is not JSON`];
    }
    const validate = this.validator(at('content', mediaType, 'schema'));
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  private validator(fragment: string): ValidateFunction {
    let validate = this.validators.get(fragment);
    if (!validate) {
      validate = this.ajv.getSchema(DOCUMENT_ID + fragment);
      if (!validate) throw new Error(`The OpenAPI document has no schema at ${fragment}`);
      this.validators.set(fragment, validate);
    }
    return validate;
  }
}
