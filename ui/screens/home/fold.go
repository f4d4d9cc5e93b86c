package home

import (
	"github.com/sipmote/sipmote/model"
)

// The search compares letters the way the keyboard in front of the user
// types them. Names come from everywhere (Ibrahimović, Nguyễn, Øystein,
// Zoë), and nobody types ć or ễ to find them: every accented or marked
// Latin letter is found by its plain letter. å, ä and ö are letters of
// their own in Swedish (Åsa and Asa are two names), so in Swedish they
// stay; in English, where the keyboard has no å, "asa" finds Åsa.
// Letters with no mark to take off have their usual spelling in plain
// letters: ø as o, æ as ae, ß as ss, đ as d, ł as l. In Swedish, ø and æ
// are also found by ö and ä, the Swedish letters for the same sounds
// ("sören" finds Søren).

// swedishOwn are the letters Swedish keeps as they are, and the Swedish
// letter that finds ø and æ in Swedish.
var swedishOwn = map[rune]string{'å': "å", 'ä': "ä", 'ö': "ö", 'ø': "ö", 'æ': "ä"}

// foldRune is r's spelling in the search, r already in lower case; the
// second answer is its other spelling, when it has one ("" if not): in
// Swedish ø is ö, and also o.
func foldRune(l model.Lang, r rune) (string, string) {
	if l != model.English {
		if s, ok := swedishOwn[r]; ok {
			if p, _ := model.PlainLetters(r); r == 'ø' || r == 'æ' {
				return s, p
			}
			return s, ""
		}
	}
	if p, ok := model.PlainLetters(r); ok {
		return p, ""
	}
	return string(r), ""
}

// hasOther says whether a name has a second spelling in the search (in
// Swedish, a name with ø or æ).
func hasOther(l model.Lang, name string) bool {
	if l == model.English {
		return false
	}
	for _, r := range name {
		if r == 'ø' || r == 'æ' || r == 'Ø' || r == 'Æ' {
			return true
		}
	}
	return false
}
