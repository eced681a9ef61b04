/**
 * Draws a self-contained SVG (fonts inlined) onto a canvas, filling it, on white: the PNG export's
 * and the video's frames.
 */
export async function drawSvg(canvas: HTMLCanvasElement, svg: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // An SVG image loads its inlined fonts after it decodes; give them a moment before drawing.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rasterises a self-contained SVG at `scale` times its size (2× and 3× for slides). */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  await drawSvg(canvas, svg);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
