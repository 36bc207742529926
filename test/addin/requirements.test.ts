/**
 * The manifest asks for what the code uses. Every Office.js member Carnet calls is found with the
 * TypeScript checker (its declaration in @types/office-js, whose doc comment says
 * `[Api set: ExcelApi 1.n]`); the highest set of each family must be covered by the manifest's
 * `<Requirements>`, unless the call sits in a function that first asks
 * `isSetSupported(family, version)` for it (and so offers a fallback on older Excel).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { DOMParser } from "@xmldom/xmldom";

const ROOT = path.resolve(__dirname, "../..");
const SOURCES = ["src/excel/host", "src/functions", "src/taskpane"];

export interface MemberUse {
  readonly member: string;
  readonly family: string;
  readonly version: string;
  readonly at: string;
  readonly guarded: boolean;
}

function sourceFiles(): string[] {
  return SOURCES.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => path.join(ROOT, dir, f))
  );
}

const API_SET = /\[Api set: (\w+) ([\d.]+)/;

function asksFor(text: string, family: string, version: string): boolean {
  const asks = [...text.matchAll(/isSetSupported\(\s*"(\w+)"\s*,\s*"([\d.]+)"\s*\)/g)];
  return asks.some(([, f, v]) => f === family && !versionBelow(v, version));
}

/**
 * The enclosing function asks isSetSupported for this family at this version or above, itself or
 * through a function of the same file that does (`canResizeTables()`).
 */
function isGuarded(node: ts.Node, family: string, version: string): boolean {
  let scope: ts.Node | undefined = node;
  while (scope && !ts.isFunctionLike(scope)) scope = scope.parent;
  const text = scope?.getText() ?? "";
  if (asksFor(text, family, version)) return true;
  const checks = node
    .getSourceFile()
    .statements.filter(ts.isFunctionDeclaration)
    .filter((f) => f.name && asksFor(f.getText(), family, version));
  return checks.some((f) => text.includes(`${f.name!.text}(`));
}

export function versionBelow(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] < y[0] || (x[0] === y[0] && (x[1] ?? 0) < (y[1] ?? 0));
}

/** Every use of an Office.js member with an API-set note, in Carnet's code that talks to Office. */
export function officeMemberUses(): MemberUse[] {
  const program = ts.createProgram(sourceFiles(), {
    strict: true,
    target: ts.ScriptTarget.ES2020,
    lib: ["lib.es2020.d.ts", "lib.dom.d.ts"],
    jsx: ts.JsxEmit.ReactJSX,
    types: ["office-js", "custom-functions-runtime"],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(path.join(ROOT, "src"))) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node)
        ? node.name
        : ts.isNewExpression(node)
          ? node.expression
          : null;
      const symbol = name && checker.getSymbolAtLocation(name);
      const declaration = symbol?.declarations?.[0];
      if (symbol && declaration?.getSourceFile().fileName.includes("@types/")) {
        // The note sits in the @remarks tag: "[Api set: ExcelApi 1.13]".
        const doc = symbol
          .getJsDocTags(checker)
          .map((tag) => ts.displayPartsToString(tag.text))
          .join("\n");
        const match = API_SET.exec(doc);
        if (match) {
          const owner = (declaration.parent as ts.ClassDeclaration).name?.getText() ?? "";
          const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          uses.push({
            member: `${owner}.${symbol.name}`,
            family: match[1],
            version: match[2],
            at: `${path.relative(ROOT, file.fileName)}:${line}`,
            guarded: isGuarded(node, match[1], match[2]),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function manifestSets(): Map<string, string> {
  const xml = new DOMParser().parseFromString(
    fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
    "text/xml"
  );
  const sets = new Map<string, string>();
  const list = xml.getElementsByTagName("Requirements")[0].getElementsByTagName("Set");
  for (let i = 0; i < list.length; i++)
    sets.set(list[i].getAttribute("Name")!, list[i].getAttribute("MinVersion") ?? "1.1");
  return sets;
}

describe("the manifest's requirement sets", () => {
  const uses = officeMemberUses();

  it("find the members Carnet calls (the derivation sees the code)", () => {
    const members = new Set(uses.map((u) => u.member));
    for (const known of ["Worksheet.getRangeByIndexes", "Range.getSurroundingRegion"])
      expect(members).toContain(known);
  });

  it("cover every member called without an isSetSupported check", () => {
    const sets = manifestSets();
    const uncovered = uses
      .filter((u) => !u.guarded)
      .filter((u) => !sets.has(u.family) || versionBelow(sets.get(u.family)!, u.version))
      .map((u) => `${u.member} needs ${u.family} ${u.version} (${u.at})`);
    expect([...new Set(uncovered)]).toEqual([]);
  });
});
