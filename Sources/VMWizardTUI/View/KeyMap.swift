import VMWizardCore

/// The wizard's keys with what they do: one table for the F1 overlay, the footer and the README.
public enum KeyMap {
    public struct Binding: Sendable {
        public var keys: Phrase
        public var action: Phrase
    }

    public static let global: [Binding] = [
        Binding(keys: "Tab / Shift-Tab, ↓ / ↑", action: "next / previous field"),
        Binding(keys: "Enter", action: "edit, open a list, or activate; in a text field: next field"),
        Binding(keys: "Space", action: "toggle a checkbox"),
        Binding(keys: "← / →", action: "change a choice; move the caret in text"),
        Binding(keys: "+ / -", action: "step a number (memory by 32 MiB); add / remove a disk, NIC or device in its list"),
        Binding(keys: "o (on Confirm)", action: "the settings kept from a template: drop or keep each"),
        Binding(keys: "PgDn or Ctrl-N", action: "next tab"),
        Binding(keys: "PgUp or Ctrl-P", action: "previous tab"),
        Binding(keys: "F10 or Ctrl-X", action: "finish: go to Confirm, or to the first invalid field; on Confirm: create"),
        Binding(keys: "F2 or Ctrl-A", action: "show / hide advanced options (remembered)"),
        Binding(keys: "F1 or ?", action: "this help (? only outside text fields)"),
        Binding(keys: "Ctrl-R", action: "reset the field to its default"),
        Binding(keys: "Ctrl-U / Ctrl-K", action: "clear the text field / clear to its end"),
        Binding(keys: "Home / End (Ctrl-E)", action: "caret to start / end"),
        Binding(keys: "Ctrl-F / Ctrl-B", action: "scroll the help pane (the summary on Confirm)"),
        Binding(keys: "Esc", action: "close a popup; otherwise ask before quitting"),
        Binding(keys: "Ctrl-C", action: "quit now (answers are kept as a draft)"),
        Binding(keys: "Ctrl-L", action: "redraw the screen"),
    ]
}
