import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { AnswerSchemas, JsonSchema } from '../../src/shared/http/openapi';

const ROOT = join(__dirname, '..', '..');
const ROUTE_DECORATORS: Record<string, string> = {
  Get: 'get',
  Post: 'post',
  Put: 'put',
  Patch: 'patch',
  Delete: 'delete',
};

/** Types every route may answer besides its own: the problem every error leaves Tally as. */
const NAMED: readonly [file: string, name: string][] = [['src/shared/http/problem.ts', 'ProblemDetails']];

/**
 * Every route's answer schema, read from the type its controller method returns — the type the
 * compiler already holds the code to — so the OpenAPI document cannot drift from what routes answer.
 * Named interfaces become components (their doc comments their descriptions); generic instances such
 * as `Page<PlanView>` are written out in place.
 */
export function answerSchemas(): AnswerSchemas {
  const files = controllerFiles(join(ROOT, 'src'));
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram([...files, ...NAMED.map(([file]) => join(ROOT, file))], config.options);
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const routes: AnswerSchemas['routes'] = {};
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node)) return;
      const prefix = decoratorArgument(node, 'Controller');
      if (prefix === undefined) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member)) continue;
        for (const [decorator, method] of Object.entries(ROUTE_DECORATORS)) {
          const path = decoratorArgument(member, decorator);
          if (path === undefined) continue;
          const signature = checker.getSignatureFromDeclaration(member)!;
          const answer = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature))!;
          const key = `${method} ${routePath(prefix, path)}`;
          if (routes[key]) throw new Error(`${key} is declared twice (${relative(ROOT, file)})`);
          routes[key] = isNothing(answer) ? null : contentOf(answer, member, writer);
        }
      }
    });
  }
  for (const [file, name] of NAMED) {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))!)!;
    writer.schemaOf(
      checker.getDeclaredTypeOfSymbol(checker.getExportsOfModule(symbol).find((s) => s.name === name)!),
    );
  }
  return { routes: sortedKeys(routes), components: sortedKeys(writer.components) };
}

/**
 * A route's answer by media type: JSON, and text as well where the route produces CSV (a route
 * answering `X | string` answers X as JSON and the string as CSV).
 */
function contentOf(
  answer: ts.Type,
  method: ts.MethodDeclaration,
  writer: SchemaWriter,
): Record<string, JsonSchema> {
  const csv = decoratorArguments(method, 'ApiProduces')?.includes('text/csv');
  if (!csv || !answer.isUnion()) return { 'application/json': writer.schemaOf(answer) };
  const json = answer.types.filter((t) => !(t.flags & ts.TypeFlags.String));
  return {
    'application/json': json.length === 1 ? writer.schemaOf(json[0]) : writer.unionOf(json, 0),
    'text/csv': { type: 'string' },
  };
}

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.controller.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The first argument of a decorator call on the node: '' when called without one, undefined when absent. */
function decoratorArgument(node: ts.HasDecorators, name: string): string | undefined {
  const args = decoratorArguments(node, name);
  return args === undefined ? undefined : (args[0] ?? '');
}

/** The string arguments of a decorator call on the node, undefined when absent. */
function decoratorArguments(node: ts.HasDecorators, name: string): string[] | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== name)
      continue;
    return call.arguments.map((argument) => {
      if (ts.isStringLiteralLike(argument)) return argument.text;
      throw new Error(`@${name}(${argument.getText()}): only string arguments are read`);
    });
  }
  return undefined;
}

/** Nest's path for a controller prefix and a route path, in OpenAPI's `{param}` form. */
function routePath(prefix: string, path: string): string {
  const joined = [prefix, path]
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map((segment) => segment.replace(/^:(\w+)$/, '{$1}'))
    .join('/');
  return `/${joined}`;
}

function isNothing(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) !== 0;
}

function sortedKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly declaredIn = new Map<string, ts.Declaration>();

  constructor(private readonly checker: ts.TypeChecker) {}

  schemaOf(type: ts.Type, depth = 0): JsonSchema {
    if (depth > 24) throw new Error(`${this.checker.typeToString(type)} nests too deep to describe`);
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.StringLiteral)
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (flags & ts.TypeFlags.NumberLiteral)
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (flags & ts.TypeFlags.BooleanLiteral)
      return { type: 'boolean', enum: [this.checker.typeToString(type) === 'true'] };
    if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (flags & ts.TypeFlags.Null) return { nullable: true, enum: [null] };
    if (type.isUnion()) return this.unionOf(type.types, depth);
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference);
      return {
        type: 'array',
        items: items.length === 1 ? this.schemaOf(items[0], depth + 1) : this.unionOf(items, depth),
      };
    }
    const name = (type.aliasSymbol ?? type.getSymbol())?.getName();
    if (name === 'Date') return { type: 'string', format: 'date-time' };
    if (name === 'Decimal') return { type: 'string' };
    if (name && !name.startsWith('__') && !isGenericInstance(type)) return this.component(name, type, depth);
    return this.objectOf(type, depth);
  }

  unionOf(types: readonly ts.Type[], depth: number): JsonSchema {
    const present = types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = present.filter((t) => !(t.flags & ts.TypeFlags.Null));
    // OpenAPI 3.0 ignores a reference's siblings: a nullable reference is wrapped.
    const withNull = (schema: JsonSchema): JsonSchema =>
      !nullable ? schema : schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
    if (rest.length === 0) return { nullable: true, enum: [null] };
    if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return withNull({ type: 'boolean' });
    if (rest.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      return withNull({ type: 'string', enum: rest.map((t) => (t as ts.StringLiteralType).value) });
    }
    if (rest.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) {
      return withNull({ type: 'number', enum: rest.map((t) => (t as ts.NumberLiteralType).value) });
    }
    // `true | false` inside a wider union is one boolean.
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const others = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    const members = others.map((t) => this.schemaOf(t, depth + 1));
    if (booleans.length > 0) members.push({ type: 'boolean' });
    return withNull(members.length === 1 ? members[0] : { oneOf: members });
  }

  private component(name: string, type: ts.Type, depth: number): JsonSchema {
    const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
    const known = this.declaredIn.get(name);
    if (known === undefined) {
      this.declaredIn.set(name, declaration!);
      this.components[name] = {};
      this.components[name] = this.objectOf(type, depth);
    } else if (known !== declaration && !this.sameShape(name, type, depth)) {
      const where = (d: ts.Declaration) => relative(ROOT, d.getSourceFile().fileName);
      throw new Error(
        `Two answer types are named ${name} (${where(known)}, ${where(declaration!)}): rename one`,
      );
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** Two types of one name that answer the same shape (OpenMeter's `Period` in two contexts) are one component. */
  private sameShape(name: string, type: ts.Type, depth: number): boolean {
    return JSON.stringify(this.objectOf(type, depth)) === JSON.stringify(this.components[name]);
  }

  private objectOf(type: ts.Type, depth: number): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const propertyType = this.checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length > 0) continue;
      const schema = this.schemaOf(propertyType, depth + 1);
      const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.getName()] =
        description && !('$ref' in schema)
          ? { ...schema, description: description.replace(/\s+/g, ' ') }
          : schema;
      if (!(property.flags & ts.SymbolFlags.Optional) && !includesUndefined(propertyType))
        required.push(property.getName());
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = this.checker
      .getIndexInfosOfType(type)
      .find((info) => info.keyType.flags & ts.TypeFlags.String);
    if (index) schema.additionalProperties = this.schemaOf(index.type, depth + 1);
    return schema;
  }
}

function isGenericInstance(type: ts.Type): boolean {
  if ((type.aliasTypeArguments?.length ?? 0) > 0) return true;
  const reference = type as ts.TypeReference;
  return (
    !!(type.flags & ts.TypeFlags.Object) &&
    !!((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) &&
    reference.target !== reference &&
    (reference.typeArguments?.length ?? 0) > 0
  );
}

function includesUndefined(type: ts.Type): boolean {
  return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined);
}
