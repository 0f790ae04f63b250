/**
 * Copies text to the clipboard. Falls back to selecting the given field (the Clipboard API
 * needs a secure context and permission), so the visitor can press Ctrl+C themselves.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}
