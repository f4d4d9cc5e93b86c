package accessible

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	ms "github.com/sipmote/sipmote/ui/screens/meeting"
)

// The fields of the section in focus, read and written through the same
// field definitions as the full screen's. Everything here runs inside
// the view's Edit or Read: a field's Get and Set reach the plan.

func (m *meeting) section() ms.PlainSection { return m.sections[m.sec] }

// visible are the fields of the focus (the section's form, or the open
// row's) that show now; a field hidden by a choice above is left out.
func (m *meeting) visible() []components.Field {
	s := m.section()
	fs := s.Fields
	if s.Rows != nil {
		if m.row == "" {
			return nil
		}
		fs = s.Rows.Fields(m.row)
	}
	var out []components.Field
	for _, f := range fs {
		if f.Hide == nil || !f.Hide() {
			out = append(out, f)
		}
	}
	return out
}

// options are a choice field's options as they are now.
func (m *meeting) options(f components.Field) []components.Option {
	if f.Options != nil {
		return f.Options()
	}
	if f.Kind == components.KindToggle {
		return []components.Option{{Value: "true", Label: model.T(m.l, "ja", "yes")}, {Value: "false", Label: model.T(m.l, "nej", "no")}}
	}
	return f.Opts
}

// choices are the options offered by number: a choice's "— choose —"
// placeholder is no answer, so the numbers start at 1 with a real one.
func (m *meeting) choices(f components.Field) []components.Option {
	var out []components.Option
	for _, o := range m.options(f) {
		if o.Value != "" || f.Kind == components.KindToggle {
			out = append(out, o)
		}
	}
	return out
}

// valueText is a field's value as words: a choice's label, yes or no.
func (m *meeting) valueText(f components.Field) string {
	v := f.Get()
	switch f.Kind {
	case components.KindToggle:
		if v == "true" {
			return model.T(m.l, "ja", "yes")
		}
		return model.T(m.l, "nej", "no")
	case components.KindChoice:
		for _, o := range m.options(f) {
			if o.Value == v {
				if v == "" {
					return ""
				}
				return o.Label
			}
		}
		if v != "" {
			return v
		}
	case components.KindAction:
		if f.Note != nil {
			return f.Note()
		}
	}
	return strings.TrimSpace(v)
}

// hiddenText says that a private field holds something without saying
// what.
func (m *meeting) hiddenText(f components.Field) string {
	n := 0
	if f.Items != nil {
		n = f.Items()
	} else if strings.TrimSpace(f.Get()) != "" {
		n = 1
	}
	if n == 0 {
		return model.T(m.l, "dolt fält, tomt", "hidden field, empty")
	}
	return model.T(m.l, "dolt fält med ", "hidden field with ") + model.Plural(m.l, n, "%d rad", "%d rader", "%d entry", "%d entries") + model.T(m.l, "; :visa läser det (hörlurar om skärmläsaren talar)", "; :show reads it (headphones if the screen reader speaks)")
}

// focusLine says the field in focus: where it is, what it is, what it
// holds, and for a choice the numbered options.
func (m *meeting) focusLine() string {
	fs := m.visible()
	if len(fs) == 0 {
		return m.emptyFocus()
	}
	m.field = min(m.field, len(fs)-1)
	f := fs[m.field]
	l := m.l
	s := model.T(l, "Fält ", "Field ") + itoa(m.field+1) + model.T(l, " av ", " of ") + itoa(len(fs)) + ": " + stop(f.Label) + " "
	switch {
	case f.Private:
		// After the label's full stop: a sentence of its own.
		h := []rune(m.hiddenText(f))
		s += strings.ToUpper(string(h[:1])) + string(h[1:]) + "."
	case f.Kind == components.KindAction:
		s += m.valueText(f) + model.T(l, " Skriv 1 för att fråga, och 1 igen när den enskilde sagt ja.", " Type 1 to ask, and 1 again when the person has said yes.")
	case m.valueText(f) == "":
		s += model.T(l, "Tomt.", "Empty.")
		if f.Hint != "" {
			s += " (" + f.Hint + ")"
		}
	case f.Kind == components.KindArea:
		s += model.T(l, "Har text, ", "Has text, ") + itoa(len(strings.Fields(f.Get()))) + model.T(l, " ord. :läs läser den.", " words. :read reads it.")
	default:
		s += model.T(l, "Nu: ", "Now: ") + m.valueText(f) + "."
	}
	if f.Kind == components.KindChoice || f.Kind == components.KindToggle {
		var opts []string
		for i, o := range m.choices(f) {
			opts = append(opts, itoa(i+1)+" "+o.Label)
		}
		if len(opts) == 0 {
			s += model.T(l, " Inget att välja ännu.", " Nothing to choose yet.")
		} else {
			s += model.T(l, " Välj med numret: ", " Choose by number: ") + strings.Join(opts, ", ") + "."
			if f.Kind == components.KindChoice && m.clearable(f) && f.Get() != "" {
				s += model.T(l, " 0 tar bort valet.", " 0 takes the choice away.")
			}
		}
	}
	return s
}

