package printdialog

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// The print dialog's commands are on text keys: space takes a paper in or
// out, n adds a recipient, p prints. A sentence typed here (keys typed on
// after the dialog opened) took the original out at its first space and
// could print at a p. They act only typed alone (components.LoneKeys); a
// letter right after a space takes its change back, and one line says
// that no text is written here.

// typed sorts a key through LoneKeys and tells whether it was refused as
// part of a typed text.
func (o *Overlay) typed(k tea.KeyPressMsg) bool {
	command := key.Matches(k, o.keys.toggle, o.keys.add, o.keys.print)
	kind, undone := o.lone.Key(k, command)
	if kind != components.InRun {
		o.note = ""
		return false
	}
	switch {
	case undone:
		o.note = model.T(o.lang, "Mellanslaget ändrade inget: det började en text. ", "The space changed nothing: it began a text. ")
	case o.note != "":
		return true
	}
	o.note += model.T(o.lang, "Här skrivs ingen text: mellanslag med/inte med, n lägger till en mottagare, enter skriver ut.",
		"No text is written here: space in/out, n adds a recipient, enter prints.")
	return true
}

// undoToggle is how to take back the toggle about to be made on the row
// under the cursor, found again by name: the list is read again after it.
func (o *Overlay) undoToggle() func() {
	if o.cursor == 0 {
		return func() { o.original = !o.original }
	}
	i := o.cursor - 1
	if i >= len(o.rows) {
		return nil
	}
	name, adhoc := o.rows[i].r.Name, o.rows[i].adhoc
	return func() {
		for j, r := range o.rows {
			if r.r.Name == name && r.adhoc == adhoc {
				o.cursor = j + 1
				o.toggle()
				return
			}
		}
	}
}
