/**
 * A DOM for component tests that also run the real server. Import it first, in a test file left in vitest's node
 * environment: `// @vitest-environment jsdom` would transform every module for the browser, where Vite rewrites
 * `new URL('./asset', import.meta.url)` into a dev-server URL and the server's `readFileSync` of its own assets
 * fails (and the docblock only takes package names, so a custom environment cannot be named there). This installs
 * the same globals vitest's jsdom environment does, with its own setup, and leaves the module transform alone.
 */
// vitest/runtime, not vitest/environments (deprecated since Vitest 4.1): the same builtinEnvironments.
import { builtinEnvironments } from 'vitest/runtime';

await builtinEnvironments.jsdom.setup(globalThis, { jsdom: { url: 'http://dip.test/' } });

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its own width to decide on reflow.
// Every browser Office runs the pane in has it; an observer that never fires is what "no layout" means.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const win = globalThis as unknown as { ResizeObserver?: unknown; window: { ResizeObserver?: unknown } };
win.ResizeObserver ??= NoLayoutResizeObserver;
win.window.ResizeObserver ??= NoLayoutResizeObserver;
