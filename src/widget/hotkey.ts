/**
 * @module
 * Keyboard shortcuts that focus the search box, written as in the `hotkey` attribute:
 * space-separated combinations of `Ctrl`, `Meta`, `Alt`, `Shift` and a key, such as `/ Mod+k`,
 * where `Mod` is Ctrl, or ⌘ (Meta) on Apple systems. Case does not matter.
 */

/** The shortcuts used when the `hotkey` attribute is absent. */
export const DEFAULT_HOTKEY = '/ Mod+k'

const apple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** A combination split into its modifiers and its key (the last part). */
function parse(combination: string): { modifiers: string[]; key: string } {
  const modifiers = combination.toLowerCase().split('+')
  const key = modifiers.pop() ?? ''
  return { modifiers: modifiers.map((name) => (name === 'mod' ? (apple() ? 'meta' : 'ctrl') : name)), key }
}

/**
 * Whether a key event matches one of the shortcuts.
 *
 * @param hotkey - Space-separated combinations; empty disables the shortcut.
 * @example
 * matchesHotkey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }), '/ Mod+k') // => true (not on a Mac)
 */
export function matchesHotkey(event: KeyboardEvent, hotkey: string): boolean {
  return hotkey.split(/\s+/).some((combination) => {
    const { modifiers, key } = parse(combination)
    const has = (name: string) => modifiers.includes(name)
    // Shift is not compared for printable keys: on many layouts "/" itself needs Shift.
    return Boolean(key) && event.key.toLowerCase() === key && event.ctrlKey === has('ctrl') && event.metaKey === has('meta') && event.altKey === has('alt') && (key.length === 1 || event.shiftKey === has('shift'))
  })
}

/**
 * Whether a key press happened where typing is expected (a text field or editable element), so
 * a shortcut without modifiers must not take it.
 */
export function isTypingTarget(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0]
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('textarea, select, input:not([type=button], [type=checkbox], [type=radio], [type=submit], [type=reset], [type=range], [type=color], [type=file], [type=image])'))
}

/**
 * The first shortcut as a short label for the hint in the search box.
 *
 * @example
 * hotkeyLabel('/ Mod+k') // => '/'
 * hotkeyLabel('Mod+k')   // => 'Ctrl K' (⌘ K on a Mac)
 */
export function hotkeyLabel(hotkey: string): string {
  const first = hotkey.split(/\s+/).find(Boolean)
  if (!first) return ''
  const { modifiers, key } = parse(first)
  return [...modifiers.map((name) => (name === 'meta' ? '⌘' : name[0]!.toUpperCase() + name.slice(1))), key.length === 1 ? key.toUpperCase() : key].join(' ')
}
