const SVG_NS = 'http://www.w3.org/2000/svg';
/** PNGs are drawn at twice the chart's size, for sharp text. */
const PNG_SCALE = 2;

/**
 * The chart as a standalone SVG file: the theme's colours, font and background, which
 * the page gets from CSS variables, are written into the copy as plain values.
 */
export function svgForExport(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll('*');
  copy.querySelectorAll('*').forEach((node, i) => {
    const style = getComputedStyle(originals[i]);
    for (const property of ['fill', 'stroke'] as const) {
      const value = node.getAttribute(property);
      if (value && (value.includes('var(') || value === 'currentColor')) node.setAttribute(property, style[property]);
    }
    // Focus and interaction belong to the page, not to the file.
    node.removeAttribute('tabindex');
  });
  const page = getComputedStyle(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('font-family', page.fontFamily);
  copy.setAttribute('fill', page.color);
  copy.setAttribute('color', page.color);
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  copy.insertBefore(background, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG drawn on a canvas, as a PNG data URL. */
export function pngOf(svgText: string, svg: SVGSVGElement): Promise<string> {
  const { width, height } = svg.getBoundingClientRect();
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * PNG_SCALE);
      canvas.height = Math.round(height * PNG_SCALE);
      const context = canvas.getContext('2d')!;
      context.scale(PNG_SCALE, PNG_SCALE);
      context.drawImage(image, 0, 0, width, height);
      resolve(canvas.toDataURL('image/png'));
    };
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}
