export function maskContent(text: string): string {
  return `${text.slice(0, 0)}[${text.length} characters]`;
}
