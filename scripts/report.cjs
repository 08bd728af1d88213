/**
 * `npm run report -- …`: the compiled command line (build/cli/jxjk-report.cjs), rebuilt first when a
 * source file is newer than it — so a developer's edit is never run stale, and a user's run starts
 * without transpiling.
 */
const { ensureCli } = require('./build-cli.cjs');

require(ensureCli());
