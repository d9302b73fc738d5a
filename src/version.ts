/** assetgen's version (kept equal to package.json's by a test), recorded in each image's provenance. */
export const VERSION = '0.1.0'
