/** Hands a fetched file to the browser to save as `name` (its object address is let go after `keepMs`). */
export function saveFile(data: Blob, name: string, keepMs: number): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), keepMs);
}
