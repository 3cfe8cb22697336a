export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A word-level diff of two texts (longest common subsequence over words and
 * the spaces between them), merged into runs. Good for captions and scripts
 * (thousands of words); larger texts fall back to one delete and one insert.
 */
export function diffWords(from: string, to: string): DiffPart[] {
  const a = from.match(/\s+|[^\s]+/g) ?? [];
  const b = to.match(/\s+|[^\s]+/g) ?? [];
  if (a.length * b.length > 25_000_000)
    return merge(
      [
        { op: 'delete', text: from },
        { op: 'insert', text: to },
      ].filter((p) => p.text) as DiffPart[],
    );
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ op: 'equal', text: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
      parts.push({ op: 'delete', text: a[i++] });
    } else {
      parts.push({ op: 'insert', text: b[j++] });
    }
  }
  while (i < n) parts.push({ op: 'delete', text: a[i++] });
  while (j < m) parts.push({ op: 'insert', text: b[j++] });
  return merge(parts);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
