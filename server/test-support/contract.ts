import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { ApiResponse } from './api-server.ts';

const CONTRACT_ID = 'https://aurora.local/aurora-users-v7.openapi.yaml';
const contractUrl = new URL('../contract/aurora-users-v7.openapi.yaml', import.meta.url);

interface Reference {
  $ref: string;
}
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}
interface Contract {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject | Reference> }>>;
}

export const contract = parse(readFileSync(contractUrl, 'utf8')) as Contract;

const ajv = new Ajv2020({ allErrors: true, strict: true });
// The document's OpenAPI members are not JSON Schema keywords; declare them so strict mode
// still catches typos inside the schemas themselves.
ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components']);
ajv.addSchema(contract, CONTRACT_ID);

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], contract);
}

const validators = new Map<string, ValidateFunction>();

/** The validator for the JSON body the contract gives for this path, method and status. */
export function responseValidator(method: string, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;

  const operation = contract.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The contract has no ${method} ${path}`);
  let pointer = `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${status}`;
  const response = operation.responses[String(status)];
  if (response === undefined)
    throw new Error(`The contract has no ${status} for ${method} ${path}`);
  if (isReference(response)) pointer = response.$ref;
  const resolved = resolvePointer(pointer) as ResponseObject | undefined;
  if (resolved?.content?.['application/json']?.schema === undefined) {
    throw new Error(`The contract gives no JSON schema for ${key}`);
  }
  const validate = ajv.getSchema(`${CONTRACT_ID}${pointer}/content/application~1json/schema`);
  if (!validate) throw new Error(`Could not compile the schema for ${key}`);
  validators.set(key, validate);
  return validate;
}

/** Fails unless the contract lists this status for the operation and the body matches its schema. */
export function expectContractResponse(method: string, path: string, response: ApiResponse): void {
  const validate = responseValidator(method, path, response.status);
  const valid = validate(response.body);
  expect(validate.errors ?? [], `${method} ${path} ${response.status}`).toEqual([]);
  expect(valid).toBe(true);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
}
