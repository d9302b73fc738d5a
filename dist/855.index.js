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

// EXTERNAL MODULE: ./src/images/sharp.ts
var sharp = __webpack_require__(14378);
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
/**
 * Renders a deterministic placeholder PNG of `width` x `height`: equal horizontal bands of the
 * palette colours top to bottom (neutral greys when the palette is empty), the asset id centred in
 * large white outlined text, and a small "placeholder" label in the bottom-right corner.
 * The same inputs give the same bytes on the same machine (text rendering depends on its fonts).
 * Fast: about 0.05 s at 2048x2048 on the 2-core machine (SVG render plus PNG encode).
 */
async function renderPlaceholder(options) {
    const { id, width, height } = options;
    const colors = options.palette.length > 0
        ? options.palette.map((color) => color.hex)
        : NEUTRAL_PALETTE;
    const bands = colors
        .map((hex, index) => {
        const top = Math.floor((index * height) / colors.length);
        const bottom = Math.floor(((index + 1) * height) / colors.length);
        return `<rect x="0" y="${top}" width="${width}" height="${bottom - top}" fill="${hex}"/>`;
    })
        .join('');
    const short = Math.min(width, height);
    // As large as fits: an eighth of the short side, shrunk for long ids to fit 90% of the width.
    const idSize = Math.min(short / 8, (width * 0.9) / (Math.max(id.length, 1) * GLYPH_WIDTH_EM));
    const labelSize = short / 24;
    const margin = labelSize * 0.6;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
        // crispEdges keeps band edges unblended, so the bands are exactly the palette colours.
        `<g shape-rendering="crispEdges">${bands}</g>` +
        // y is the baseline: ~0.35em below the centre puts the cap height's middle on the centre.
        label(id, idSize, width / 2, height / 2 + idSize * 0.35, 'middle') +
        label('placeholder', labelSize, width - margin, height - margin, 'end') +
        '</svg>';
    // The bands cover every pixel, so the SVG's alpha channel is all opaque: drop it.
    return (0,sharp/* sharp */.B)(Buffer.from(svg))
        .removeAlpha()
        .png({ compressionLevel: 6 })
        .toBuffer();
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
                width: asset.width,
                height: asset.height,
                palette: asset.palette
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
