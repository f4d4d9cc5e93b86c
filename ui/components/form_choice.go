package components

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// letterGap is how soon a second key after a letter means typing, not
// choosing: someone who picks by letter looks at the choice before the
// next key; "Samir" typed in the belief that this is a text field comes
// far faster.
const letterGap = time.Second

// letterRun follows the keys typed on a choice since the last pause: the
// value before them, the last letter and when it came, and whether they
// turned out to be typing.
type letterRun struct {
	field  int
	before string
	letter string
	at     time.Time
	typing bool
}

// updateChoice handles a key on a choice field: ← and → step through the
// options, a letter picks the next option whose label starts with it (or,
// when none does, has a word that does: see letterChoice)
// (the same letter again goes on through several: "p" goes personal,
// personal hos annan part, personal…). Space and any other text change
// nothing: someone typing there thought it was a text field (each space
// of a sentence stepped the choice once), and a silent change would go
// unnoticed into the plan; one line says which keys choose. Keys that
// come as typing does (another key within letterGap of a letter) put the
// choice back as it was before them.
func (f *Form) updateChoice(fl *Field, k tea.KeyPressMsg) bool {
	opts := fl.choices()
	cur := -1
	for j, o := range opts {
		if o.Value == fl.Get() {
			cur = j
		}
	}
	d := 0
	switch {
	case key.Matches(k, formKeys.right):
		d = 1
	case key.Matches(k, formKeys.left):
		d = -1
	}
	if d != 0 {
		f.letters = nil
		if len(opts) == 0 {
			return false
		}
		fl.Set(opts[(max(cur, 0)+d+len(opts))%len(opts)].Value)
		return true
	}
	if k.Text == "" && !key.Matches(k, formKeys.toggle) {
		return false
	}
	now := f.clock()
	run := f.letters
	if run != nil && (run.field != f.Focus || now.Sub(run.at) >= letterGap) {
		run = nil
	}
	refuse := func() bool {
		f.Notice = model.T(f.lang,
			"Välj med ← → eller första bokstaven; annat ändrar inget.",
			"Choose with ← → or the first letter of a word; nothing else does.")
		if run == nil || run.typing {
			return false
		}
		// What came before this key was typing too: it is taken back,
		// and said, so that a quick chooser sees why her choice went.
		run.typing = true
		if fl.Get() != run.before {
			fl.Set(run.before)
			before := run.before
			for _, o := range opts {
				if o.Value == before {
					before = o.Label
				}
			}
			f.Notice = fmt.Sprintf(model.T(f.lang,
				"Tillbaka till ”%s”: bokstäver så tätt ser ut som skrivande. Välj med ← → eller en bokstav i taget.",
				"Put back to “%s”: letters this close together look like typing. Choose with ← → or one letter at a time."), before)
			return true
		}
		return false
	}
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock
	i, ok := letterChoice(opts, cur, k.Text)
	if !ok || k.Mod&^textMods != 0 {
		changed := refuse()
		if run != nil {
			run.at = now
		}
		return changed
	}
	if run != nil && (run.typing || run.letter != k.Text) {
		changed := refuse()
		run.at = now
		return changed
	}
	if run == nil {
		run = &letterRun{field: f.Focus, before: fl.Get()}
		f.letters = run
	}
	run.letter, run.at = k.Text, now
	if i == cur {
		return false
	}
	fl.Set(opts[i].Value)
	return true
}

// clock is the form's time, for telling typing from choosing.
func (f *Form) clock() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// letterChoice finds the option after cur whose label starts with the one
// letter typed, going round to the start; case does not matter, and å, ä
// and ö are letters of their own, as in a Swedish dictionary. Marks
// before the first letter of a label ("— ", "(") are passed over. When no
// label starts with the letter, a word inside one does: in English most
// options begin alike ("the plan is revised", "the plan is closed"), and
// r and c choose by the word that tells them apart. Small words ("the",
// "is", "to") and words every option has are passed over.
func letterChoice(opts []Option, cur int, text string) (int, bool) {
	r, size := utf8.DecodeRuneInString(text)
	if size == 0 || size != len(text) || !unicode.IsLetter(r) {
		return 0, false
	}
	r = unicode.ToLower(r)
	if i, ok := nextMatch(opts, cur, func(o Option) bool { return !placeholder(o) && firstLetter(o.Label) == r }); ok {
		return i, true
	}
	common := commonWords(opts)
	return nextMatch(opts, cur, func(o Option) bool {
		if placeholder(o) {
			return false
		}
		for _, w := range labelWords(o.Label) {
			if !smallWords[w] && !common[w] && firstLetter(w) == r {
				return true
			}
		}
		return false
	})
}

// nextMatch is the first option after cur, going round, that match keeps.
func nextMatch(opts []Option, cur int, match func(Option) bool) (int, bool) {
	for n := 1; n <= len(opts); n++ {
		i := (cur + n + len(opts)) % len(opts)
		if match(opts[i]) {
			return i, true
		}
	}
	return 0, false
}

// smallWords say nothing of which option is meant.
var smallWords = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "be": true, "is": true, "are": true, "has": true,
	"have": true, "been": true, "there": true, "of": true, "by": true, "for": true, "and": true, "or": true,
	"in": true, "at": true, "it": true, "en": true, "ett": true, "är": true, "har": true, "och": true,
	"eller": true, "att": true, "i": true, "på": true, "av": true, "som": true, "den": true, "det": true,
}

// labelWords are a label's words in lower case, without marks around them.
func labelWords(label string) []string {
	return strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// commonWords are the words every option's label has ("plan" in "the
// plan is revised" and "the plan is closed"); they tell none apart.
func commonWords(opts []Option) map[string]bool {
	count := map[string]int{}
	labelled := 0
	for _, o := range opts {
		ws := labelWords(o.Label)
		if len(ws) == 0 || placeholder(o) {
			continue
		}
		labelled++
		seen := map[string]bool{}
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				count[w]++
			}
		}
	}
	common := map[string]bool{}
	for w, n := range count {
		if labelled > 1 && n == labelled {
			common[w] = true
		}
	}
	return common
}

// placeholder tells the option that stands for no choice yet ("— välj
// —", "— choose —"): no letter chooses it (c is not "choose").
func placeholder(o Option) bool { return strings.HasPrefix(strings.TrimSpace(o.Label), "—") }

// firstLetter is the label's first letter in lower case, 0 when it has none.
func firstLetter(label string) rune {
	for _, r := range label {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
	}
	return 0
}
