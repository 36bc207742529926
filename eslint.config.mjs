import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

// eslint-plugin-office-addins registers its own copy of @typescript-eslint's plugin; ESLint refuses a
// second copy under the same name, so typescript-eslint's recommended rules run on that copy.
const officeConfigs = officeAddins.configs.react;
const tsPlugin = officeConfigs.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];
const tsRecommendedRules = Object.fromEntries(
  tseslint.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => !name.startsWith("@typescript-eslint/") || name.slice(19) in tsPlugin.rules)
);

/**
 * One layer of the house: the folders of src/ it must not import, and whether React (and Fluent UI) or
 * Office.js calls (Excel.run, Office.context...) are out of bounds there too.
 */
function layer(files, forbiddenFolders, { react = false, office = false } = {}, ignores = []) {
  const group = forbiddenFolders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]);
  if (react) group.push("react", "react-dom", "react-dom/*", "@fluentui/*");
  const rules = {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group,
            message: `${files.replace("/**", "")} may not import this: dependencies point inward (README, "Architecture").`,
          },
        ],
      },
    ],
  };
  if (office)
    rules["no-restricted-syntax"] = [
      "error",
      {
        selector: "MemberExpression[object.name=/^(Excel|Office|OfficeExtension)$/]",
        message: "Office.js is called only from src/excel/host (types are fine).",
      },
    ];
  return [{ files: [files], ignores, rules }];
}

export default [
  { ignores: ["dist/", "build/", "node_modules/", "coverage/"] },
  // Office's own rules (sync after load, no sync in a loop, isNullObject...), React and prettier.
  ...officeConfigs,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      ...tsRecommendedRules,
      // The plugin's recommended block stops at .ts; our views are .tsx and need Office's rules too.
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      // The plugin's older copy of this rule reads options that ESLint 9.39 no longer defaults.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false },
      ],
      // TypeScript checks names itself, including Office's and Excel's ambient globals.
      "no-undef": "off",
      // React 17+ JSX transform: React need not be in scope.
      "react/react-in-jsx-scope": "off",
    },
  },
  // The house (README, "Architecture"): dependencies point inward. Domain knows nothing of Excel, React
  // or the DOM; functions use only the domain; the Excel layer only the domain; the pane the domain and
  // the Excel layer's plan and port (the host is handed to it by index.tsx); the simulator nothing of src/.
  ...layer("src/domain/**", ["excel", "taskpane", "functions", "workbench", "commands"], {
    react: true,
    office: true,
  }),
  ...layer("src/functions/**", ["excel", "taskpane", "workbench", "commands"], {
    react: true,
    office: true,
  }),
  ...layer("src/excel/**", ["taskpane", "functions", "workbench", "commands"], { react: true }),
  // What to write is planned by pure code, tested without a host: no Office.js call in plan/.
  ...layer("src/excel/plan/**", ["taskpane", "functions", "workbench", "commands", "host"], {
    react: true,
    office: true,
  }),
  ...layer("src/taskpane/**", ["functions", "workbench", "commands", "host"], { office: true }, [
    "src/taskpane/index.tsx",
  ]),
  {
    files: ["src/workbench/sim/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../../*", "!../../workbench", "!../../workbench/**"],
              message: "The simulator stands in for Excel: it imports nothing of src/ outside it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**", "bench/**", "scripts/**", "*.js", "*.mjs"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node, ...globals.jest } },
    rules: {
      // Build scripts and tests run under Node and may require().
      "@typescript-eslint/no-require-imports": "off",
    },
  },
];