// emptyFocus says what to do where there is no field in focus.
func (m *meeting) emptyFocus() string {
	s := m.section()
	l := m.l
	if s.Rows != nil {
		oneLine := ""
		if s.Rows.Quick != nil {
			oneLine = model.T(l, " En hel deltagare går på en rad: Eva Lund, närstående (dotter), telefon.",
				" A whole participant fits on one line: Eva Lund, relative (daughter), phone.")
		}
		n := s.Rows.Count()
		if n == 0 {
			return model.T(l, "Listan ", "The list ") + s.Label + model.T(l, " är tom. Skriv en rad för att lägga till, eller :ny.", " is empty. Type a line to add one, or :new.") + oneLine
		}
		return model.T(l, "Listan ", "The list ") + s.Label + model.T(l, " har ", " has ") + model.Plural(l, n, "%d rad", "%d rader", "%d row", "%d rows") +
			model.T(l, ". :läs läser dem, :rad N öppnar en, :ny lägger till.", ". :read reads them, :row N opens one, :new adds one.") + oneLine
	}
	return model.T(l, "Här fastställs och skrivs planen ut: :fynd, :fastställ, :skriv ut.", "Here the plan is finalised and printed: :findings, :finalise, :print.")
}

// read says the section in focus field by field; a list its rows, or the
// open row's fields.
func (m *meeting) read() {
	r, l := m.r, m.l
	m.view.Read(func(*model.Plan) {
		s := m.section()
		r.say(model.T(l, "Del ", "Section ") + itoa(m.sec+1) + ": " + s.Label + ".")
		if s.Rows != nil && m.row == "" {
			n := s.Rows.Count()
			for i := range n {
				r.say(itoa(i+1) + ". " + s.Rows.Line(i))
			}
			r.say(m.emptyFocus())
			return
		}
		fs := m.visible()
		if len(fs) == 0 {
			r.say(m.emptyFocus())
			return
		}
		for i, f := range fs {
			head := itoa(i+1) + ". " + f.Label + ": "
			switch {
			case f.Private:
				r.say(head + m.hiddenText(f) + ".")
			case m.valueText(f) == "":
				r.say(head + model.T(l, "tomt.", "empty."))
			case f.Kind == components.KindArea:
				r.say(head)
				r.say(strings.TrimSpace(f.Get()))
			default:
				r.say(head + m.valueText(f))
			}
		}
	})
}

// show reads the section's private fields, on request only.
func (m *meeting) show() {
	found := false
	m.view.Read(func(*model.Plan) {
		for _, f := range m.visible() {
			if !f.Private {
				continue
			}
			found = true
			v := strings.TrimSpace(f.Get())
			if v == "" {
				v = model.T(m.l, "tomt", "empty")
			}
			m.r.say(f.Label + ":")
			m.r.say(v)
		}
	})
	if !found {
		m.r.sayT("Det finns inget dolt fält här. Det dolda fältet finns under Samtycke.", "There is no hidden field here. The hidden field is under Consent.")
	}
}

