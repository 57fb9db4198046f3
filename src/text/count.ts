/** "1 rule", "2 rules", "0 files": every count shown to a person goes through here. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
