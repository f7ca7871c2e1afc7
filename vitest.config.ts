import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Kept apart from vite.config.ts so the Remix plugin is never loaded in tests.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/integration-global-setup.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts", "test/support/integration-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/support/browser-global-setup.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts"],
          hookTimeout: 120_000,
          testTimeout: 60_000,
          // One built server and one Chromium are shared; files run one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