// text adds a typed line to the field in focus: a new paragraph of a
// text area, a new entry of a list, the value of a one-line field, or
// the numbered choice of a choice.
func (m *meeting) text(line string) {
	r, l := m.r, m.l
	if strings.TrimSpace(line) == "" {
		m.skip()
		return
	}
	if m.readOnly {
		r.sayT("Planen kan inte ändras: den är fastställd eller avslutad. Raden sparades inte.", "The plan cannot be changed: it is finalised or closed. The line was not kept.")
		return
	}
	var say []string
	advance := false
	ran := m.edit(func(*model.Plan) {
		s := m.section()
		if s.Fields == nil && s.Rows == nil {
			say = append(say, m.emptyFocus())
			return
		}
		if s.Rows != nil && m.row == "" {
			m.row, m.field = model.NewID(), 0
			say = append(say, model.T(l, "Ny rad i ", "New row in ")+s.Label+".")
		}
		if s.Rows != nil && s.Rows.Quick != nil && m.field == 0 && s.Rows.Index(m.row) < 0 && strings.Contains(line, ",") {
			// A whole participant on one line, read as the full
			// screen's quick row reads it: the name is never the line.
			id, understood, ok := s.Rows.Quick(line)
			if !ok {
				say = append(say, model.T(l, "Raden börjar inte med ett namn; inget lades till.", "The line does not begin with a name; nothing was added."))
				return
			}
			m.view.Changed(s.ID)
			m.row, m.field = "", 0
			say = append(say, model.T(l, "Tillagd: ", "Added: ")+strings.Join(understood, " · ")+".",
				model.T(l, "Det är rad ", "It is row ")+itoa(s.Rows.Index(id)+1)+model.T(l, "; :rad ", "; :row ")+itoa(s.Rows.Index(id)+1)+
					model.T(l, " öppnar den för att ändra något. Nästa rad du skriver blir en ny deltagare.", " opens it to change something. The next line you type makes a new participant."))
			return
		}
		fs := m.visible()
		if len(fs) == 0 {
			return
		}
		m.field = min(m.field, len(fs)-1)
		f := fs[m.field]
		msg, ok := m.put(f, line)
		say = append(say, msg)
		if !ok {
			return
		}
		m.view.Changed(s.ID)
		if n := len(m.visible()); n != len(fs) {
			// A choice that shows or hides fields changes the count the
			// focus lines say: said once here, not found out later.
			say = append(say, fmt.Sprintf(model.T(l, "Med det valet finns %d fält här i stället för %d.", "With that choice there are %d fields here instead of %d."), n, len(fs)))
		}
		if f.Check != nil {
			if c := f.Check(f.Get()); c != "" {
				// The focus stays, so that the next line puts it right;
				// what was typed is kept meanwhile.
				say = append(say, c, model.T(l, "Det du skrev står kvar tills du rättar det: skriv raden igen.",
					"What you typed is kept until you correct it: type the line again."))
				return
			}
		}
		// A choice taken away stays in focus for the new one.
		advance = f.Kind != components.KindArea && f.Kind != components.KindAction && f.Items == nil &&
			!(f.Kind == components.KindChoice && f.Get() == "")
	})
	if !ran {
		r.sayT("Mötet är stängt; raden sparades inte.", "The meeting is closed; the line was not kept.")
		return
	}
	for _, s := range say {
		r.say(s)
	}
	if advance {
		m.view.Read(func(*model.Plan) {
			if n := len(m.visible()); m.field+1 < n {
				m.field++
				r.say(m.focusLine())
			} else if m.section().Rows != nil {
				m.row, m.field = "", 0
				r.sayT("Raden är klar. Nästa rad du skriver blir en ny rad; :läs läser listan.", "The row is done. The next line you type makes a new row; :read reads the list.")
			} else {
				r.sayT("Det var delens sista fält.", "That was the section's last field.")
			}
		})
	}
}

