package home

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// searchKey handles a key while the search field has the keys. / there
// is the search key, not a letter of a name: it leaves the search as it
// is, ready to be typed over. A search left with the arrows and taken up
// again with / is typed over too (the first letter starts a new one, as
// a suggestion in a form is replaced), so that typing the name again does
// not double it ("johanssonjohansson"); ← or backspace first keeps it to
// edit.
func (h *Model) searchKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, h.keys.clear):
		h.filtering, h.retype = false, false
		h.Filter.SetValue("")
		h.Filter.Blur()
		h.apply()
		return nil
	case key.Matches(k, h.keys.open):
		h.filtering, h.retype = false, false
		h.Filter.Blur()
		return h.openCurrent()
	case key.Matches(k, h.keys.arrows):
		h.filtering, h.retype = false, false
		h.Filter.Blur()
		return nil
	case key.Matches(k, h.keys.filter):
		h.retype = h.Filter.Value() != ""
		return nil
	}
	if h.retype {
		h.retype = false
		if k.Text != "" {
			h.Filter.SetValue("")
		}
	}
	var cmd tea.Cmd
	h.Filter, cmd = h.Filter.Update(k)
	h.apply()
	return cmd
}

// retypeHint says, on a line under the search field, that typing starts
// a new search.
func (h *Model) retypeHint() string {
	if !h.retype || !h.filtering {
		return ""
	}
	return h.st.Subtle.Render("("+model.T(h.lang, "skriv för att söka på nytt, ← för att ändra", "type to search again, ← to edit")+")") + "\n"
}
