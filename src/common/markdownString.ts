import * as vscode from 'vscode';

/**
 * Report text as literal Markdown: every character that could become markup, a link, a
 * command, HTML, an entity or a theme icon is escaped, and line breaks become spaces so the
 * text cannot leave a table cell.
 */
export function literal(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&:"']/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** A Markdown string whose only trusted commands are the given ones; no HTML. */
export function trustedMarkdown(commands: readonly string[] = []): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = commands.length ? { enabledCommands: [...commands] } : false;
  markdown.supportHtml = false;
  return markdown;
}

/** A `command:` link with JSON arguments. `label` is Markdown of our own: escape any report text in it. */
export function commandLink(label: string, command: string, args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}
