/**
 * Bump when a change to the parser, the techniques or the numbers changes what a digest
 * parses to: caches of parsed digests (the library's persisted index) are then rebuilt.
 */
export const PARSER_VERSION = 2;
