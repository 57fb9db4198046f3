import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import fse from 'fs-extra';

export function saveFile(path: string, data: string | Buffer): void {
  fs.writeFileSync(path, data, { mode: 0o600 });
}

export async function saveJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value));
}

export async function appendLine(path: string, line: string): Promise<void> {
  await fse.appendFile(path, `${line}\n`);
}
