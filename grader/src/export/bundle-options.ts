// What every esbuild build of the grader shares: the Classroom 50 bundle and the prebuilt grader.

/**
 * The oldest Node.js the bundle runs on (esbuild target; autograder.py refuses older ones). The
 * dependencies set the floor: execa uses `Set.prototype.union`, which Node 20 lacks.
 */
export const BUNDLE_NODE_MAJOR = 22;

// ssh2 (through dockerode) loads two optional native addons inside try/catch and works without
// them; they cannot be bundled, so they stay out and their `require` fails as when absent.
export const OPTIONAL_NATIVE = ['cpu-features', '*.node'];
// Dependencies written as CommonJS call `require` for Node's built-in modules and read
// `__dirname`: an ES module has neither, so the bundle defines them first (ssh2's `__dirname` then
// names the bundle's folder, for a Windows-only helper it never finds there).
export const COMMONJS_SHIM = [
  "import { createRequire as __dockerLabCreateRequire } from 'node:module';",
  "import { fileURLToPath as __dockerLabFileURLToPath } from 'node:url';",
  'const require = __dockerLabCreateRequire(import.meta.url);',
  'const __filename = __dockerLabFileURLToPath(import.meta.url);',
  "const __dirname = __dockerLabFileURLToPath(new URL('.', import.meta.url));",
].join('\n');
