/* eslint-disable no-restricted-imports */
// The JSON Schemas (OpenAPI 3.0) of the records the API answers with, read
// from their TypeScript types in -common: the types are the one place a
// record's fields are written, with their documentation; `generate:openapi`
// writes these schemas into openapi.yaml, and the typed router then checks
// every handler's answer against them.
//
// A record named in `names` (or in `refs`: the records zod writes) becomes a
// `$ref` wherever another record uses it; everything else is written out.
// An alias `Integer` (-common's `types.ts`) is an integer, and `Timestamp`
// a string in `date-time` format.
const { join } = require('node:path');

function typeSchemas({ entry, names, refs = [] }) {
  // eslint-disable-next-line @backstage/no-undeclared-imports
  const ts = require('typescript');
  const program = ts.createProgram([entry], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry} is not in the program`);
  const exported = new Map(
    checker
      .getExportsOfModule(checker.getSymbolAtLocation(source))
      .map(symbol => [symbol.getName(), symbol]),
  );
  const named = new Set([...names, ...refs]);
  const ref = name => ({ $ref: `#/components/schemas/${name}` });
  const resolve = symbol =>
    symbol && symbol.flags & ts.SymbolFlags.Alias
      ? checker.getAliasedSymbol(symbol)
      : symbol;
  const docOf = symbol => {
    const text = ts
      .displayPartsToString(symbol.getDocumentationComment(checker))
      .replace(/\s+/g, ' ')
      .trim();
    return text ? { description: text } : {};
  };

  // One property list as an object schema.
  const objectOf = (properties, where) => {
    const schema = { type: 'object', properties: {} };
    const required = [];
    for (const property of properties) {
      const name = property.getName();
      const declaration =
        property.valueDeclaration ?? property.declarations?.[0];
      const typeNode = declaration && declaration.type;
      const type = checker.getTypeOfSymbolAtLocation(property, where);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const value = toSchema(
        optional ? checker.getNonNullableType(type) : type,
        typeNode,
      );
      schema.properties[name] = { ...docOf(property), ...value };
      if (!optional) required.push(name);
    }
    if (required.length) schema.required = required;
    return schema;
  };

  const merge = parts => {
    // Objects joined (`A & { more }`): a named part stays a `$ref`.
    if (parts.some(part => part.$ref || part.allOf)) {
      return { allOf: parts.flatMap(part => part.allOf ?? [part]) };
    }
    const schema = { type: 'object', properties: {} };
    const required = new Set();
    for (const part of parts) {
      Object.assign(schema.properties, part.properties);
      for (const r of part.required ?? []) required.add(r);
      if (part.additionalProperties !== undefined) {
        schema.additionalProperties = part.additionalProperties;
      }
    }
    if (required.size) schema.required = [...required];
    return schema;
  };

  function referenced(node) {
    // `Foo`, `ns.Foo` or `import('./x').Foo`: the name, if it is a record.
    let name;
    if (ts.isTypeReferenceNode(node)) {
      name = ts.isIdentifier(node.typeName)
        ? node.typeName.text
        : node.typeName.right.text;
    } else if (ts.isImportTypeNode(node) && node.qualifier) {
      name = ts.isIdentifier(node.qualifier)
        ? node.qualifier.text
        : node.qualifier.right.text;
    }
    return name;
  }

  function toSchema(type, node) {
    if (node) {
      if (ts.isParenthesizedTypeNode(node)) return toSchema(type, node.type);
      const name = referenced(node);
      if (name && named.has(name) && !node.typeArguments) return ref(name);
      if (name === 'Integer') return { type: 'integer' };
      if (name === 'Timestamp') return { type: 'string', format: 'date-time' };
      if (
        (name === 'Array' || name === 'ReadonlyArray') &&
        node.typeArguments
      ) {
        const [item] = node.typeArguments;
        return {
          type: 'array',
          items: toSchema(checker.getTypeFromTypeNode(item), item),
        };
      }
      if (name === 'Record' && node.typeArguments?.length === 2) {
        const value = node.typeArguments[1];
        return {
          type: 'object',
          additionalProperties: toSchema(
            checker.getTypeFromTypeNode(value),
            value,
          ),
        };
      }
      if (ts.isArrayTypeNode(node)) {
        return {
          type: 'array',
          items: toSchema(
            checker.getTypeFromTypeNode(node.elementType),
            node.elementType,
          ),
        };
      }
      if (ts.isIntersectionTypeNode(node)) {
        return merge(
          node.types.map(part =>
            toSchema(checker.getTypeFromTypeNode(part), part),
          ),
        );
      }
      if (ts.isUnionTypeNode(node)) {
        const members = node.types.filter(
          part =>
            part.kind !== ts.SyntaxKind.UndefinedKeyword &&
            !(
              ts.isLiteralTypeNode(part) &&
              part.literal.kind === ts.SyntaxKind.NullKeyword
            ),
        );
        const nullable =
          members.length < node.types.length &&
          node.types.some(
            part =>
              ts.isLiteralTypeNode(part) &&
              part.literal.kind === ts.SyntaxKind.NullKeyword,
          );
        if (members.length === 1) {
          const one = toSchema(
            checker.getTypeFromTypeNode(members[0]),
            members[0],
          );
          return nullable ? { ...one, nullable: true } : one;
        }
        if (!members.every(part => ts.isLiteralTypeNode(part))) {
          return {
            oneOf: members.map(part =>
              toSchema(checker.getTypeFromTypeNode(part), part),
            ),
          };
        }
      }
      if (ts.isTypeLiteralNode(node)) {
        return objectOf(checker.getPropertiesOfType(type), node);
      }
      // An alias of ours without parameters: what it stands for, read where
      // it is written (so that named records inside it stay references).
      if (name && !node.typeArguments && ts.isTypeReferenceNode(node)) {
        const symbol = resolve(checker.getSymbolAtLocation(node.typeName));
        const declaration = symbol?.declarations?.[0];
        if (
          declaration &&
          ts.isTypeAliasDeclaration(declaration) &&
          !declaration.typeParameters &&
          !declaration.getSourceFile().isDeclarationFile
        ) {
          return toSchema(type, declaration.type);
        }
      }
    }
    return fromType(type, node);
  }

  // What the checker says the type is, when the text says nothing more
  // (zod's inferred records, indexed types, literal unions).
  function fromType(type, where) {
    const location = where ?? source;
    if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) {
      return {};
    }
    if (type.isUnion()) {
      const members = type.types.filter(
        t => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
      );
      const nullable = type.types.some(t => t.flags & ts.TypeFlags.Null);
      const literals = members.filter(
        t => t.isLiteral() || t.flags & ts.TypeFlags.BooleanLiteral,
      );
      if (literals.length === members.length) {
        if (members.every(t => t.flags & ts.TypeFlags.BooleanLiteral)) {
          return { type: 'boolean', ...(nullable ? { nullable: true } : {}) };
        }
        const values = members.map(t => t.value);
        return {
          type: typeof values[0] === 'number' ? 'number' : 'string',
          enum: values,
          ...(nullable ? { nullable: true } : {}),
        };
      }
      if (members.length === 1) {
        const one = fromType(members[0], where);
        return nullable ? { ...one, nullable: true } : one;
      }
      return { oneOf: members.map(t => fromType(t, where)) };
    }
    if (type.flags & ts.TypeFlags.StringLiteral) {
      return { type: 'string', enum: [type.value] };
    }
    if (type.flags & ts.TypeFlags.NumberLiteral) {
      return { type: 'number', enum: [type.value] };
    }
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [item] = checker.getTypeArguments(type);
      return { type: 'array', items: item ? fromType(item, where) : {} };
    }
    const aliasName = type.aliasSymbol?.getName();
    if (aliasName && named.has(aliasName)) return ref(aliasName);
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) {
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      const properties = checker.getPropertiesOfType(type);
      if (index && !properties.length) {
        return {
          type: 'object',
          additionalProperties: fromType(index.type, where),
        };
      }
      return objectOf(properties, location);
    }
    throw new Error(`No schema for the type ${checker.typeToString(type)}`);
  }

  const schemas = {};
  for (const name of names) {
    const symbol = resolve(exported.get(name));
    if (!symbol) throw new Error(`-common exports no type ${name}`);
    const declaration = symbol.declarations[0];
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const schema = ts.isTypeAliasDeclaration(declaration)
      ? toSchema(type, declaration.type)
      : fromType(type, declaration);
    schemas[name] = { ...docOf(symbol), ...schema };
  }
  return schemas;
}

module.exports = {
  typeSchemas,
  commonEntry: join(__dirname, '../../reliability-common/src/index.ts'),
};
