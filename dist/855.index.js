export const id = 855;
export const ids = [855];
export const modules = {

/***/ 50855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  placeholderModelFactory: () => (/* binding */ placeholderModelFactory)
});

// EXTERNAL MODULE: ./src/images/sharp.ts + 16 modules
var sharp = __webpack_require__(4374);
;// CONCATENATED MODULE: ./src/images/placeholder.ts

/** Used when the asset has no palette: light to dark neutral greys. */
const NEUTRAL_PALETTE = ['#E5E7EB', '#9CA3AF', '#4B5563'];
/** Fonts present on GitHub's Ubuntu runners (DejaVu), most Linux desktops, macOS and Windows. */
const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
/** Average advance of a bold sans glyph in ems, slightly generous so long ids never overflow. */
const GLYPH_WIDTH_EM = 0.7;
const XML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;'
};
function escapeXml(text) {
    return text.replace(/[&<>]/g, (char) => XML_ESCAPES[char] ?? char);
}
/**
 * White text with a dark outline drawn under the fill (`paint-order`), readable on any palette
 * colour without the outline eating into the glyphs.
 */
function label(text, size, x, y, anchor) {
    return (`<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="${FONT_FAMILY}" ` +
        `font-weight="bold" font-size="${size}" fill="#FFFFFF" stroke="#111827" ` +
        `stroke-width="${(size * 0.12).toFixed(2)}" stroke-linejoin="round" ` +
        `paint-order="stroke">${escapeXml(text)}</text>`);
}
/** The prompt's first words (at most `words`), so placeholders of different assets differ at a glance. */
function promptExcerpt(prompt, words = 6) {
    const all = prompt.trim().split(/\s+/).filter(Boolean);
    const first = all.slice(0, words).join(' ');
    return all.length > words ? `${first}…` : first;
}
/** Cuts text to `max` characters with an ellipsis, so a label never runs off the image. */
function fit(text, max) {
    if (text.length <= max)
        return text;
    return max <= 1 ? '' : `${text.slice(0, max - 1)}…`;
}
/** Largest font size at which `text` fits `share` of `width`, capped at `cap`. */
function fontFor(text, width, share, cap) {
    return Math.min(cap, (width * share) / (Math.max(text.length, 1) * GLYPH_WIDTH_EM));
}
/**
 * Renders a deterministic placeholder PNG of `width` x `height`: equal horizontal bands of the
 * palette colours top to bottom (neutral greys when the palette is empty), each labelled with its
 * hex and name, the asset id centred in large white outlined text with the prompt's first words
 * under it, and the output size with a "placeholder" label in the bottom-right corner, so a
 * designer can lay a page out with it.
 * The same inputs give the same bytes on the same machine (text rendering depends on its fonts).
 * Fast: about 0.05 s at 2048x2048 on the 2-core machine (SVG render plus PNG encode).
 */
async function renderPlaceholder(options) {
    // The bands cover every pixel, so the SVG's alpha channel is all opaque: drop it.
    return (0,sharp/* sharp */.B)(Buffer.from(placeholderSvg(options)))
        .removeAlpha()
        .png({ compressionLevel: 6 })
        .toBuffer();
}
/** The placeholder as SVG text (see {@link renderPlaceholder}). */
function placeholderSvg(options) {
    const { id, width, height } = options;
    const colors = options.palette.length > 0
        ? options.palette
        : NEUTRAL_PALETTE.map((hex) => ({ hex }));
    const short = Math.min(width, height);
    const swatchSize = short / 28;
    const bands = colors
        .map((color, index) => {
        const top = Math.floor((index * height) / colors.length);
        const bottom = Math.floor(((index + 1) * height) / colors.length);
        const rect = `<rect x="0" y="${top}" width="${width}" height="${bottom - top}" fill="${color.hex}"/>`;
        const size = Math.min(swatchSize, (bottom - top) * 0.5);
        // Too thin a band for legible text: the colour speaks for itself.
        if (size < 6)
            return rect;
        const text = color.name ? `${color.hex} ${color.name}` : color.hex;
        const maxChars = Math.floor((width * 0.45) / (size * GLYPH_WIDTH_EM));
        return `${rect}${label(fit(text, maxChars), size, size * 0.6, top + size * 1.3, 'start')}`;
    })
        .join('');
    // As large as fits: an eighth of the short side, shrunk for long ids to fit 90% of the width.
    const idSize = fontFor(id, width, 0.9, short / 8);
    const excerpt = promptExcerpt(options.prompt ?? '');
    const excerptSize = fontFor(excerpt, width, 0.9, short / 20);
    const labelSize = short / 24;
    const margin = labelSize * 0.6;
    const corner = `${width}×${height} placeholder`;
    return (`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
        // crispEdges keeps band edges unblended, so the bands are exactly the palette colours.
        `<g shape-rendering="crispEdges">${bands}</g>` +
        // y is the baseline: ~0.35em below the centre puts the cap height's middle on the centre.
        label(id, idSize, width / 2, height / 2 + idSize * 0.35, 'middle') +
        (excerpt
            ? label(excerpt, excerptSize, width / 2, height / 2 + idSize * 0.35 + excerptSize * 1.6, 'middle')
            : '') +
        label(corner, fontFor(corner, width, 0.6, labelSize), width - margin, height - margin, 'end') +
        '</svg>');
}

;// CONCATENATED MODULE: ./src/generate/placeholder.ts

/**
 * The offline model: renders a deterministic placeholder at the asset's planned size from its
 * palette, with no network and no key. It goes through the same `generateImage` path as the real
 * gateway, so the rest of the pipeline (processing, lockfile, publishing) is exercised unchanged.
 */
const placeholderModelFactory = (asset) => {
    const model = {
        specificationVersion: 'v4',
        provider: 'assetgen',
        modelId: 'placeholder',
        maxImagesPerCall: 1,
        async doGenerate() {
            const image = await renderPlaceholder({
                id: asset.id,
                // The size a real model is asked for, so the fit runs as it would.
                width: asset.generation?.width ?? asset.width,
                height: asset.generation?.height ?? asset.height,
                palette: asset.palette,
                prompt: typeof asset.prompt === 'string'
                    ? asset.prompt
                    : Object.values(asset.prompt)
                        .filter((value) => typeof value === 'string')
                        .join(' ')
            });
            return {
                images: [new Uint8Array(image)],
                warnings: [],
                providerMetadata: { assetgen: { images: [{ placeholder: true }] } },
                response: {
                    timestamp: new Date(),
                    modelId: 'placeholder',
                    headers: undefined
                }
            };
        }
    };
    return model;
};


/***/ })

};
