/**
 * Wide graphs make very tall layers (100 entry flows, 150 shared resources): drawn as one
 * column each, the picture is a thin strip whose labels are unreadable at fit. Nodes in one
 * layer never depend on each other, so a tall layer can be spread over several adjacent
 * columns without any edge turning right-to-left. This picks the row count that brings the
 * drawing closest to the wanted aspect ratio (width / height).
 */
export function chooseRows(layerSizes: readonly number[], aspect: number, layerSpacing: number, nodeSpacing: number): number {
  const tallest = layerSizes.reduce((max, size) => Math.max(max, size), 0);
  if (tallest <= 1) return Math.max(tallest, 1);
  const ratio = (rows: number) => {
    let columns = 0;
    for (const size of layerSizes) columns += Math.ceil(size / rows);
    return (columns * layerSpacing) / (rows * nodeSpacing);
  };
  // The ratio only falls as rows grow: binary search for the first row count at or under the aspect.
  let low = 1;
  let high = tallest;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (ratio(mid) <= aspect) high = mid;
    else low = mid + 1;
  }
  const distance = (rows: number) => Math.abs(Math.log(ratio(rows) / aspect));
  return low > 1 && distance(low - 1) < distance(low) ? low - 1 : low;
}
