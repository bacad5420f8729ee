/**
 * @module
 * Keyboard shortcuts that focus the search box, written as in the `hotkey` attribute:
 * space-separated combinations such as `/ Mod+k`, where `Mod` is Ctrl, or Cmd on Apple systems.
 */

/** The shortcuts used when the `hotkey` attribute is absent. */
export const DEFAULT_HOTKEY = '/ Mod+k'

type Combination = { key: string; ctrl: boolean; meta: boolean; alt: boolean; shift: boolean; mod: boolean }

function parseCombination(text: string): Combination | null {
  const parts = text.split('+')
  const key = parts.pop()?.toLowerCase()
  if (!key) return null
  const modifiers = new Set(parts.map((part) => part.toLowerCase()))
  return { key, ctrl: modifiers.has('ctrl') || modifiers.has('control'), meta: modifiers.has('meta') || modifiers.has('cmd'), alt: modifiers.has('alt'), shift: modifiers.has('shift'), mod: modifiers.has('mod') }
}

function isAppleSystem(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/**
 * Whether a key event matches one of the shortcuts.
 *
 * @param hotkey - Space-separated combinations; empty disables the shortcut.
 * @example
 * matchesHotkey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }), '/ Mod+k') // => true (not on a Mac)
 */
export function matchesHotkey(event: KeyboardEvent, hotkey: string): boolean {
  const apple = isAppleSystem()
  return hotkey.split(/\s+/).some((text) => {
    const combination = text ? parseCombination(text) : null
    if (!combination || event.key.toLowerCase() !== combination.key) return false
    const ctrl = combination.ctrl || (combination.mod && !apple)
    const meta = combination.meta || (combination.mod && apple)
    // Shift is not compared for printable keys: on many layouts "/" itself needs Shift.
    const shiftOk = combination.key.length === 1 || event.shiftKey === combination.shift
    return event.ctrlKey === ctrl && event.metaKey === meta && event.altKey === combination.alt && shiftOk
  })
}

/**
 * Whether a key press happened where typing is expected (a text field or editable element), so
 * a shortcut without modifiers must not take it.
 */
export function isTypingTarget(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0]
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type)
}

/** The first shortcut, as a short label for the hint shown in the search box (`/`, `Ctrl K`, `⌘ K`). */
export function hotkeyLabel(hotkey: string): string {
  const first = hotkey.split(/\s+/).find(Boolean)
  const combination = first ? parseCombination(first) : null
  if (!combination) return ''
  const apple = isAppleSystem()
  const names = [
    combination.ctrl || (combination.mod && !apple) ? 'Ctrl' : '',
    combination.meta || (combination.mod && apple) ? '⌘' : '',
    combination.alt ? 'Alt' : '',
    combination.shift ? 'Shift' : '',
    combination.key.length === 1 ? combination.key.toUpperCase() : combination.key,
  ]
  return names.filter(Boolean).join(' ')
}
