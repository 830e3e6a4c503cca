import * as vscode from 'vscode';
import { mergeStates, stateOf, withState, type LibraryEntry, type PaperState, type ReadingStates } from '../library';

const STATE_KEY = 'digestLens.readingState';

/**
 * Read, starred, notes and the reader's technique, per paper, in workspace state: never in
 * a report. Keyed by the paper's identity, so a regenerated report keeps them and every
 * digest that holds the paper shows them.
 */
export class ReadingStateStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(readonly memento: vscode.Memento) {}

  get all(): ReadingStates {
    return this.memento.get<ReadingStates>(STATE_KEY, {});
  }

  of(entry: Pick<LibraryEntry, 'key' | 'keys'>): PaperState {
    return stateOf(this.all, entry);
  }

  async update(entries: readonly Pick<LibraryEntry, 'key' | 'keys'>[], change: PaperState): Promise<void> {
    let states = this.all;
    for (const entry of entries) states = withState(states, entry, change);
    await this.memento.update(STATE_KEY, states);
    this.changed.fire();
  }

  /** Adds imported states over the current ones; nothing is dropped. */
  async merge(incoming: ReadingStates): Promise<void> {
    await this.memento.update(STATE_KEY, mergeStates(this.all, incoming));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
