import * as vscode from 'vscode';
import type { InstitutionName } from '../library/institutionNames';

const STATE_KEY = 'digestLens.followedInstitutions';

/**
 * The institutions the user follows, by normalised key. Kept in global state, synced with
 * Settings Sync: following a lab is an interest of the reader, not of one workspace, and
 * digests of several workspaces (or none: a report opened on its own) should show it.
 */
export class FollowedInstitutions implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    state.setKeysForSync([STATE_KEY]);
  }

  /** Followed institutions, in the order they were followed. */
  get all(): readonly InstitutionName[] {
    const stored = this.state.get<unknown>(STATE_KEY, []);
    return Array.isArray(stored)
      ? stored.filter((n): n is InstitutionName => typeof n?.key === 'string' && typeof n?.name === 'string')
      : [];
  }

  has(key: string): boolean {
    return this.all.some((n) => n.key === key);
  }

  /** Whether any of a paper's institutions is followed. */
  followsAny(institutions: readonly InstitutionName[]): boolean {
    const followed = this.all;
    return institutions.some((i) => followed.some((f) => f.key === i.key));
  }

  async follow(names: readonly InstitutionName[]): Promise<void> {
    const current = this.all;
    const added = names.filter((n, i) => !current.some((c) => c.key === n.key) && names.indexOf(n) === i);
    if (!added.length) return;
    await this.state.update(STATE_KEY, [...current, ...added]);
    this.changed.fire();
  }

  async unfollow(keys: readonly string[]): Promise<void> {
    const current = this.all;
    const kept = current.filter((n) => !keys.includes(n.key));
    if (kept.length === current.length) return;
    await this.state.update(STATE_KEY, kept);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