// put writes line to field f and says what it did; ok is false when
// nothing was written.
func (m *meeting) put(f components.Field, line string) (msg string, ok bool) {
	l := m.l
	line = strings.TrimSpace(line)
	switch f.Kind {
	case components.KindChoice, components.KindToggle:
		opts := m.choices(f)
		if len(opts) == 0 {
			return model.T(l, "Det finns inget att välja ännu.", "There is nothing to choose yet.") + hint(f.Hint), false
		}
		if line == "0" && f.Kind == components.KindChoice && m.clearable(f) {
			f.Set("")
			return f.Label + model.T(l, ": inget valt.", ": nothing chosen."), true
		}
		n, ok := number(line, len(opts))
		if !ok {
			for i, o := range opts {
				if strings.EqualFold(o.Label, line) || (f.Kind == components.KindToggle && yesNo(line) == o.Value) {
					n, ok = i+1, true
				}
			}
		}
		if !ok {
			return model.T(l, "Välj med ett av numren 1 till ", "Choose with one of the numbers 1 to ") + itoa(len(opts)) + ".", false
		}
		f.Set(opts[n-1].Value)
		return stop(f.Label + ": " + m.valueText(f)), true
	case components.KindAction:
		// Only a deliberate 1 (or yes) runs it: text typed here by
		// mistake must not record a consent.
		if line != "1" && yesNo(line) != "true" {
			return model.T(l, "Här skriver du 1 för att fråga, och 1 igen när den enskilde sagt ja. Det du skrev sparades inte; :fält byter fält.",
				"Here you type 1 to ask, and 1 again when the person has said yes. What you typed was not kept; :field changes field."), false
		}
		f.Set("")
		return m.valueText(f), true
	}
	old := f.Get()
	val := line
	switch {
	case f.Items != nil && strings.TrimSpace(old) != "":
		val = old + "; " + line
	case f.Kind == components.KindArea && strings.TrimSpace(old) != "":
		val = strings.TrimRight(old, "\n") + "\n" + line
	}
	if utf8.RuneCountInString(val) > model.MaxFieldChars {
		return model.T(l, "Fältet rymmer inte mer text; raden lades inte till.", "The field holds no more text; the line was not added."), false
	}
	f.Set(val)
	switch {
	case f.Private:
		return model.T(l, "Tillagt i det dolda fältet.", "Added to the hidden field."), true
	case f.Items != nil:
		return model.T(l, "Tillagt i ", "Added to ") + f.Label + model.T(l, ", nu ", ", now ") + itoa(f.Items()) + ".", true
	case f.Kind == components.KindArea:
		return model.T(l, "Tillagt i ", "Added to ") + f.Label + ".", true
	case strings.TrimSpace(old) != "" && strings.TrimSpace(old) != line:
		return stop(f.Label+": "+line) + model.T(l, " Ersatte: ", " Replaced: ") + old, true
	}
	return stop(f.Label + ": " + line), true
}

// yesNo reads a yes or a no in either language.
func yesNo(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "yes", "y":
		return "true"
	case "nej", "n", "no":
		return "false"
	}
	return ""
}

// stop ends a sentence with a full stop unless it has its own mark.
func stop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":") {
		return s
	}
	return s + "."
}

// hint is a field's hint in brackets after a sentence, or nothing.
func hint(h string) string {
	if h == "" {
		return ""
	}
	return " (" + h + ")"
}

// clearable tells whether a choice may be left unchosen: it offers an
// empty answer ("— choose —") of its own.
func (m *meeting) clearable(f components.Field) bool {
	for _, o := range m.options(f) {
		if o.Value == "" {
			return true
		}
	}
	return false
}

// skip moves on from a one-line field, a list or a choice on an empty line, so a
// row or a form can be walked through leaving fields as they are. In a
// text area an empty line is only the gap between paragraphs.
func (m *meeting) skip() {
	m.view.Read(func(*model.Plan) {
		fs := m.visible()
		if len(fs) == 0 {
			return
		}
		m.field = min(m.field, len(fs)-1)
		f := fs[m.field]
		if f.Kind == components.KindArea {
			return
		}
		if m.field+1 < len(fs) {
			m.field++
			m.r.say(m.focusLine())
			return
		}
		if m.section().Rows != nil {
			m.row, m.field = "", 0
			m.r.sayT("Raden är klar. Nästa rad du skriver blir en ny rad; :läs läser listan.", "The row is done. The next line you type makes a new row; :read reads the list.")
			return
		}
		m.r.sayT("Det var delens sista fält.", "That was the section's last field.")
	})
}
