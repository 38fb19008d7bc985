/** A name as a file name's part: lower case, accents off, a dash for every run of anything else ("de Vries · 7545 KL 4" → de-vries-7545-kl-4). */
export const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʼ]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Hands a value to the browser as a JSON file of that name (a subject access export, a disclosure's package). */
export function downloadJson(file: string, value: unknown): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  link.download = file;
  link.click();
  URL.revokeObjectURL(link.href);
}
