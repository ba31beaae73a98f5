/** The two consecutive years of the seed department, loaded and compared as `yusuan diff` does. */
import { loadArgument } from '../../src/cli/load-documents.js';
import { diffDocuments, type ComparedDocument } from '../../src/diff/index.js';
import type { Diff } from '../../src/schema/diff.js';

export const OLD_DOCX = 'fixtures/docx/lunan-kexie-2024.docx';
export const NEW_DOCX = 'fixtures/docx/lunan-kexie-2025.docx';

const loaded = new Map<string, Promise<ComparedDocument[]>>();

/** The documents of one argument (relative to the repository root, the tests' working directory). */
export function documentsOf(argument: string): Promise<ComparedDocument[]> {
  let pending = loaded.get(argument);
  if (!pending) {
    pending = loadArgument(argument, { jobs: 2, timeoutMs: 60_000, memoryMb: 1024, maxInputBytes: 256 * 1024 * 1024 }).then((l) => {
      if (l.problems.length > 0) throw new Error(`${argument}: ${JSON.stringify(l.problems)}`);
      return l.documents;
    });
    loaded.set(argument, pending);
  }
  return pending;
}

export async function seedDiff(): Promise<Diff> {
  return diffDocuments(await documentsOf(OLD_DOCX), await documentsOf(NEW_DOCX), { arguments: { old: OLD_DOCX, new: NEW_DOCX }, asGiven: true });
}
