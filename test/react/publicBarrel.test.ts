// @vitest-environment node
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as browser from 'yuno-react';
import * as reactLayer from '../../src/react';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every name (values and types) a module exports, with the declaration it resolves to. */
function exportsOf(program: ts.Program, file: string): Map<string, ts.Symbol> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const symbol = checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`not a module: ${file}`);
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  return new Map(checker.getExportsOfModule(symbol).map((s) => [s.getName(), resolve(s)]));
}

// src/components may import the React layer only through src/react/index.ts (an eslint rule): what they use from it
// must then be what a merchant gets from the package, so that a component of their own can be built the same way.
describe("the React layer's public barrel", () => {
  it('exports only values the browser entry exports too', () => {
    const missing = Object.keys(reactLayer).filter((name) => !(name in browser));
    expect(missing).toEqual([]);
    expect(Object.keys(reactLayer).length).toBeGreaterThan(10);
  });

  it('exports only names (types included) the browser entry exports too', () => {
    const barrel = resolve(root, 'src/react/index.ts');
    const entry = resolve(root, 'src/index.ts');
    const program = ts.createProgram([barrel, entry], {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const barrelExports = exportsOf(program, barrel);
    const entryExports = exportsOf(program, entry);
    expect(barrelExports.has('useCheckoutSelector')).toBe(true);
    expect(barrelExports.has('CheckoutState')).toBe(true);
    // The same declaration under the same name: an entry export of its own must not shadow the barrel's.
    const differ = [...barrelExports].filter(([name, symbol]) => entryExports.get(name) !== symbol).map(([n]) => n);
    expect(differ).toEqual([]);
  });
});
