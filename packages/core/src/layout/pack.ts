export interface Box {
  width: number;
  height: number;
}

/**
 * Shelf packing: boxes (largest first) fill rows left to right up to a row width chosen from the
 * total area, so a graph with many small components reads as a grid rather than one tall column.
 */
export function packShelves(boxes: readonly Box[], gap: number): { origins: { x: number; y: number }[]; width: number; height: number } {
  const area = boxes.reduce((sum, box) => sum + (box.width + gap) * (box.height + gap), 0);
  const widest = boxes.reduce((max, box) => Math.max(max, box.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.6);
  const origins: { x: number; y: number }[] = [];
  let cursorX = 0;
  let cursorY = 0;
  let shelfHeight = 0;
  let width = 0;
  for (const box of boxes) {
    if (cursorX > 0 && cursorX + box.width > rowWidth) {
      cursorY += shelfHeight + gap;
      cursorX = 0;
      shelfHeight = 0;
    }
    origins.push({ x: cursorX, y: cursorY });
    width = Math.max(width, cursorX + box.width);
    cursorX += box.width + gap;
    shelfHeight = Math.max(shelfHeight, box.height);
  }
  return { origins, width, height: cursorY + shelfHeight };
}
