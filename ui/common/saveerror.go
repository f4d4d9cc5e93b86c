package common

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// SaveErrorText says what went wrong with saving without naming any data.
// A database that refuses every write is not said to be tried again.
func SaveErrorText(l model.Lang, err error) string {
	then := model.T(l, " — texten finns kvar på skärmen, försöker igen", " — the text is still on screen, trying again")
	if service.Refused(err) {
		then = model.T(l, " — texten finns bara kvar på skärmen", " — the text is only on screen")
	}
	return model.T(l, "KUNDE INTE SPARA: ", "COULD NOT SAVE: ") + ErrText(l, err) + then
}
