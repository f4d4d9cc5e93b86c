package common

import (
	"github.com/sipmote/sipmote/model"
)

// SaveErrorText says what went wrong with saving without naming any data.
func SaveErrorText(l model.Lang, err error) string {
	return model.T(l, "KUNDE INTE SPARA: ", "COULD NOT SAVE: ") + ErrText(l, err) +
		model.T(l, " — texten finns kvar på skärmen, försöker igen", " — the text is still on screen, trying again")
}
