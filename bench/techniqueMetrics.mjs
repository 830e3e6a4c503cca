// Figures for predicted techniques against the expert labels: agreement, how often the label
// is among the groups shown, precision and recall per technique, and the commonest confusions.

const ratio = (a, b) => (b === 0 ? '  -  ' : (a / b).toFixed(3));

/**
 * @param {{ expected: string, primary: string, shown: string[] }[]} predictions
 * @returns {string[]} lines to print
 */
export function techniqueReport(predictions) {
  const lines = [];
  const agree = predictions.filter((p) => p.primary === p.expected).length;
  const shown = predictions.filter((p) => p.shown.includes(p.expected)).length;
  const uncertain = predictions.filter((p) => p.shown.length > 1).length;
  lines.push(`primary agreement:        ${ratio(agree, predictions.length)} (${agree}/${predictions.length})`);
  lines.push(
    `label among groups shown: ${ratio(shown, predictions.length)} (${shown}/${predictions.length}; ${uncertain} papers shown as "A or B")`,
  );
  const ids = [...new Set(predictions.flatMap((p) => [p.expected, p.primary]))].sort();
  lines.push('technique                 labelled  predicted  precision  recall');
  for (const id of ids) {
    const labelled = predictions.filter((p) => p.expected === id).length;
    const predicted = predictions.filter((p) => p.primary === id).length;
    const right = predictions.filter((p) => p.expected === id && p.primary === id).length;
    lines.push(
      `${id.padEnd(26)}${String(labelled).padStart(8)}${String(predicted).padStart(11)}${ratio(right, predicted).padStart(11)}${ratio(right, labelled).padStart(8)}`,
    );
  }
  const confusions = new Map();
  for (const p of predictions)
    if (p.primary !== p.expected) {
      const key = `${p.expected} → ${p.primary}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  const commonest = [...confusions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  lines.push(`commonest confusions (label → predicted): ${commonest.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  return lines;
}
