import ts from "typescript";

/**
 * Where a source file reads the environment itself: `process.env` (dotted or bracketed, also through
 * `globalThis`), `const { env } = process`, or `env` imported from `node:process`. Comments and strings
 * that merely mention it don't count. Returns the 1-based lines.
 */
export function directEnvReads(fileName: string, source: string): number[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const isProcess = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && node.text === "process") ||
    (ts.isPropertyAccessExpression(node) && node.name.text === "process" && ts.isIdentifier(node.expression) && node.expression.text === "globalThis");
  const flag = (node: ts.Node) => lines.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === "env" && isProcess(node.expression)) flag(node);
    else if (ts.isElementAccessExpression(node) && isProcess(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === "env")
      flag(node);
    else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isProcess(node.initializer)) {
      if (node.name.elements.some((element) => ((element.propertyName ?? element.name) as ts.Identifier).text === "env")) flag(node);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(node:)?process$/.test(node.moduleSpecifier.text)) {
      // The module's default or namespace is `process` itself; a named `env` is the environment.
      const bindings = node.importClause?.namedBindings;
      const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.some((e) => (e.propertyName ?? e.name).text === "env") : false;
      if (named || node.importClause?.name || (bindings && ts.isNamespaceImport(bindings))) flag(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}
