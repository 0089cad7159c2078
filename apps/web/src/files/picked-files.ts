import type { PickedBrowserFile } from './local-files.js';

/**
 * Files from an `<input type="file">`: a folder picked (`webkitdirectory`) gives each file its
 * path below the folder's parent (`repo/flows/main.yaml`); single files give their name.
 */
export function fromFileList(list: FileList): PickedBrowserFile[] {
  return [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Files and folders dropped on the page. A dropped folder is walked (breadth first, not
 * recursively) through the File and Directory Entries API, which the drop event's items offer
 * only while the event is handled: the entries are taken at once, their contents read after.
 */
export async function fromDrop(transfer: DataTransfer): Promise<PickedBrowserFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  // A browser without entries (or synthetic drops): the plain files.
  if (entries.length === 0) return [...transfer.files].map((file) => ({ path: file.name, file }));
  const picked: PickedBrowserFile[] = [];
  const queue: FileSystemEntry[] = entries;
  for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
    if (isFile(entry)) picked.push({ path: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry) });
    else if (isDirectory(entry)) queue.push(...(await allEntries(entry)));
  }
  return picked;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory reader hands out its entries in batches (100 in Chromium) until an empty one. */
async function allEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
