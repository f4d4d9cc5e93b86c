package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
)

func cmdList(a *app, args []string) error {
	fs := a.flags("list")
	asJSON := fs.Bool("json", false, "")
	if _, err := a.parse(fs, "list", args); err != nil {
		return err
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	if *asJSON {
		return listJSON(a, db)
	}
	// Written as it is read, in constant memory: a first reading finds
	// the columns' widths, a second writes the rows (padded as a
	// tabwriter would pad them). A buffered writer under it: one write
	// system call per cell was most of the time with 10 000 plans.
	header := strings.Split(model.T(a.lang, "ID\tPERSON\tPERSONNUMMER\tSTATUS\tVERSION\tUPPFÖLJNING", "ID\tPERSON\tID NUMBER\tSTATUS\tVERSION\tFOLLOW-UP"), "\t")
	var widths [5]int
	measure := func(cells []string) {
		for i := range widths {
			widths[i] = max(widths[i], utf8.RuneCountInString(cells[i]))
		}
	}
	measure(header)
	bw := bufio.NewWriterSize(a.stdout, 64<<10)
	write := func(cells []string) error {
		for i, c := range cells[:len(widths)] {
			bw.WriteString(c)
			bw.WriteString(strings.Repeat(" ", widths[i]+2-utf8.RuneCountInString(c)))
		}
		bw.WriteString(cells[len(widths)])
		return bw.WriteByte('\n')
	}
	n, headed := 0, false
	listErr := db.ListEach(a.ctx, func(s *model.Summary) { n++; measure(listCells(a, s)) }, func(s *model.Summary) error {
		if !headed {
			headed = true
			if err := write(header); err != nil {
				return err
			}
		}
		return write(listCells(a, s))
	})
	if n == 0 {
		if listErr != nil {
			return listErr
		}
		fmt.Fprintln(a.stdout, model.T(a.lang, "Inga planer ännu. Skapa en med sipmote new --person NAMN, eller prova: "+a.demoCommand(),
			"No plans yet. Create one with sipmote new --person NAME, or try: "+a.demoCommand()))
		return nil
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return listErr
}

// listCells are a plan's cells in the list's table.
func listCells(a *app, s *model.Summary) []string {
	fu := s.FollowUpCell(a.lang)
	if fu == "" {
		fu = "—"
	}
	// Cleaned here as well as by the output writer, so that the columns
	// line up.
	name := termsafe.String(s.Person)
	if s.ConsentGone {
		name = model.T(a.lang, "(samtycket återkallat)", "(consent withdrawn)")
	}
	return []string{s.ID[:8], name, orDash(s.PNRMasked), s.Status.Label(a.lang), s.VersionLabel(a.lang), fu}
}

// listJSON writes the list as a JSON array, one plan at a time, as an
// indenting json.Encoder writes the whole array.
func listJSON(a *app, db *service.Service) error {
	type row struct {
		ID     string `json:"id"`
		Person string `json:"person"`
		PNR    string `json:"pnr_masked"`
		Status string `json:"status"`
		// Version is the number of the version the plan is at, as
		// findings names it: the draft being written is the next
		// version. Finalised counts the finalised versions.
		Version      int    `json:"version"`
		Draft        bool   `json:"has_draft"`
		Finalised    int    `json:"finalised_versions"`
		NextFollowUp string `json:"next_follow_up"`
		BookBy       string `json:"follow_up_book_by,omitempty"`
	}
	bw := bufio.NewWriterSize(a.stdout, 64<<10)
	n := 0
	listErr := db.ListEach(a.ctx, func(*model.Summary) {}, func(s *model.Summary) error {
		r := row{s.ID, s.Person, s.PNRMasked, string(s.Status), s.Shown(), s.HasDraft, s.Version, s.NextFollowUp, ""}
		if s.NextFollowUp == "" {
			r.BookBy = s.BookBy()
		}
		b, err := json.MarshalIndent(r, "  ", "  ")
		if err != nil {
			return err
		}
		if n == 0 {
			bw.WriteString("[\n  ")
		} else {
			bw.WriteString(",\n  ")
		}
		n++
		_, err = bw.Write(b)
		return err
	})
	if n == 0 {
		if listErr != nil {
			return listErr
		}
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// The whole plans are listed; the damaged ones are named after.
	return listErr
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
