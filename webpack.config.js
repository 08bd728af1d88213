// @ts-check
/**
 * The add-in's web build: the task pane and the ribbon's function file.
 * - development (npm start / npm run build:dev): Office.js served from node_modules/@microsoft/office-js;
 * - production (npm run build): Office.js from Microsoft's CDN (the store requires it) and every
 *   https://localhost:3000 of the manifest replaced by ADDIN_URL, which must be given (a build
 *   that silently ships localhost installs nowhere); `--env local` builds for this machine
 *   (npm run preview, the browser tests). OFFICE_JS_URL replaces the CDN for intranets.
 * Every URL in the pages is relative, so the add-in can live under a sub-path (https://host/jixiao/).
 */
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
/** The task pane's first JavaScript, gzipped; the .docx and workbook libraries load on demand. */
const INITIAL_BUDGET_GZ = 160 * 1024;

/** Prints the gzipped size of the task pane's initial JS and fails the build over budget. */
class InitialSizePlugin {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.afterEmit.tap('InitialSizePlugin', (compilation) => {
      const entry = compilation.entrypoints.get('taskpane');
      if (!entry) return;
      let raw = 0;
      let gz = 0;
      for (const file of entry.getFiles().filter((f) => f.endsWith('.js'))) {
        // Read back what was emitted (after emit webpack has let go of the sources): from disk for a
        // build, from the dev server's in-memory file system under `npm start`.
        const out = compiler.outputFileSystem?.readFileSync ? compiler.outputFileSystem : require('node:fs');
        const buf = Buffer.from(out.readFileSync(path.join(compilation.outputOptions.path || 'dist', file)));
        raw += buf.length;
        gz += zlib.gzipSync(buf, { level: 9 }).length;
      }
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`taskpane initial JS: ${kb(raw)} raw, ${kb(gz)} gzipped (budget ${kb(INITIAL_BUDGET_GZ)})`);
      if (gz > INITIAL_BUDGET_GZ && compilation.options.mode === 'production') {
        compilation.errors.push(new Error(`任务窗格首屏 JS ${kb(gz)}（gzip）超过预算 ${kb(INITIAL_BUDGET_GZ)}`));
      }
    });
  }
}

/** @returns {Promise<import('webpack').Configuration>} */
/**
 * HTTPS for the dev server: office-addin-dev-certs makes the certificates and installs its CA into
 * the system store. Where it cannot install the CA (Linux without sudo, CI), the generated
 * certificate is still served and the console says what to trust by hand.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require('node:fs');
    const dir = require('node:path').join(require('node:os').homedir(), '.office-addin-dev-certs');
    const key = path.join(dir, 'localhost.key');
    const cert = path.join(dir, 'localhost.crt');
    if (!fs.existsSync(key) || !fs.existsSync(cert)) throw e;
    console.warn(
      `未能把开发证书的根证书安装到系统（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）。` +
        `服务器仍用 ${cert} 提供 HTTPS；请手动信任 ${path.join(dir, 'ca.crt')}，否则 Excel 无法加载任务窗格。`,
    );
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.readFileSync(path.join(dir, 'ca.crt')) };
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const local = Boolean(env?.local) || Boolean(argv.env?.WEBPACK_SERVE);
  if (production && !process.env.ADDIN_URL && !local) {
    throw new Error(
      '生产构建需要 ADDIN_URL（加载项发布的网址，如 ADDIN_URL=https://host/jixiao npm run build）。' +
        '只在本机预览请用 npm run preview（即 webpack --mode production --env local）。',
    );
  }
  const origin = (process.env.ADDIN_URL || DEV_ORIGIN).replace(/\/+$/, '');
  // Intranets without access to Microsoft's CDN: OFFICE_JS_URL names a copy served elsewhere, or
  // "bundled" serves node_modules/@microsoft/office-js beside the pane (see docs/ADDIN.md).
  const officeJsSetting = process.env.OFFICE_JS_URL || '';
  const bundledOfficeJs = !production || officeJsSetting === 'bundled';
  const officeJs = bundledOfficeJs ? 'office-js/office.js' : officeJsSetting || `${OFFICE_CDN}/lib/1/hosted/office.js`;
  const officeOrigin = /^https?:/.test(officeJs) ? new URL(officeJs).origin : '';
  const scriptSrc = officeOrigin ? `'self' ${officeOrigin}` : "'self'";
  // Fluent UI (Griffel) inserts its rules into <style> elements at run time: styles need 'unsafe-inline'.
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${officeOrigin ? ` ${officeOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
  // The browser file mode (index.html, `npm run preview`) needs no Office.js: nothing leaves this origin.
  const fileCsp = officeOrigin ? csp.split(` ${officeOrigin}`).join('') : csp;

  /** @type {import('webpack').Configuration['devServer']} */
  let devServer;
  if (argv.env?.WEBPACK_SERVE) {
    devServer = {
      port: 3000,
      server: { type: 'https', options: await httpsOptions() },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    };
  }

  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval in development too.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // Hashed scripts of earlier builds stay: a taskpane.html a webview cached before a redeploy
      // still finds the chunks it asks for (deploy by copying dist/ over the old files, see
      // docs/ADDIN.md). Everything else is rebuilt.
      clean: { keep: (asset) => /\.[0-9a-f]{8}\.js(\.map)?$/.test(asset) },
      // Relative: chunks load from beside the page, so the add-in works under any sub-path.
      publicPath: '',
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp,
        officeJs,
      }),
      // Same bundle, without Office.js: the page WPS users (or anyone without Excel) open in a browser.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp: fileCsp,
        officeJs: null,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        csp,
        officeJs,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Plain ES5, copied as written (Terser must not touch it): runs in IE11/EdgeHTML webviews.
          { from: 'src/taskpane/static/boot.js', to: 'boot.js', info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_ORIGIN).join(origin),
          },
          // Local runs and intranet builds: Office.js from the package, marked minimised so Terser
          // skips its 700 files.
          ...(bundledOfficeJs
            ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } }]
            : []),
        ],
      }),
      new InitialSizePlugin(),
    ],
    performance: { hints: false },
    devServer,
  };
};
