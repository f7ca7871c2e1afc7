import type { TestProject } from "vitest/node";
import { ensureTemplateDatabase } from "./template-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabasePath: string;
  }
}

export default function setup(project: TestProject) {
  project.provide("templateDatabasePath", ensureTemplateDatabase());
}
