import * as vscode from 'vscode';
import { providerRegistration } from '../common/providerRegistration';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { findPaper } from '../digest';
import type { PapersNode } from '../papers/papersTree';
import type { InstitutionName } from '../library/institutionNames';
import { paperInstitutions } from '../library/paperInstitutions';
import { openDigests } from '../trends/openDigests';
import { FollowedDecorations } from './followedDecorations';
import type { FollowedInstitutions } from './followedInstitutions';

/**
 * Follow Institution / Unfollow Institution: on a paper row (its institutions), on an
 * institution group, or from the palette with a quick pick. A test or keybinding may pass
 * institution names as strings. Followed papers are starred in the Papers view.
 */
export function registerFollowing(store: DigestStore, config: Config, followed: FollowedInstitutions) {
  const decorations = new FollowedDecorations(store, config, followed);
  /** The institutions a command was invoked on: a row's, given names, or undefined for the palette. */
  const institutionsOf = async (arg: unknown): Promise<InstitutionName[] | undefined> => {
    const names = config.institutionNames;
    if (typeof arg === 'string') return names.normalizeAll([arg]);
    if (Array.isArray(arg)) return names.normalizeAll(arg.filter((a): a is string => typeof a === 'string'));
    const node = arg as PapersNode | undefined;
    if (node?.kind === 'group') return node.followed ? [...followed.all] : names.normalizeAll([node.key]);
    if (node?.kind === 'paper') {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri);
      const digest = document && store.digestFor(document);
      const paper = digest && findPaper(digest, node);
      return paper ? paperInstitutions(paper, names) : [];
    }
    return undefined;
  };

  return providerRegistration(
    decorations,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.commands.registerCommand('digestLens.followInstitution', async (arg?: unknown) => {
      const given = await institutionsOf(arg);
      const candidates = given ?? (await institutionsOfOpenDigests(store, config));
      const unfollowed = candidates.filter((n) => !followed.has(n.key));
      if (!unfollowed.length) {
        void vscode.window.showInformationMessage(
          candidates.length
            ? vscode.l10n.t('You already follow these institutions.')
            : vscode.l10n.t('No institutions to follow: open a digest first.'),
        );
        return;
      }
      const chosen =
        unfollowed.length === 1 && given
          ? unfollowed
          : await pickInstitutions(unfollowed, vscode.l10n.t('Follow institutions'));
      if (chosen?.length) await followed.follow(chosen);
    }),
    vscode.commands.registerCommand('digestLens.unfollowInstitution', async (arg?: unknown) => {
      const given = await institutionsOf(arg);
      const candidates = (given ?? followed.all).filter((n) => followed.has(n.key));
      if (!candidates.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('You follow none of these institutions.'));
        return;
      }
      const chosen =
        candidates.length === 1 && given
          ? candidates
          : await pickInstitutions(candidates, vscode.l10n.t('Unfollow institutions'));
      if (chosen?.length) await followed.unfollow(chosen.map((n) => n.key));
    }),
  );
}

/** The institutions of the open digests, the most papers first, with their counts. */
async function institutionsOfOpenDigests(
  store: DigestStore,
  config: Config,
): Promise<(InstitutionName & { count: number })[]> {
  const counts = new Map<string, InstitutionName & { count: number }>();
  for (const { digest } of await openDigests(store))
    for (const paper of digest.papers)
      for (const name of paperInstitutions(paper, config.institutionNames)) {
        const entry = counts.get(name.key) ?? { ...name, count: 0 };
        entry.count++;
        counts.set(name.key, entry);
      }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

async function pickInstitutions(
  names: readonly (InstitutionName & { count?: number })[],
  title: string,
): Promise<InstitutionName[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    names.map((name) => ({
      label: name.name,
      description: name.count === undefined ? undefined : vscode.l10n.t('{0} papers', name.count),
      name,
    })),
    { title, placeHolder: title, canPickMany: true, matchOnDescription: true },
  );
  return picked?.map((p) => ({ key: p.name.key, name: p.name.name }));
}
