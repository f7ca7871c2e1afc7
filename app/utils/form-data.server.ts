/** The largest form body an action reads: a long section with many table rows stays far below it. */
export const maxFormBytes = 1024 * 1024;

/**
 * Reads a form submission, refusing oversized bodies (413) and bodies that
 * are not a form (415 or 400) with a Response instead of a server error.
 */
export async function readFormData(request: Request, maxBytes = maxFormBytes): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType)) {
    throw textResponse("Send the answers as a form (application/x-www-form-urlencoded or multipart/form-data)", 415);
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw textResponse(tooLarge(maxBytes), 413);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw textResponse(tooLarge(maxBytes), 413);
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw textResponse("The form could not be read", 400);
  }
}

function tooLarge(maxBytes: number): string {
  return `The form is larger than ${Math.round(maxBytes / 1024)} KB: save fewer rows at a time`;
}

function textResponse(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
