import { formatDate } from "~/ui/format";
import { EvidenceIntegrityError, readEvidence, type EvidenceStore } from "./store.server";

export interface DownloadableEvidence {
  storageKey: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  purgedAt: Date | null;
}

function plain(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** A name for Content-Disposition: ASCII for old clients, the real name in filename*. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The file as a download: always an attachment (a browser never renders an
 * uploaded file in the app's origin), never cached. A purged file is a 410
 * naming the day; a file failing its integrity check a 500 that says so.
 */
export function evidenceDownload(store: EvidenceStore, evidence: DownloadableEvidence): Response {
  if (evidence.purgedAt) {
    return plain(
      `This file was deleted on ${formatDate(evidence.purgedAt)} under the organisation's retention policy. Its checksum (SHA-256 ${evidence.sha256}) is still on record.`,
      410,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readEvidence(store, evidence.storageKey, evidence.sha256);
  } catch (error) {
    if (error instanceof EvidenceIntegrityError) return plain("This file failed its integrity check and was not sent. Tell your administrator.", 500);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return plain("This file is missing from the evidence store. Tell your administrator.", 500);
    throw error;
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": evidence.mediaType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": disposition(evidence.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "sandbox; default-src 'none'",
    },
  });
}
