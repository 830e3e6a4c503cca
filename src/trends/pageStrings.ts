import * as vscode from 'vscode';

/** The words of the Trends page, localised here: the page itself has no access to vscode.l10n. */
export function pageStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Trends'),
    summary: vscode.l10n.t('{0} papers, {1} to {2}'),
    empty: vscode.l10n.t('No papers match these filters.'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    technique: vscode.l10n.t('Technique'),
    institution: vscode.l10n.t('Institution'),
    all: vscode.l10n.t('All'),
    period: vscode.l10n.t('Per'),
    day: vscode.l10n.t('Day'),
    week: vscode.l10n.t('Week'),
    reset: vscode.l10n.t('Reset Filters'),
    bars: vscode.l10n.t('Papers per technique'),
    barsDescription: vscode.l10n.t(
      'Stacked bars: papers per technique in each period. Press Enter on a bar to open its papers.',
    ),
    papers: vscode.l10n.t('Papers'),
    periodColumn: vscode.l10n.t('Period'),
    total: vscode.l10n.t('Total'),
    bar: vscode.l10n.t('{0}, {1}: {2} papers'),
    showTable: vscode.l10n.t('Show as Table'),
    showChart: vscode.l10n.t('Show as Chart'),
    exportSvg: vscode.l10n.t('Export SVG'),
    exportPng: vscode.l10n.t('Export PNG'),
    exportCsv: vscode.l10n.t('Export CSV'),
    institutions: vscode.l10n.t('Top institutions per technique'),
    institutionBar: vscode.l10n.t('{0}, {1}: {2} papers'),
    leaderboards: vscode.l10n.t('Leaderboards'),
    speedup: vscode.l10n.t('Largest speedups'),
    reduction: vscode.l10n.t('Largest reductions'),
    accuracy: vscode.l10n.t('Best accuracy gains'),
    noResults: vscode.l10n.t('No results of this kind.'),
    untitled: vscode.l10n.t('Untitled paper'),
  };
}
