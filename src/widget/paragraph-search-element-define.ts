/**
 * @module
 * Registers `<paragraph-search>` when the module loads (once: a second copy of the script on the
 * same page leaves the first registration alone) and declares the tag for TypeScript.
 */
import { ParagraphSearchElement } from './paragraph-search-element.ts'

try {
  window.ParagraphSearchElement = ParagraphSearchElement.define()
} catch (error: unknown) {
  if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error
}

declare global {
  interface Window {
    /** The element class, as registered by `widget.js`. */
    ParagraphSearchElement: typeof ParagraphSearchElement
  }
  interface HTMLElementTagNameMap {
    'paragraph-search': ParagraphSearchElement
  }
}

export { ParagraphSearchElement }
