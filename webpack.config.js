const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");
// The functions' translation logic is TypeScript (scripts/, tested with jest): loaded through tsx.
const { require: requireTs } = require("tsx/cjs/api");

/** The README rendered as the add-in's help page (the manifest's SupportUrl). */
function helpPage(markdown) {
  const { marked } = require("marked");
  return [
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    "<title>Carnet: help</title>",
    "<style>body{font-family:Segoe UI,system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.5}",
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}pre{background:#f4f4f4;padding:8px;overflow:auto}img{max-width:100%}</style>",
    "</head><body>",
    marked.parse(markdown.toString()),
    "</body></html>",
  ].join("\n");
}

/** The translation of the custom functions' names and descriptions (see its "$comment"). */
const FUNCTIONS_FR = path.resolve(__dirname, "src/domain/functions.fr.json");

/**
 * Writes functions-fr.json (the manifest's fr-FR override of the metadata URL) from the functions.json
 * that CustomFunctionsMetadataPlugin generated and the French translation file; a translation that
 * misses or names a function, parameter or description that no longer exists fails the build.
 */
class FunctionsTranslationPlugin {
  apply(compiler) {
    const name = "FunctionsTranslationPlugin";
    const { localizeFunctions, translationError } = requireTs(
      "./scripts/functions-translation.ts",
      __filename
    );
    const { excelFunctionNames } = requireTs("./scripts/excel-function-names.ts", __filename);
    const builtIns = excelFunctionNames();
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // Read on every build, so that `npm start` picks up an edited translation.
      compilation.fileDependencies.add(FUNCTIONS_FR);
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
      compilation.hooks.processAssets.tap({ name, stage }, () => {
        const english = compilation.getAsset("functions.json");
        if (!english) return; // the metadata plugin reported its own error
        const translation = JSON.parse(require("fs").readFileSync(FUNCTIONS_FR, "utf8"));
        const metadata = JSON.parse(english.source.source().toString());
        const { metadata: french, problems } = localizeFunctions(metadata, translation, builtIns);
        if (problems.length > 0) {
          const file = path.relative(__dirname, FUNCTIONS_FR);
          compilation.errors.push(
            new compiler.webpack.WebpackError(translationError(file, problems))
          );
          return;
        }
        compilation.emitAsset(
          "functions-fr.json",
          new compiler.webpack.sources.RawSource(JSON.stringify(french, null, 4))
        );
      });
    });
  }
}

/** The development URL written in manifest.xml. */
const urlDev = "https://localhost:3000/";
/** The one production setting: where dist/ is hosted (env CARNET_PRODUCTION_URL or package.json config). */
const urlProd = process.env.CARNET_PRODUCTION_URL || pkg.config.production_url;

const common = {
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  performance: { hints: false },
};

async function httpsOptions() {
  // Only `npm run start:excel` needs https (Office loads add-ins over https); the workbench is plain http.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

const OFFICE_CLIENT = "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js";

/**
 * The workbench (`--env workbench`): the same add-in entries and functions metadata, plus the page that
 * stands in for Excel (grid, HyperFormula, simulated Office host), emitted into build/workbench/ so
 * that dist/ never holds HyperFormula. Its task pane page loads Microsoft's Excel client from
 * @microsoft/office-js and connects it to the workbench's simulated host, instead of the CDN's office.js.
 */
function workbenchBuild(base) {
  return {
    ...base,
    // Cheap source maps: `npm start` rebuilds on every save.
    devtool: "eval-cheap-module-source-map",
    entry: { ...base.entry, workbench: "./src/workbench/main.tsx" },
    output: {
      path: path.resolve(__dirname, "build/workbench"),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is `npm run typecheck`'s job; here only speed matters.
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.build.json", transpileOnly: true },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionsTranslationPlugin(),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/workbench/index.html",
        chunks: ["workbench"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/workbench/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"].map((icon) => ({
            from: `assets/${icon}`,
            to: "assets/[name][ext]",
          })),
          // Microsoft's own Excel client (a devDependency, used only here and in the tests): the
          // workbench's pages load it, and the simulated host answers its requests.
          { from: OFFICE_CLIENT, to: "office-js/[name][ext]" },
        ],
      }),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = Number(process.env.PORT || pkg.config.dev_server_port || 3000);
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    functions: "./src/functions/functions.ts",
  };
  if (env.workbench) return workbenchBuild({ mode: options.mode, entry, ...common });
  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    ...common,
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionsTranslationPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Named files only: a glob over the project root makes webpack rebuild forever.
          { from: "assets/icon-16.png", to: "assets/[name][ext]" },
          { from: "assets/icon-32.png", to: "assets/[name][ext]" },
          { from: "assets/icon-64.png", to: "assets/[name][ext]" },
          { from: "assets/icon-80.png", to: "assets/[name][ext]" },
          { from: "assets/icon-128.png", to: "assets/[name][ext]" },
          // The manifest's SupportUrl: the README as a page, with its pictures.
          { from: "README.md", to: "help.html", transform: (content) => helpPage(content) },
          { from: "docs/*.png", to: "docs/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) =>
              dev || !urlProd
                ? content
                : content.toString().replace(new RegExp(urlDev, "g"), urlProd),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.https ? { type: "https", options: await httpsOptions() } : "http",
      port,
      static: { directory: path.resolve(__dirname, "dist"), watch: false },
      client: { overlay: false },
    },
  };
};
