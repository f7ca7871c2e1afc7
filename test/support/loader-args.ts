import type { LoaderFunctionArgs } from "@remix-run/node";

/** Arguments for calling a loader the way Remix does, with a real Request. */
export function loaderArgs(path: string, params: Record<string, string> = {}): LoaderFunctionArgs {
  return {
    request: new Request(`http://localhost${path}`),
    params,
    context: { cspNonce: "test-nonce" },
  };
}

/** Runs a loader that must throw a Response and returns that Response. */
export async function thrownResponse(run: () => unknown): Promise<Response> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected the loader to throw a Response, but it returned");
}
