package accessible

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// removeRow removes the open row, or row N of the list in focus, once the
// user has said yes: the full screen asks too.
func (m *meeting) removeRow(arg string) {
	r, l := m.r, m.l
	s := m.section()
	if s.Rows == nil {
		r.sayT("Delen i fokus är ingen lista; det finns ingen rad att ta bort.", "The section in focus is not a list; there is no row to remove.")
		return
	}
	if m.readOnly {
		r.sayT("Planen kan inte ändras.", "The plan cannot be changed.")
		return
	}
	id, line := "", ""
	m.view.Read(func(*model.Plan) {
		i := -1
		if arg != "" {
			if n, ok := number(arg, s.Rows.Count()); ok {
				i = n - 1
			}
		} else if m.row != "" {
			i = s.Rows.Index(m.row)
		}
		if i >= 0 {
			id, line = s.Rows.RowID(i), s.Rows.Line(i)
		}
	})
	if id == "" {
		r.say(model.T(l, "Ange radens nummer, 1 till ", "Give the row's number, 1 to ") + m.view0(func() string { return itoa(s.Rows.Count()) }) + ".")
		return
	}
	r.choose(model.T(l, "Ta bort raden och allt som står i den? ", "Remove the row and everything in it? ")+line, []string{
		model.T(l, "Ja, ta bort raden", "Yes, remove the row"),
		model.T(l, "Nej, behåll den", "No, keep it"),
	}, func(i int) {
		if i != 0 {
			r.sayT("Raden är kvar.", "The row is kept.")
			return
		}
		removed := false
		m.edit(func(*model.Plan) {
			// Found again by id: the list may have changed on another
			// device meanwhile.
			if j := s.Rows.Index(id); j >= 0 {
				s.Rows.Remove(j)
				m.view.Changed(s.ID)
				removed = true
			}
		})
		if m.row == id {
			m.row, m.field = "", 0
		}
		if removed {
			r.sayT("Raden är borttagen.", "The row is removed.")
		} else {
			r.sayT("Raden fanns inte längre.", "The row was no longer there.")
		}
	}, func() { r.sayT("Raden är kvar.", "The row is kept.") })
}

// indexPart is a row's index in a finding's path: "[2]".
var indexPart = regexp.MustCompile(`\[(\d+)\]`)

// goFinding puts the focus where finding N (as :fynd numbered them)
// points: its section, its row and its field.
func (m *meeting) goFinding(arg string) {
	n, ok := number(arg, len(m.said))
	if !ok {
		m.r.sayT("Säg :fynd först; sedan går :fynd N till fynd N.", "Say :findings first; then :findings N goes to finding N.")
		return
	}
	f := m.said[n-1]
	id := model.SectionOf(f.Path)
	sec := -1
	for i, s := range m.sections {
		if s.ID == id {
			sec = i
		}
	}
	if sec < 0 {
		m.r.sayT("Det fyndet hör inte till något fält.", "That finding belongs to no field.")
		return
	}
	m.sec, m.row, m.field = sec, "", 0
	s := m.sections[sec]
	path := f.Path
	m.view.Read(func(*model.Plan) {
		if s.Rows != nil {
			if g := indexPart.FindStringSubmatch(path); g != nil {
				if i, err := strconv.Atoi(g[1]); err == nil && i < s.Rows.Count() {
					m.row = s.Rows.RowID(i)
				}
			}
		}
		bare := indexPart.ReplaceAllString(path, "[]")
		for i, fl := range m.visible() {
			if fl.Path == bare || strings.HasPrefix(bare, fl.Path+".") {
				m.field = i
				break
			}
		}
		m.r.say(model.T(m.l, "Del ", "Section ") + itoa(sec+1) + ": " + s.Label + ". " + m.focusLine())
	})
}
