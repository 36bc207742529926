const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

/** The development URL written in manifest.xml. */
const urlDev = "https://localhost:3000/";
/** The one production setting: where dist/ is hosted (env CARNET_PRODUCTION_URL or package.json config). */
const urlProd = process.env.CARNET_PRODUCTION_URL || pkg.config.production_url;

async function httpsOptions() {
  // Only `npm run start:excel` needs https (Office loads add-ins over https); the workbench is plain http.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = Number(process.env.PORT || pkg.config.dev_server_port || 3000);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
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
