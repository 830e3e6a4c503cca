import * as vscode from 'vscode';
import type { LibraryEntry } from '../library';
import type { LibraryService } from './libraryService';

/** Symbols listed for an empty query, and at most for any query. */
const LIMIT = 500;

/**
 * Papers in Go to Symbol in Workspace (Ctrl+T): one per library entry, named by its title,
 * at its newest appearance. VS Code's own Markdown symbols are the headings; ours are papers.
 */
export class PaperWorkspaceSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly library: LibraryService) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const library = this.library.library;
    if (!query.trim()) return [...library.entries()].slice(0, LIMIT).map(symbolOf);
    // VS Code filters what we return by its own fuzzy match on the name, so titles that match
    // that way come too, after the ranked hits (which also match institution, technique, brief).
    const entries = new Set(library.search(query, { limit: LIMIT }).map((hit) => hit.entry));
    const fuzzy = fuzzyMatcher(query);
    for (const entry of library.entries()) {
      if (entries.size >= LIMIT) break;
      if (fuzzy(entry.title)) entries.add(entry);
    }
    return [...entries].map(symbolOf);
  }
}

function symbolOf(entry: LibraryEntry): vscode.SymbolInformation {
  const { newest } = entry;
  return new vscode.SymbolInformation(
    entry.title,
    vscode.SymbolKind.Object,
    [newest.date, `#${newest.index}`].filter(Boolean).join(' '),
    new vscode.Location(vscode.Uri.parse(newest.report), new vscode.Position(newest.line, 0)),
  );
}

/** Whether a title holds the query's characters in order, ignoring case and spaces: VS Code's own test, roughly. */
function fuzzyMatcher(query: string): (title: string) => boolean {
  const wanted = [...query.toLowerCase().replace(/\s+/g, '')];
  return (title) => {
    const text = title.toLowerCase();
    let at = 0;
    for (const char of wanted) {
      at = text.indexOf(char, at);
      if (at < 0) return false;
      at += char.length;
    }
    return true;
  };
}
