package ui

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// saveErrorText says what went wrong with saving without naming any data.
func saveErrorText(l model.Lang, err error) string {
	return model.T(l, "KUNDE INTE SPARA: ", "COULD NOT SAVE: ") + common.ErrText(l, err) +
		model.T(l, " — texten finns kvar på skärmen, försöker igen", " — the text is still on screen, trying again")
}
